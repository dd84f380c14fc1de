// Writes the committed JSON Schemas (module frontmatter, paths, glossary terms, plans) that
// editors use for hover help and completion. Run: node packages/schema/scripts/json-schemas.ts
import { writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { fileURLToPath } from 'node:url';
import { dataJsonSchemas, frontmatterJsonSchema } from '../src/json-schema.ts';

const dir = fileURLToPath(new URL('..', import.meta.url));
const files = { 'module-frontmatter.schema.json': frontmatterJsonSchema(), ...dataJsonSchemas() };
// Formatted as the repository's Prettier check expects, so a regenerated file passes lint.
for (const [name, schema] of Object.entries(files))
  writeFileSync(`${dir}${name}`, await format(JSON.stringify(schema), { parser: 'json', printWidth: 120 }));
console.log(`Wrote ${Object.keys(files).join(', ')}`);
