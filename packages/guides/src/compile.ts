import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TEMPLATES, type Template } from './templates.ts';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const require = createRequire(import.meta.url);
/**
 * A full garbage collection. Each compiled document holds native memory that V8 does not
 * see, so without an occasional collection a long run grows by megabytes per document.
 */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** OFL fonts shipped through npm (Adobe Source Sans 3): no system fonts are used. */
export const FONT_DIR = join(dirname(require.resolve('source-sans/package.json')), 'TTF');

let compiler: NodeCompiler | undefined;
let compiled = 0;

/** One compiler per process: fonts are loaded once and layouts are memoised across documents. */
function getCompiler(): NodeCompiler {
  compiler ??= NodeCompiler.create({ workspace: TEMPLATES, fontArgs: [{ fontPaths: [FONT_DIR] }] });
  return compiler;
}

/** A Typst error with the template's own diagnostics. */
export class TypstError extends Error {
  override name = 'TypstError';
}

/**
 * Typesets one document. `data` (or its JSON encoding) is handed to the template as a string
 * input and decoded there, so author text is never evaluated as Typst. `timestamp` (seconds) fixes
 * the PDF's creation date, for byte-identical output.
 */
export function compilePdf(template: Template, data: unknown, timestamp: number): Buffer {
  const c = getCompiler();
  const json = typeof data === 'string' ? data : JSON.stringify(data);
  const args = { mainFilePath: join(TEMPLATES, `${template}.typ`), inputs: { data: json } };
  const result = c.compile(args);
  const error = result.takeError();
  if (error || !result.result) {
    const details = error ? c.fetchDiagnostics(error) : [];
    throw new TypstError(`Typst could not typeset ${template}: ${JSON.stringify(details).slice(0, 2000)}`);
  }
  const pdf = c.pdf(result.result, { creationTimestamp: timestamp });
  // Keep memory flat across thousands of documents: drop Typst's memoised layouts that
  // were not reused recently, and let V8 free the native documents it still holds.
  // Evicting everything older than this document costs no time here and keeps each
  // typesetting process near 160 MB instead of 210 MB.
  c.evictCache(0);
  compiled += 1;
  if (compiled % 10 === 0) collectGarbage();
  return pdf;
}

export { TEMPLATES, type Template };
