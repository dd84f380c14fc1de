// The peer for `frontline validate`: a plain unified pipeline over the same files
// (remark-parse + remark-frontmatter + remark-gfm + remark-directive, YAML via `yaml`).
// Parses every module and its frontmatter, as a validator built on remark must.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse } from 'yaml';
import type { Root } from 'mdast';

const dir = join(process.argv[2] ?? 'content', 'modules');
const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkDirective);
let nodes = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
  const tree = processor.runSync(processor.parse(readFileSync(join(dir, file), 'utf8'))) as Root;
  const front = tree.children[0];
  if (front?.type === 'yaml') parse(front.value);
  nodes += tree.children.length;
}
process.stdout.write(`${nodes}\n`);
