import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { dataJsonSchemas, frontmatterJsonSchema } from '../src/index.ts';

// Editors read the committed file; it must match the zod schema it is generated from.
// Regenerate with: pnpm frontline schema > packages/schema/module-frontmatter.schema.json
it('the committed JSON Schema is up to date', () => {
  const committed = JSON.parse(
    readFileSync(new URL('../module-frontmatter.schema.json', import.meta.url), 'utf8'),
  ) as unknown;
  expect(committed).toEqual(frontmatterJsonSchema());
});

it('describes every frontmatter key for editor hovers', () => {
  const schema = frontmatterJsonSchema() as {
    properties: Record<string, { description?: string }>;
    required: string[];
  };
  for (const [key, value] of Object.entries(schema.properties)) expect(value.description, key).toBeTruthy();
  expect(schema.required).toEqual(
    expect.arrayContaining([
      'id',
      'title',
      'summary',
      'audience',
      'level',
      'duration',
      'objectives',
      'version',
      'updated',
    ]),
  );
  // Input side: keys with defaults are optional for authors.
  expect(schema.required).not.toContain('prerequisites');
});

it('the committed JSON Schemas of paths, glossary terms and plans are up to date', () => {
  // Regenerate with: node packages/schema/scripts/json-schemas.ts
  for (const [name, schema] of Object.entries(dataJsonSchemas())) {
    const committed = JSON.parse(readFileSync(new URL(`../${name}`, import.meta.url), 'utf8')) as unknown;
    expect(committed, name).toEqual(schema);
  }
});
