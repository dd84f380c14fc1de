// remark's configuration, for the editor: with the recommended remark extension for VS Code
// (unifiedjs.vscode-remark), module frontmatter is checked against the committed JSON Schema as
// you type, the way YAML files are. `pnpm frontline validate` stays the full check (every rule,
// with a fix); this only wires the schema in. Nothing here formats or rewrites Markdown.
import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';

export default {
  plugins: [
    remarkFrontmatter,
    [
      remarkLintFrontmatterSchema,
      { schemas: { './packages/schema/module-frontmatter.schema.json': ['content/modules/*.md'] } },
    ],
  ],
};
