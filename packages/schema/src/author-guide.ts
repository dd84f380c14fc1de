import { formatPretty } from './report.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { CatalogueEntry } from './catalogue.ts';

/** One rule's examples, taken from its test fixtures. */
export interface RuleExample {
  rule: Pick<CatalogueEntry, 'id' | 'severity' | 'summary' | 'why'>;
  /** The not-ok fixture, and what the validator prints for it (this rule's messages only). */
  notOk: string;
  diagnostics: Diagnostic[];
  /** The ok fixture: the fix. */
  ok: string;
}

const fence = (lang: string, text: string) => {
  const ticks = text.includes('```') ? '````' : '```';
  return `${ticks}${lang}\n${text.trimEnd()}\n${ticks}`;
};

/**
 * The rules part of the author guide (content/README.md): per rule, anchored by its id,
 * what it checks, why, one example error exactly as the CLI prints it, and the fix.
 * Built from the rules and their fixtures, so it cannot drift from what the validator does.
 */
export function rulesReference(examples: readonly RuleExample[]): string {
  const out: string[] = [
    '## Rules',
    '',
    'Every rule, with one example error exactly as `pnpm frontline validate` prints it and a version that passes.',
    '',
  ];
  out.push('| rule | severity | checks |', '| --- | --- | --- |');
  for (const { rule } of examples)
    out.push(`| [\`${rule.id}\`](#${rule.id}) | ${rule.severity} | ${rule.summary.replaceAll('|', '\\|')} |`);
  out.push('');
  for (const { rule, notOk, diagnostics, ok } of examples) {
    out.push(`### ${rule.id}`, '', `${rule.summary} ${rule.why}`, '', `Default severity: ${rule.severity}.`, '');
    out.push('Not OK (`content/modules/fixture.md`):', '', fence('markdown', notOk), '');
    out.push(
      'The validator says:',
      '',
      fence(
        'text',
        formatPretty(diagnostics.slice(0, 1), 1, { sources: () => notOk })
          .split('\n')
          .slice(0, -1)
          .join('\n')
          .trimEnd(),
      ),
      '',
    );
    out.push('OK:', '', fence('markdown', ok), '');
  }
  return out.join('\n');
}
