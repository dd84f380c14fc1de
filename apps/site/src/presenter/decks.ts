// The one deck loader of the presenter pages: which decks exist (every module and every
// delivery plan, in the trainers' build only), and for each its slides and the page it belongs
// to. The deck and its speaker view share it; the slides are rendered once per build (@frontline/site/course).
import { getPageModules, getPlans, learnerOnly, url } from '../lib/course.ts';
import { moduleDeck, planDeck, type Deck } from '@frontline/site/course';

/** What a presenter page gets: the deck, and the trainers' page it came from. */
export interface DeckProps {
  deck: Deck;
  back: { href: string; label: string };
}

interface DeckRoute {
  params: { id: string };
  props: { load: () => DeckProps };
}

/** A module's deck at /facilitator/<id>/present/ (and its speaker view under it). */
export async function moduleDecks(): Promise<DeckRoute[]> {
  if (learnerOnly) return [];
  return (await getPageModules()).map(({ id, title }) => ({
    params: { id },
    props: {
      load: () => ({
        deck: moduleDeck(id),
        back: { href: url(`/facilitator/${id}/`), label: `Facilitator guide for “${title}”` },
      }),
    },
  }));
}

/** A plan's days as one deck at /facilitator/plans/<id>/present/, every segment at its planned time. */
export async function planDecks(): Promise<DeckRoute[]> {
  if (learnerOnly) return [];
  return (await getPlans()).map(({ id, title }) => ({
    params: { id },
    props: {
      load: () => ({ deck: planDeck(id), back: { href: url(`/plans/${id}/`), label: `Agenda for “${title}”` } }),
    },
  }));
}
