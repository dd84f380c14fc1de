// The limits the validator enforces, stated once: each matches what every renderer (the site,
// the Typst PDFs, the LMS packages) handles, so that valid content builds everywhere. Each is
// enforced with a located diagnostic; the author guide quotes these numbers.

/** Largest file read (module, path, glossary term, plan), in bytes: checked before it is read. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Largest frontmatter parsed, in characters: anything bigger is an authoring accident. */
export const MAX_FRONTMATTER_CHARS = 64 * 1024;

/** Deepest nesting of lists, quotes and directives: Typst's layout fails a little beyond 20. */
export const NESTING_LIMIT = 10;

/** Deepest nesting of YAML collections accepted. */
export const MAX_YAML_DEPTH = 32;

/** Longest title, in characters: one line on a page header, a card and a PDF's running head. */
export const MAX_TITLE_CHARS = 90;
