import type { Paragraph } from 'mdast';
import { SELF_STUDY_READERS } from '../model.ts';
import type { ViewContainer, ViewElement } from './project.ts';

/**
 * Self-study: how a learner on their own does an activity written for a room. A role-play or a
 * discussion needs other people; where its author wrote a `:::self-study` block the learner view
 * already holds it, and where not, `withSelfStudy` adds a plain one made from the activity itself
 * (its role names, whether it has an observer checklist), so no workshop-only activity on a
 * learner's page reads as if the learner were in the room.
 */

/** Activities that need a group in the room. */
export const GROUP_ACTIVITIES: ReadonlySet<string> = new Set(['roleplay', 'discussion']);

const paragraph = (value: string): ViewElement => ({
  kind: 'prose',
  node: { type: 'paragraph', children: [{ type: 'text', value }] } satisfies Paragraph,
  readers: SELF_STUDY_READERS,
});

const quoted = (name: string) => `“${name}”`;

/** Names joined for a sentence: “A”, “B” and “C”. */
function listed(names: readonly string[]): string {
  const all = names.map(quoted);
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

/** The plain self-study text for a role-play that has none. */
function rolePlayAlone(element: ViewContainer): string[] {
  const roles = element.children.filter((c) => c.kind === 'role').map((c) => (c as ViewContainer).label);
  const named = roles.filter(Boolean);
  const observer = element.children.some((c) => c.kind === 'observer');
  const [first, ...others] = named;
  const play =
    first && others.length > 0
      ? `Say aloud what the ${quoted(first)} role would say first, then answer as the ${listed(others)} role${others.length > 1 ? 's' : ''}, out loud too.`
      : 'Say each part aloud in turn, as if you were talking to the other person.';
  return [
    'In the workshop, people act this out together, each taking a role.',
    [
      'On your own: read every role card.',
      play,
      observer ? 'Then go through the observer checklist and tick what you did.' : '',
    ]
      .filter(Boolean)
      .join(' '),
  ];
}

/** The plain self-study text for a discussion that has none. */
function discussionAlone(hasTakeaways: boolean): string[] {
  return [
    'In the workshop, you talk this through with others.',
    hasTakeaways
      ? 'On your own: write a short answer to each question. Then compare your answers with the key takeaways at the end of the module.'
      : 'On your own: write a short answer to each question. Then read your answers again and note what you would change.',
  ];
}

/** A generated `self-study` block for a group activity that has none of its own. */
function generated(element: ViewContainer, hasTakeaways: boolean): ViewContainer {
  const lines = element.kind === 'roleplay' ? rolePlayAlone(element) : discussionAlone(hasTakeaways);
  return {
    kind: 'self-study',
    label: '',
    objectives: [],
    minutes: undefined,
    children: lines.map(paragraph),
    readers: SELF_STUDY_READERS,
    place: undefined,
  };
}

/**
 * The same elements with a `self-study` block in every group activity that has none (added at
 * its end; the HTML puts a role-play's before its role cards). Nothing else changes.
 */
export function withSelfStudy(elements: readonly ViewElement[], hasTakeaways: boolean): ViewElement[] {
  return elements.map((element) => {
    if (element.kind === 'prose' || element.kind === 'writing-space' || element.kind === 'check') return element;
    const children = withSelfStudy(element.children, hasTakeaways);
    const own = { ...element, children };
    if (GROUP_ACTIVITIES.has(element.kind) && !children.some((c) => c.kind === 'self-study'))
      own.children = [...children, generated(own, hasTakeaways)];
    return own;
  });
}

/**
 * What a role-play says in a package for an LMS: the package holds no role cards (they are given
 * out in the room), so the learner on their own is told what they can still do with the set-up.
 */
const PACKAGE_ROLE_PLAY = [
  'In the workshop, people act this out together, each with a role card that only they read.',
  'The cards are not in this package. On your own: read the set-up above, write down what you would say first, and what you would say if the other person pushed back.',
];

const placeKey = (element: ViewContainer) =>
  element.place ? `${element.place.start.line}:${element.place.start.column}` : undefined;

/** The self-study block of each discussion of a learner view, by where the discussion starts. */
function discussionsAlone(elements: readonly ViewElement[], into = new Map<string, ViewElement>()) {
  for (const element of elements) {
    if (element.kind === 'prose' || element.kind === 'writing-space' || element.kind === 'check') continue;
    const key = placeKey(element);
    const own = element.children.find((c) => c.kind === 'self-study');
    if (element.kind === 'discussion' && key && own) into.set(key, own);
    discussionsAlone(element.children, into);
  }
  return into;
}

/**
 * Self-study for a package's page (the participant's elements, no role cards): each discussion
 * gets the learner view's block (the author's, or the plain one), each role-play the package's
 * own line, since its cards are not there to read.
 */
export function withPackageSelfStudy(
  elements: readonly ViewElement[],
  learnerElements: readonly ViewElement[],
): ViewElement[] {
  const alone = discussionsAlone(learnerElements);
  const visit = (list: readonly ViewElement[]): ViewElement[] =>
    list.map((element) => {
      if (element.kind === 'prose' || element.kind === 'writing-space' || element.kind === 'check') return element;
      const children = visit(element.children);
      const key = placeKey(element);
      if (element.kind === 'discussion' && key && alone.has(key))
        return { ...element, children: [...children, alone.get(key)!] };
      if (element.kind === 'roleplay')
        return {
          ...element,
          children: [
            ...children,
            {
              kind: 'self-study',
              label: '',
              objectives: [],
              minutes: undefined,
              children: PACKAGE_ROLE_PLAY.map(paragraph),
              readers: SELF_STUDY_READERS,
              place: undefined,
            } satisfies ViewContainer,
          ],
        };
      return { ...element, children };
    });
  return visit(elements);
}
