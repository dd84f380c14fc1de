import Reveal from 'reveal.js';
import { DECK_SIZE } from '../lib/deck-print.mjs';

/**
 * A deck on a presenter page: reveal.js with its keyboard, fragments, hash links and print
 * layout. reveal's own speaker view (its notes plugin) opens `about:blank` and writes a page
 * with inline script and style into it; the popup inherits this site's CSP, which blocks both.
 * Instead, S opens the speaker view beside the deck (`speaker/`, a page of this site with its
 * script bundled), and the two talk through `postMessage` on this origin only.
 */

/** Messages between the deck and its speaker view. */
export type DeckMessage =
  | { namespace: 'frontline-deck'; type: 'hello' }
  | { namespace: 'frontline-deck'; type: 'state'; slide: number; fragment: number; slides: number }
  | { namespace: 'frontline-deck'; type: 'go'; to: 'next' | 'prev' | number };

const params = new URLSearchParams(location.search);

if (params.has('handout')) {
  // The handout: every slide on paper, three to a page, without notes or answers.
  document.documentElement.classList.add('deck-handout');
} else {
  const deck = new Reveal({
    hash: true,
    ...DECK_SIZE,
    transition: 'none',
    // Speaker notes stay out of the printed slides unless asked for (`?showNotes=separate-page`).
    showNotes: false,
    pdfMaxPagesPerSlide: 1,
    pdfSeparateFragments: false,
  });
  let speaker: Window | null = null;
  const send = () => {
    if (!speaker || speaker.closed) return;
    const { h, f } = deck.getIndices();
    const message: DeckMessage = {
      namespace: 'frontline-deck',
      type: 'state',
      slide: h,
      fragment: f ?? -1,
      slides: deck.getTotalSlides(),
    };
    speaker.postMessage(message, location.origin);
  };
  const speakerUrl = new URL('speaker/', location.href.split('#')[0]?.split('?')[0]).href;
  const openSpeaker = () => {
    if (speaker && !speaker.closed) speaker.focus();
    else speaker = window.open(speakerUrl, 'frontline-speaker', 'width=1100,height=760');
  };
  window.addEventListener('message', (event: MessageEvent<DeckMessage>) => {
    if (event.origin !== location.origin || event.data?.namespace !== 'frontline-deck') return;
    if (event.data.type === 'hello') {
      speaker = event.source as Window;
      send();
    } else if (event.data.type === 'go') {
      const to = event.data.to;
      if (to === 'next') deck.next();
      else if (to === 'prev') deck.prev();
      else deck.slide(to);
    }
  });
  void deck.initialize().then(() => {
    deck.addKeyBinding({ keyCode: 83, key: 'S', description: 'Speaker view' }, openSpeaker);
    for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden']) deck.on(event, send);
    document.querySelector('[data-speaker]')?.addEventListener('click', (event) => {
      event.preventDefault();
      openSpeaker();
    });
  });
}
