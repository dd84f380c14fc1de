// @ts-check
/** The slide size of every deck (px) and reveal's margin around it (a fraction of the size). */
export const DECK_SIZE = { width: 1280, height: 720, margin: 0.04 };

/**
 * The two style rules reveal.js adds to the page when it lays a deck out for print (`?print-pdf`,
 * js/controllers/printview.js): the page size and a cap on media. They are the same for every
 * deck of this size, so the CSP (astro.config.mjs) allows exactly these by hash rather than any inline style.
 */
export function deckPrintStyles() {
  const { width, height, margin } = DECK_SIZE;
  const rules = [
    `@page{size:${Math.floor(width * (1 + margin))}px ${Math.floor(height * (1 + margin))}px; margin: 0px;}`,
    `.reveal section>img, .reveal section>video, .reveal section>iframe{max-width: ${width}px; max-height:${height}px}`,
  ];
  return rules;
}
