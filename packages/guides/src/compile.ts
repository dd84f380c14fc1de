import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TEMPLATES, type Template } from './templates.ts';
import type { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const require = createRequire(import.meta.url);
/**
 * A garbage collection, of the young generation only (`minor`) or of the whole heap. Each
 * compiled document holds native memory that V8 does not see, so without an occasional
 * collection a long run grows by megabytes per document.
 */
const collectGarbage: (kind: 'minor' | 'major') => void = (() => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (options: { type: 'minor' | 'major'; execution: 'sync' }) => void;
  return (kind) => gc({ type: kind, execution: 'sync' });
})();

/** OFL fonts shipped through npm (Adobe Source Sans 3): no system fonts are used. */
export const FONT_DIR = join(dirname(require.resolve('source-sans/package.json')), 'TTF');

/** A font file of a package from Google Fonts as Expo publishes it (`400Regular/Name_400Regular.ttf`). */
function expoFont(family: string, file: string, weight: string): string {
  return join(dirname(require.resolve(`@expo-google-fonts/${family}/package.json`)), weight, `${file}_${weight}.ttf`);
}

/**
 * The fallback fonts, all under the SIL Open Font License and all from npm, for the scripts
 * Source Sans 3 lacks: the regular and bold faces only, the two weights the templates use (a bold
 * run in Thai is then bold, not a regular face stretched). Their family names are the fallback
 * order in `lib.typ`. Noto Sans SC carries the CJK ideographs and Japanese kana; Noto Emoji is
 * monochrome, which prints the same on any printer.
 */
export const FALLBACK_FONTS: readonly string[] = [
  ...['400Regular', '700Bold'].flatMap((weight) => [
    expoFont('ibm-plex-sans-arabic', 'IBMPlexSansArabic', weight),
    expoFont('noto-sans-devanagari', 'NotoSansDevanagari', weight),
    expoFont('noto-sans-thai', 'NotoSansThai', weight),
    expoFont('noto-sans-sc', 'NotoSansSC', weight),
  ]),
  expoFont('noto-emoji', 'NotoEmoji', '400Regular'),
  // This package exports only its script, not its package.json: its fonts sit beside `dist/`.
  ...['Regular', 'Bold'].map((style) =>
    join(dirname(require.resolve('@embedpdf/fonts-hebrew')), '..', 'fonts', `NotoSansHebrew-${style}.ttf`),
  ),
];

/**
 * The Typst engine. typst-ts 0.7.0 carries Typst 0.14, which writes tagged PDF and PDF/UA-1
 * (accessible to screen readers), but npm has its native binary for Linux x64 only. typst-ts
 * 0.6.0 carries Typst 0.13 (untagged PDF) with binaries for Linux x64 and arm64, macOS and
 * Windows. So: 0.14 where it loads (CI and the published course build on Linux x64), 0.13
 * elsewhere, with a notice; the templates are tested with both. `FRONTLINE_TYPST=0.13`
 * forces the fallback.
 */
export interface Engine {
  typst: '0.14' | '0.13';
  /** Whether PDFs are tagged and claim PDF/UA-1. */
  tagged: boolean;
  NodeCompiler: typeof NodeCompiler;
}

let engine: Engine | undefined;
export function typstEngine(): Engine {
  if (engine) return engine;
  if (process.env.FRONTLINE_TYPST !== '0.13') {
    try {
      const next = require('typst-ts-node-compiler-0.7') as { NodeCompiler: typeof NodeCompiler };
      engine = { typst: '0.14', tagged: true, NodeCompiler: next.NodeCompiler };
      return engine;
    } catch {
      if (!warned && process.env.FRONTLINE_TYPST !== '0.14') {
        warned = true;
        process.emitWarning(
          'Typst 0.14 has no binary for this platform on npm; typesetting with Typst 0.13. ' +
            'These PDFs are not tagged for screen readers; the course build on Linux x64 (CI) tags them.',
          { code: 'FRONTLINE_UNTAGGED_PDF' },
        );
      }
    }
  }
  if (process.env.FRONTLINE_TYPST === '0.14')
    throw new Error('FRONTLINE_TYPST=0.14, but Typst 0.14 (typst-ts 0.7.0) has no binary for this platform.');
  const fallback = require('@myriaddreamin/typst-ts-node-compiler') as { NodeCompiler: typeof NodeCompiler };
  engine = { typst: '0.13', tagged: false, NodeCompiler: fallback.NodeCompiler };
  return engine;
}
let warned = false;

let compiler: NodeCompiler | undefined;
let compiled = 0;
const BIG_PDF = 256 * 1024;

/**
 * A font configuration with no font folder of its own. The compiler also loads the system's fonts
 * through fontconfig, and used them for any character Source Sans 3 lacks: a PDF then depended on
 * the fonts of the machine that made it.
 */
const NO_SYSTEM_FONTS = fileURLToPath(new URL('../fontconfig/fonts.conf', import.meta.url));

