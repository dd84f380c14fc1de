import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { EXIT, UsageError } from '../io.ts';
import type { Command } from '../command.ts';
import { findScaffoldPrompts } from '@frontline/schema';
import { scaffoldModule } from '../scaffold.ts';
import { findContentRoot, isContentRoot } from '../content-root.ts';

export const newCommand: Command = {
  usage: [
    'Usage: frontline new <id> --title "Title" [--audience frontline] [--content <dir>]',
    '',
    'Writes content/modules/<id>.md with every required part, ready to fill in.',
  ].join('\n'),
  options: { title: { type: 'string' }, audience: { type: 'string', default: 'frontline' } },
  run({ values, positionals, contentGiven }, io) {
    const [id, ...extra] = positionals;
    if (!id) throw new UsageError('Missing module id: frontline new <id> --title "Title"');
    if (extra.length) throw new UsageError(`Unexpected extra argument \`${extra[0]}\`; quote the title: --title "…"`);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))
      throw new UsageError(`Unexpected id \`${id}\`, expected kebab-case (lower-case words joined by hyphens).`);
    const title = typeof values.title === 'string' ? values.title.trim() : '';
    if (title.length < 3) throw new UsageError('Missing --title "…" (at least 3 characters).');
    const audience = String(values.audience);
    if (!['frontline', 'team-lead', 'leader'].includes(audience))
      throw new UsageError(`Unexpected --audience \`${audience}\`, expected frontline, team-lead or leader.`);
    // Typed from inside the course (no --content, no `content/` here): the course above.
    const named = resolve(io.cwd, String(values.content));
    const root = contentGiven || isContentRoot(named) ? named : (findContentRoot(io.cwd) ?? named);
    const dir = join(root, 'modules');
    const file = join(dir, `${id}.md`);
    if (existsSync(file)) {
      io.stderr.write(
        `${relative(io.cwd, file)} already exists; nothing was written. Choose another id or edit that file.\n`,
      );
      return EXIT.content;
    }
    mkdirSync(dir, { recursive: true });
    // 'wx' fails if the file appeared meanwhile: never overwrite.
    const text = scaffoldModule({ id, title, audience, today: new Date().toISOString().slice(0, 10) });
    writeFileSync(file, text, { flag: 'wx' });
    const prompts = findScaffoldPrompts(text).length;
    io.stdout.write(
      `Created ${relative(io.cwd, file)}\nNext: replace the ${prompts} instructions in it with your text; ` +
        `\`pnpm frontline validate ${relative(io.cwd, file)}\` lists each one left, with its line.\n`,
    );
    return EXIT.ok;
  },
};
