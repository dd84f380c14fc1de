import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIENCE_GUARDS, SECURITY_GUARDS, catalogue } from '../src/index.ts';
import { rulesReference } from '../src/author-guide.ts';
import { escapeControls } from '../src/escape.ts';
import { FIXTURES, validateText } from './helpers.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

const PREVIEW = `## Preview and check your module

From the repository root. If \`pnpm\` is not installed, put \`bash scripts/run.sh\` where these
commands say \`pnpm\`: it installs Node and pnpm into \`.tools/\` the first time, then runs the command.

\`\`\`sh
pnpm frontline new my-module-id --title "My module title"   # start from a complete skeleton
pnpm frontline validate content/modules/my-module-id.md     # every problem, with line, column and a fix
pnpm dev                                                    # the site at http://localhost:4321, live as you save
pnpm frontline guides --module my-module-id                 # the facilitator guide and handout PDFs in out/guides
\`\`\`

\`frontline new\` writes an instruction in every part to fill in (\`Write the first question.\`,
\`A wrong option\` and so on); the validator reports each one left (\`no-scaffold-prompt\`), so a module cannot go out
half-written. While \`pnpm dev\` runs, its terminal prints every problem the moment you save,
and the page keeps its last good version until they are fixed. Once every instruction is
replaced, your module appears at \`/modules/my-module-id/\`; add its id to a file in \`content/paths/\` to
place it in a learning path. Errors block a pull request; warnings ask for a look. New rules and
changes to the format are listed, with any migration, in
[the format's changelog](../packages/schema/CHANGELOG.md).

In VS Code, open the repository folder and accept the recommended extensions: \`::\` snippets
write every directive, and **Ctrl+Shift+B** (Cmd+Shift+B), the task *Frontline: check the
course*, puts each problem in the Problems panel at its line, with its rule and message.
`;

const WALKTHROUGH = `## Your first module in 30 minutes

1. **Start it.** From the repository root, on a new branch:

   \`\`\`sh
   git switch -c module/greeting-callers
   pnpm frontline new greeting-callers --title "Greeting callers"
   \`\`\`

   This writes \`content/modules/greeting-callers.md\` with every required part and an
   instruction in each place to fill in. It never overwrites a file.

2. **Write it.** Set \`duration: 30\` in the frontmatter, keep three objectives, and give the
   timed segments minutes that add up to 30 (for example 5, 15 and 10). Replace each
   instruction with your own text: the reference below shows every block with an example.

3. **Check it.**

   \`\`\`sh
   pnpm frontline validate content/modules/greeting-callers.md
   \`\`\`

   Each problem is printed with its line, the line itself with a \`^\` under the mistake, and a
   hint. Fix them top to bottom (one mistake early in the frontmatter can hide others) until it
   says \`1 file checked, no problems\`.

4. **See it.** \`pnpm dev\` serves the site at http://localhost:4321; your module is at
   \`/modules/greeting-callers/\` and its facilitator view at \`/facilitator/greeting-callers/\`,
   both updated as you save.

5. **Propose it.** Commit the file and open a pull request:

   \`\`\`sh
   git add content/modules/greeting-callers.md
   git commit -m "Add the Greeting callers module"
   git push -u origin module/greeting-callers
   \`\`\`

   The pull request runs the same validation; errors block the merge, warnings ask a reviewer
   to look. A curriculum lead reviews the text.
`;

const CONFIG = `## Configuration

\`content/frontline.config.json\` can change a rule's severity to \`error\`, \`warning\` or \`off\`:

\`\`\`json
{ "rules": { "descriptive-link-text": "warning" } }
\`\`\`

The file is checked like content (\`config-schema\`): a JSON syntax error at its line and column, an
unknown rule id with the closest one, a severity other than \`error\`, \`warning\` or \`off\`. A
setting with a problem is ignored; the others apply.

The rules that keep facilitator material (notes, expected answers, debriefs) out of learner pages
and participant handouts cannot be made warnings or turned off: a setting that tries is an error.
They are:
`;

/** The whole author guide: the format reference, preview steps, and the rules reference. */
export function buildAuthorGuide(): string {
  const format = readFileSync(join(here, '..', 'FORMAT.md'), 'utf8')
    // The reference's title and its "What is this?" paragraph are for readers of FORMAT.md.
    .replace(/^# The Frontline module format\n\nWhat is this\?.*?\n\n/s, '')
    .trim();
  const examples = catalogue
    .filter((entry) => entry.fixtures)
    .map((rule) => {
      const notOk = readFileSync(join(FIXTURES, rule.id, 'not-ok.md'), 'utf8');
      const ok = readFileSync(join(FIXTURES, rule.id, 'ok.md'), 'utf8');
      const diagnostics = validateText(notOk)
        .filter((d) => d.ruleId === rule.id)
        .map((d) => ({
          ...d,
          file: 'content/modules/fixture.md',
          ...(d.causes ? { causes: d.causes.map((c) => ({ ...c, file: 'content/modules/fixture.md' })) } : {}),
        }));
      // Shown escaped (`\x07`): the guide itself must not carry the invisible characters it warns about.
      return { rule, notOk: escapeControls(notOk), ok, diagnostics };
    });
  return [
    "<!-- Generated by packages/schema/scripts/author-guide.ts from FORMAT.md and the rules' fixtures. Do not edit by hand. -->",
    '',
    '# Writing Frontline modules',
    '',
    'This guide is for course authors. A module is one Markdown file in `content/modules/`; you change it',
    'through a pull request, and `pnpm frontline validate` tells you, line by line, what to fix.',
    '',
    WALKTHROUGH,
    format.replace(/^## /gm, '## ').trim(),
    '',
    PREVIEW,
    rulesReference(examples),
    '## Plan rules',
    '',
    'Delivery plans (`content/plans/`) are checked by these rules, reported like module rules with the plan file’s line and column:',
    '',
    '| rule | severity | checks |',
    '| --- | --- | --- |',
    ...catalogue
      .filter((entry) => entry.kind === 'plan-rule')
      .map((r) => `| <a id="${r.id}"></a>\`${r.id}\` | ${r.severity} | ${r.summary} |`),
    '',
    '## Other checks',
    '',
    'The validator’s own checks on files other than modules, and on itself:',
    '',
    '| check | severity | checks |',
    '| --- | --- | --- |',
    ...catalogue
      .filter((entry) => entry.kind === 'engine' && !entry.fixtures)
      .map((r) => `| <a id="${r.id}"></a>\`${r.id}\` | ${r.severity} | ${r.summary} ${r.why} |`),
    '',
    CONFIG,
    ...[...AUDIENCE_GUARDS].map((id) => `- [\`${id}\`](#${id})`),
    '',
    `The validator’s own checks (${catalogue
      .filter((entry) => entry.locked === 'engine')
      .map((entry) => `\`${entry.id}\``)
      .join(
        ', ',
      )}) cannot be lowered either: nothing else can be checked when they fail. Nor can ${[...SECURITY_GUARDS].map((id) => `[\`${id}\`](#${id})`).join(', ')}, which keeps files outside the course from being read or published.`,
    '',
  ].join('\n');
}
