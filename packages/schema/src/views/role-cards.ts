import type { Module } from '../model.ts';
import { viewElements, viewFor, type ViewContainer, type ViewElement } from './project.ts';

export interface RolePlayCards {
  title: string;
  /** Minutes per round. */
  minutes: number | undefined;
  /** The set-up everyone in the group reads (the role-play's own text). */
  setup: ViewElement[];
  /** One card per role, each holding only its own brief. */
  roles: { name: string; children: ViewElement[] }[];
  /** The observer's sheet. */
  observer: ViewElement[];
}

export interface RoleCardsView {
  id: string;
  title: string;
  roleplays: RolePlayCards[];
}

/** The role holders' view: for each role-play, its set-up, one card per role and the observer sheet. */
export function roleCardsView(module: Module): RoleCardsView {
  const view = viewFor(module, 'role-holder');
  const roleplays: RolePlayCards[] = [];
  for (const element of viewElements(view)) {
    if (element.kind !== 'roleplay') continue;
    const inner = element.children;
    const containers = (kind: string) => inner.filter((c): c is ViewContainer => c.kind === kind);
    roleplays.push({
      title: element.label,
      minutes: element.minutes,
      setup: inner.filter((c) => c.kind === 'prose'),
      roles: containers('role').map((r) => ({ name: r.label, children: r.children })),
      observer: containers('observer').flatMap((o) => o.children),
    });
  }
  return { id: view.meta.id, title: view.meta.title, roleplays };
}
