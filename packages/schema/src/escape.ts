/**
 * The one place where author text is made safe to print: every reporter (pretty, JSON,
 * GitHub annotations, the job summary) and every code frame passes author text through here.
 *
 * - C0 and C1 control characters (ESC, CR, NUL, the 8-bit CSI …), DEL, and the invisible
 *   format characters that reorder or hide text (bidirectional overrides and isolates,
 *   zero-width characters, line and paragraph separators) become visible escapes such as
 *   `\x1b` or `\u202e`, so no escape sequence reaches a terminal and no text can hide.
 * - A line that would start a GitHub Actions workflow command (`::` after any spaces) gets
 *   its first colon escaped (`\x3a:`), so a report printed in CI cannot run one.
 * Newlines are kept (messages and hints have lines of their own); each line is checked.
 */
export function escapeAuthorText(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const visible = escapeControls(line);
      return /^\s*::/.test(visible) ? visible.replace(':', '\\x3a') : visible;
    })
    .join('\n');
}

/**
 * Control and invisible format characters as visible escapes, and nothing more: for text that
 * is printed after a prefix of our own (a code frame's gutter), where no line can start a
 * workflow command, so an author's `:::check` reads as written.
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

// C0 except LF, DEL, C1, soft hyphen, Arabic letter mark, Mongolian vowel separator,
// zero-width and directional marks, line/paragraph separators, bidi embeddings/overrides,
// invisible operators and isolates, BOM, interlinear annotation characters.
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

function escapeChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code === 0x09) return '\\t';
  if (code === 0x0d) return '\\r';
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A diagnostic with every text field escaped (see `escapeAuthorText`). */
export function escapeDiagnostic<
  T extends { file: string; message: string; hint?: string; causes?: { file: string; message: string }[] },
>(d: T): T {
  return {
    ...d,
    file: escapeAuthorText(d.file),
    message: escapeAuthorText(d.message),
    ...(d.hint !== undefined ? { hint: escapeAuthorText(d.hint) } : {}),
    ...(d.causes
      ? {
          causes: d.causes.map((c) => ({ ...c, file: escapeAuthorText(c.file), message: escapeAuthorText(c.message) })),
        }
      : {}),
  };
}
