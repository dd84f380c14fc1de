// What a learner has done, kept in this browser only (localStorage): modules marked done,
// answers to knowledge checks, and the last module opened. No account, nothing sent anywhere.
// Storage that is blocked or full leaves everything working for the page in hand.

const DONE = 'frontline-progress';
const ANSWERS = 'frontline-answers';
const LAST = 'frontline-last';
const NOTES = 'frontline-notes';

/** A learner's latest answer to one question: the options chosen (by position), and tries. */
export interface Answer {
  chosen: number[];
  right: boolean;
  tries: number;
}
type Answers = Record<string, Record<string, Answer>>;

function read(key: string): unknown {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') as unknown;
  } catch {
    return null;
  }
}
function write(key: string, value: unknown) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage blocked or full: this lasts for this page only */
  }
}
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function isAnswer(x: unknown): x is Answer {
  return (
    isRecord(x) &&
    Array.isArray(x.chosen) &&
    x.chosen.every((n) => Number.isInteger(n) && (n as number) >= 0) &&
    typeof x.right === 'boolean' &&
    Number.isInteger(x.tries)
  );
}

/** Keeps only well-formed entries: storage and imported files are not trusted. */
function cleanAnswers(raw: unknown): Answers {
  const answers: Answers = {};
  if (!isRecord(raw)) return answers;
  for (const [module, questions] of Object.entries(raw)) {
    if (!isRecord(questions)) continue;
    const kept = Object.entries(questions).filter(([, a]) => isAnswer(a));
    if (kept.length > 0) answers[module] = Object.fromEntries(kept) as Record<string, Answer>;
  }
  return answers;
}
function cleanDone(raw: unknown): Set<string> {
  return new Set(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []);
}

export const loadDone = (): Set<string> => cleanDone(read(DONE));
export const saveDone = (done: Set<string>) => write(DONE, [...done]);

export const loadAllAnswers = (): Answers => cleanAnswers(read(ANSWERS));
export const loadAnswers = (module: string): Record<string, Answer> => loadAllAnswers()[module] ?? {};

export function saveAnswer(module: string, question: string, answer: Answer) {
  const all = loadAllAnswers();
  all[module] = { ...all[module], [question]: answer };
  write(ANSWERS, all);
}
export function clearAnswers(module?: string) {
  const all = loadAllAnswers();
  if (module === undefined) write(ANSWERS, {});
  else {
    delete all[module];
    write(ANSWERS, all);
  }
}

/** What a learner typed into a module's worksheets and reflections, by field id. */
type Notes = Record<string, Record<string, string>>;

function cleanNotes(raw: unknown): Notes {
  const notes: Notes = {};
  if (!isRecord(raw)) return notes;
  for (const [module, fields] of Object.entries(raw)) {
    if (!isRecord(fields)) continue;
    const kept = Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
    if (kept.length > 0) notes[module] = Object.fromEntries(kept);
  }
  return notes;
}
export const loadAllNotes = (): Notes => cleanNotes(read(NOTES));
export const loadNotes = (module: string): Record<string, string> => loadAllNotes()[module] ?? {};
/** Keeps one field's text; an emptied field is forgotten. */
export function saveNote(module: string, field: string, value: string) {
  const all = loadAllNotes();
  const fields = { ...all[module] };
  if (value.trim() === '') delete fields[field];
  else fields[field] = value;
  all[module] = fields;
  write(NOTES, all);
}
export function clearNotes(module?: string) {
  const all = loadAllNotes();
  if (module === undefined) write(NOTES, {});
  else {
    delete all[module];
    write(NOTES, all);
  }
}

/** The module the learner opened last, with its title, for "continue where you left off". */
export interface Last {
  id: string;
  title: string;
}
export function loadLast(): Last | undefined {
  const raw = read(LAST);
  return isRecord(raw) && typeof raw.id === 'string' && typeof raw.title === 'string'
    ? { id: raw.id, title: raw.title }
    : undefined;
}
export const saveLast = (last: Last) => write(LAST, last);

/** Everything above as one file the learner can keep, move to another browser and import. */
export function exportProgress(): string {
  return `${JSON.stringify(
    {
      format: 'frontline-progress',
      version: 1,
      exported: new Date().toISOString(),
      done: [...loadDone()],
      answers: loadAllAnswers(),
      notes: loadAllNotes(),
      last: loadLast() ?? null,
    },
    null,
    2,
  )}\n`;
}

/** Reads an exported file back; returns a sentence for the learner when it is not one. */
export function importProgress(text: string): { ok: true; modules: number } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'That file is not a Frontline progress file (it is not JSON).' };
  }
  if (!isRecord(raw) || raw.format !== 'frontline-progress') {
    return { ok: false, reason: 'That file is not a Frontline progress file.' };
  }
  if (raw.version !== 1) return { ok: false, reason: 'That progress file comes from a newer Frontline.' };
  const done = cleanDone(raw.done);
  saveDone(done);
  write(ANSWERS, cleanAnswers(raw.answers));
  // Files exported before worksheets could be typed in have no notes: keep none.
  write(NOTES, cleanNotes(raw.notes));
  if (isRecord(raw.last) && typeof raw.last.id === 'string' && typeof raw.last.title === 'string') {
    saveLast({ id: raw.last.id, title: raw.last.title });
  }
  return { ok: true, modules: done.size };
}
