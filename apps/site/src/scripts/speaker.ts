import type { DeckMessage } from './deck.ts';

/**
 * The speaker view: the current slide with its notes, a countdown for the current part of the
 * session, and how far ahead or behind the plan the room is. It follows the deck that opened it
 * (messages on this origin only) and can move it.
 */

interface Item {
  element: HTMLLIElement;
  kind: string;
  /** Planned start and end, minutes after the day's start. */
  from: number;
  to: number;
  minutes: number;
  dayStart: number;
  date: string;
}

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector);
const items: Item[] = [...document.querySelectorAll<HTMLLIElement>('#day > li')].map((element) => {
  const number = (name: string) => Number(element.dataset[name] ?? 0);
  return {
    element,
    kind: element.dataset.kind ?? '',
    from: number('start') - number('dayStart'),
    to: number('end') - number('dayStart'),
    minutes: number('minutes'),
    dayStart: number('dayStart'),
    date: element.dataset.date ?? '',
  };
});
const slides = [...document.querySelectorAll<HTMLElement>('.speaker-slides > section')];
const clock = $('#main')?.dataset.clock === 'true';
const deck = window.opener as Window | null;

let current = -1;
/** When the room entered the current item, and when its day started (ms). */
let enteredAt = Date.now();
let dayStartedAt: number | undefined;

const pad = (n: number) => String(Math.floor(n)).padStart(2, '0');
const mmss = (seconds: number) => `${pad(seconds / 60)}:${pad(seconds % 60)}`;
const clockText = (minutes: number) =>
  clock ? `${pad((minutes / 60) % 24)}:${pad(minutes % 60)}` : `${Math.round(minutes)} min`;

/** Today at the plan's start, when the plan's day is today; otherwise as if the room started on plan here. */
function startDay(item: Item): number {
  const now = new Date();
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  if (clock && item.date === today) return new Date(`${today}T${clockText(item.dayStart)}`).getTime();
  return Date.now() - item.from * 60_000;
}

function show(slide: number): void {
  slides.forEach((s, i) => {
    s.classList.toggle('current', i === slide);
    s.classList.toggle('upcoming', i === slide + 1);
  });
  const number = $('#slide-number');
  if (number) number.textContent = String(slide + 1);
  // What comes next, so the trainer can lead into it.
  const next = $('#next-title');
  if (next) {
    const heading = slides[slide + 1]?.querySelector('h1, h2')?.textContent?.trim();
    next.textContent = slide + 1 >= slides.length ? 'none, this is the last' : heading || `slide ${slide + 2}`;
  }
  const item = Number(slides[slide]?.dataset.item ?? 0);
  if (item !== current) {
    items[current]?.element.classList.remove('current');
    current = item;
    enteredAt = Date.now();
    const now = items[current];
    if (now) {
      now.element.classList.add('current');
      now.element.setAttribute('aria-current', 'step');
      dayStartedAt ??= startDay(now);
      const title = $('#item-title');
      if (title) title.textContent = now.element.textContent?.trim() ?? '';
      const planned = $('#item-planned');
      if (planned)
        planned.textContent = now.minutes
          ? `Planned: ${clockText(now.dayStart + now.from)}–${clockText(now.dayStart + now.to)}, ${now.minutes} min`
          : 'Planned: no time of its own';
    }
  }
  tick();
}

/** Redraws the countdown and the pace. */
function tick(): void {
  const item = items[current];
  const countdown = $('#countdown');
  const pace = $('#pace');
  if (!item || !countdown || !pace) return;
  const inItem = (Date.now() - enteredAt) / 1000;
  const left = item.minutes * 60 - inItem;
  countdown.textContent = item.minutes ? (left >= 0 ? mmss(left) : `+${mmss(-left)}`) : '--:--';
  countdown.classList.toggle('over', item.minutes > 0 && left < 0);
  // Where the plan expects the room now, against where it is: minutes into the day.
  const actual = (Date.now() - (dayStartedAt ?? Date.now())) / 60_000;
  const expected = item.from + Math.min(inItem / 60, item.minutes);
  const late = Math.round(actual - expected);
  pace.textContent =
    late === 0 ? 'On plan' : late > 0 ? `${late} min behind the plan` : `${-late} min ahead of the plan`;
  pace.dataset.pace = late > 0 ? 'behind' : late < 0 ? 'ahead' : 'on';
}

const post = (message: DeckMessage) => deck?.postMessage(message, location.origin);

window.addEventListener('message', (event: MessageEvent<DeckMessage>) => {
  if (event.origin !== location.origin || event.data?.namespace !== 'frontline-deck') return;
  if (event.data.type !== 'state') return;
  const connection = $('#connection');
  if (connection) connection.textContent = 'Connected to the slides.';
  show(event.data.slide);
});
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-go]'))
  button.addEventListener('click', () => {
    if (deck) post({ namespace: 'frontline-deck', type: 'go', to: button.dataset.go === 'prev' ? 'prev' : 'next' });
    else
      show(
        Math.max(
          0,
          Math.min(
            slides.length - 1,
            slides.findIndex((s) => s.classList.contains('current')) + (button.dataset.go === 'prev' ? -1 : 1),
          ),
        ),
      );
  });
$('#restart')?.addEventListener('click', () => {
  const item = items[current];
  enteredAt = Date.now();
  if (item) dayStartedAt = Date.now() - item.from * 60_000;
  tick();
});

show(0);
setInterval(tick, 1000);
post({ namespace: 'frontline-deck', type: 'hello' });
