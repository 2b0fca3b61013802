// Step 2 of matching a question: from the ranked evidence, choose the item (or two), say how confident that
// choice is, and whether it is written automatically, proposed for review, or left blank.

import type { MatchStatus } from '../domain.js';
import type { Compiled } from './compile.js';
import { unsettledBy, type Unsettled } from './aspects.js';
import type { Gathered } from './evidence.js';
import { confidence, explainedEnough, isCompound, weights, type Evidence } from './score.js';

/** score ≥ auto → auto; ≥ review → review; else unmatched. */
export interface Band {
  auto: number;
  review: number;
}

/** Why a row confident enough to be auto is not. */
export type Hold = 'negative' | 'customer-side' | 'aspect' | 'no-alias' | 'two-items';

export interface Decision {
  status: MatchStatus;
  /** The chosen items in the order the question asks them: one, or two for a two-topic question. */
  chosen: Evidence[];
  /** The ranked items not chosen, most evidence first. */
  rest: Evidence[];
  /** Confidence that the chosen items answer the question, in [0, 1]. */
  score: number;
  /** Share of the question the chosen items' vocabularies explain. */
  explained: number;
  /** How many items' vocabularies hold the wording that decided the choice. */
  spread: number;
  /** Aspects the question asks that a chosen item's answer does not settle. */
  unsettled: Unsettled[];
  /** Why the row is not auto whatever its score, or null. */
  hold: Hold | null;
}

export function decide(c: Compiled, g: Gathered, band: Band): Decision | null {
  const [top, second] = g.ranked;
  if (!top) return null;
  const slot = (e: Evidence) => c.slotOf.get(e.itemNo)!;
  // A second item named only in a side clause (「他の利用者と共用しない鍵」) is not a second topic of the question.
  // Nor is one named only as the occasion of the other (「保守作業時の作業場所」, "during maintenance").
  const partner =
    isCompound(top, second) && 2 * c.explain.explained(g.content, [slot(second)]) >= explainedEnough && !onlyOccasion(g.main, second)
      ? second
      : null;
  // Two topics are answered in the order the question asks them.
  const chosen = partner ? [top, partner].sort((a, b) => firstAt(a) - firstAt(b)) : [top];
  const rest = g.ranked.filter((e) => !chosen.includes(e));
  // How much of the question the chosen items account for, and how specific the wording that decided them is.
  // Each of two items must account for a fair part on its own: a side clause does not make a second topic.
  const slots = chosen.map(slot);
  const explained = Math.min(
    c.explain.explained(g.content, slots),
    2 * Math.min(...slots.map((s) => c.explain.explained(g.content, [s]))),
  );
  const spread = Math.max(...chosen.map((e) => (e.decisive.length ? c.explain.spread(e.decisive) : 1)));
  const negative = g.negatives.length > 0;
  const unsettled = unsettledBy(c.aspects, chosen, g.aspects);
  const against = negative || g.customerSide !== null;
  const score = round(
    confidence({ top, partner, rival: rest[0] ?? null, negative: against, explained, spread }) * (unsettled.length ? weights.aspect : 1),
  );
  const hold = holdOf(negative, g.customerSide !== null, unsettled, chosen, partner !== null);
  const status: MatchStatus = score >= band.auto && !hold ? 'auto' : score >= band.review ? 'review' : 'unmatched';
  return { status, chosen, rest, score, explained, spread, unsettled, hold };
}

/**
 * Why a row may not be auto whatever its score: a topic no item answers; the customer's own side; an aspect the
 * item's answer does not settle; no alias or title of the item in the question's own wording; or a combined
 * answer, which is a judgement (which topics, which order) always a reviewer's to confirm.
 */
function holdOf(negative: boolean, customerSide: boolean, unsettled: Unsettled[], chosen: Evidence[], twoItems: boolean): Hold | null {
  if (negative) return 'negative';
  if (customerSide) return 'customer-side';
  if (unsettled.length) return 'aspect';
  if (chosen.some((e) => e.strongSpans.length === 0)) return 'no-alias';
  return twoItems ? 'two-items' : null;
}

const OCCASION_AFTER = /^(?:時|の際|際|中の|中に)/;
const OCCASION_BEFORE = /(?:during|while) $/;
/** Every strong hit of the item only says when something happens, not what is asked. */
const onlyOccasion = (text: string, e: Evidence) =>
  e.strongSpans.every(
    ([s, end]) => OCCASION_AFTER.test(text.slice(end, end + 2)) || OCCASION_BEFORE.test(text.slice(Math.max(0, s - 7), s)),
  );
const firstAt = (e: Evidence) => Math.min(...e.strongSpans.map(([s]) => s));
export const round = (x: number): number => Math.round(x * 1000) / 1000;