/** One compiler per process: fonts are loaded once and layouts are memoised across documents. */
function getCompiler(): NodeCompiler {
  if (compiler) return compiler;
  // The compiler reads FONTCONFIG_FILE only while it is created; restore it at once, so that
  // anything else this process starts (a browser in the tests) keeps the system's fonts.
  const before = process.env.FONTCONFIG_FILE;
  process.env.FONTCONFIG_FILE = NO_SYSTEM_FONTS;
  try {
    compiler = typstEngine().NodeCompiler.create({
      workspace: TEMPLATES,
      fontArgs: [{ fontPaths: [FONT_DIR, ...FALLBACK_FONTS] }],
    });
  } finally {
    if (before === undefined) delete process.env.FONTCONFIG_FILE;
    else process.env.FONTCONFIG_FILE = before;
  }
  return compiler;
}

/**
 * Blanks `/Suspects false` in the catalogue's mark information, in place and at the same length
 * (so every cross-reference offset stays right). False is the default, so the document means
 * the same; but poppler before 24 reports a false value as a "Syntax Error" on every open,
 * which would make every tagged PDF look broken to `pdfinfo` and `pdftotext`.
 */
function quietSuspects(pdf: Buffer): void {
  const entry = Buffer.from('/Suspects false');
  const at = pdf.indexOf(entry);
  if (at >= 0 && pdf.indexOf(entry, at + 1) < 0) pdf.fill(0x20, at, at + entry.length);
}

/**
 * Control characters in the JSON of a document's data, except tab, line feed and carriage return:
 * C0 controls as JSON.stringify escapes them (`\u0000`, `\b`, `\f`), after an even number of
 * backslashes (an odd one would make the backslash itself the author's text), and the DEL and C1
 * controls, which JSON leaves as they are. No font draws them, so a tagged PDF cannot hold them
 * (Typst refuses the whole document), and an untagged one would carry them into copied text.
 */
const CONTROL_IN_JSON = /(?<!\\)((?:\\\\)*)(?:\\u00(?:0[0-8bcef]|1[\da-f])|\\[bf])|[\u007f-\u009f]/gi;

/** The JSON of a document's data with its control characters removed (see CONTROL_IN_JSON). */
export function withoutControls(json: string): string {
  return json.replace(CONTROL_IN_JSON, '$1');
}

/**
 * Blanks each table's `/BorderColor [r g b]` layout attribute in the structure tree, in place and
 * at the same length, as quietSuspects does. The attribute only tells an assistive tool the colour
 * of a table's rules; poppler (up to 25 at least) expects another form and warns "Attribute
 * BorderColor value is of wrong type (array)" on every read of every PDF with a table.
 */
function quietBorderColor(pdf: Buffer): void {
  const entry = Buffer.from('/BorderColor [');
  for (let at = pdf.indexOf(entry); at >= 0; at = pdf.indexOf(entry, at + 1)) {
    const end = pdf.indexOf(']', at);
    // Three numbers and their spaces: anything longer is not this attribute.
    if (end > at && end - at < 64) pdf.fill(0x20, at, end + 1);
  }
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
  const json = withoutControls(typeof data === 'string' ? data : JSON.stringify(data));
  const args = { mainFilePath: join(TEMPLATES, `${template}.typ`), inputs: { data: json } };
  const result = c.compile(args);
  const error = result.takeError();
  if (error || !result.result) {
    const details = error ? c.fetchDiagnostics(error) : [];
    throw new TypstError(`Typst could not typeset ${template}: ${JSON.stringify(details).slice(0, 2000)}`);
  }
  // PDF/UA-1 makes Typst check what a tagged document needs (a title, a language, alternative
  // text) and fail loudly when it is missing, rather than write a PDF that only looks tagged.
  const pdf = c.pdf(result.result, {
    creationTimestamp: timestamp,
    ...(typstEngine().tagged ? { pdfStandard: 'ua-1' } : {}),
  });
  if (typstEngine().tagged) {
    quietSuspects(pdf);
    quietBorderColor(pdf);
  }
  // Keep memory flat across thousands of documents: drop all of Typst's memoised layouts, and
  // let V8 free the native documents it still holds. Evicting costs about 0.9 ms a document
  // (4%) and keeps each typesetting process near 160 MB instead of 210 MB. Keeping the layouts
  // of the last three documents saved 2% on documents of distinct text, and much more on the
  // bench corpus, whose copies of the same modules share their text: not a gain to trust.
  c.evictCache(0);
  // The objects that hold a document's native memory die young: collecting the young generation
  // every ten documents frees it as well as a full collection did, in a tenth of the time (0.04
  // against 0.55 ms a document over 300 guides and handouts, with the same resident memory).
  // A full collection every hundred documents frees any that lived long enough to be promoted,
  // and a long document (a path's manual: 80 pages or more), which holds a few hundred
  // megabytes of native layout, is collected at once rather than left to pile up.
  compiled += 1;
  if (compiled % 100 === 0 || pdf.length > BIG_PDF) collectGarbage('major');
  else if (compiled % 10 === 0) collectGarbage('minor');
  return pdf;
}

export { TEMPLATES, type Template };
