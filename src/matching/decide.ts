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
export type Hold = 'negative' | 'customer-side' | 'aspect' | 'no-alias';

export interface Decision {
  status: MatchStatus;
  /** The chosen items in the order the question asks them: one, or two for a two-topic question. */
  chosen: Evidence[];
  /** The ranked items not chosen, most likely first. */
  rest: Evidence[];
  /** How likely the chosen items answer the question, calibrated, in [0, 1]. */
  score: number;
  /** Each ranked item's likelihood of answering the question on its own, the same measure as `score`. */
  scores: Map<number, number>;
  /** Share of the question the chosen items' vocabularies explain. */
  explained: number;
  /** How many items' vocabularies hold the wording that decided the choice. */
  spread: number;
  /** Aspects the question asks that a chosen item's answer does not settle. */
  unsettled: Unsettled[];
  /** Why the row is not auto whatever its score, or null. */
  hold: Hold | null;
}

/** From the matcher's confidence to how likely an item answers (scripts/calibrate.ts fits it per language). */
export type Scale = (raw: number) => number;

export function decide(c: Compiled, g: Gathered, band: Band, scale: Scale, alone?: Evidence): Decision | null {
  const ranked = g.ranked;
  if (!ranked.length) return null;
  // Each ranked item on its own, against the strongest other: how much of the question it explains, its judgement.
  const own = ranked.map((e) => c.explain.explained(g.content, [c.slotOf.get(e.itemNo)!]));
  const singles = ranked.map((e, i) => judge(c, g, [e], [own[i]], ranked[i === 0 ? 1 : 0] ?? null));
  const scores = new Map<number, number>();
  ranked.forEach((e, i) => scores.set(e.itemNo, round(scale(singles[i].raw))));
  // The item most likely to answer comes first, though another has more matching wording: one whose answer
  // accounts for more of the question, or settles what it asks.
  const byScore = [...ranked].sort((a, b) => scores.get(b.itemNo)! - scores.get(a.itemNo)!);
  const top = alone ?? byScore[0];
  const second = alone ? undefined : top === ranked[0] ? ranked[1] : ranked[0];
  // A second item named only in a side clause (「他の利用者と共用しない鍵」) is not a second topic of the question.
  // Nor is one named only as the occasion of the other (「保守作業時の作業場所」, "during maintenance").
  // And a second topic must account for a good part of the question on its own (on the labelled sets, a
  // partner explaining less than a third of it was as often wrong as right).
  const pair = !alone && isCompound(top, second) && own[ranked.indexOf(second)] >= 0.7 * explainedEnough;
  // Of two items named, one named only as the occasion of the question (「社員が閲覧した場合、その記録を…」) is not
  // what it asks: the other is answered alone.
  if (pair && onlyOccasion(g.main, top) && !onlyOccasion(g.main, second)) return decide(c, { ...g, ranked: [second, ...ranked.filter((e) => e !== second)] }, band, scale, second);
  const partner = pair && !onlyOccasion(g.main, second) ? second : null;
  // Two topics are answered in the order the question asks them.
  const chosen = partner ? [top, partner].sort((a, b) => firstAt(a) - firstAt(b)) : [top];
  const rest = byScore.filter((e) => !chosen.includes(e));
  // Alone, the top item's judgement is the one its score came from.
  const j = partner ? judge(c, g, [top, partner], [own[ranked.indexOf(top)], own[ranked.indexOf(partner)]], ranked.find((e) => !chosen.includes(e)) ?? null) : singles[ranked.indexOf(top)];
  // Which two items and in which order is one more judgement to get right: a combined answer needs more confidence.
  const score = partner ? round(scale(j.raw * weights.twoItems)) : scores.get(top.itemNo)!;
  const hold = holdOf(g.negatives.length > 0, g.customerSide !== null, j.unsettled, chosen);
  const status: MatchStatus = score >= band.auto && !hold ? 'auto' : score >= band.review ? 'review' : 'unmatched';
  return { status, chosen, rest, score, scores, explained: j.explained, spread: j.spread, unsettled: j.unsettled, hold };
}

/**
 * The confidence that these items (one, or two for a two-topic question) answer the question, against the
 * strongest other item: how much of the question they account for (`own`: what each explains on its own), how
 * specific the wording that decided them is, and whether the question asks an aspect their answers do not settle.
 */
function judge(c: Compiled, g: Gathered, items: Evidence[], own: number[], rival: Evidence | null) {
  // Each of two items must account for a fair part on its own: a side clause does not make a second topic.
  const explained = items.length === 1 ? own[0] : Math.min(c.explain.explained(g.content, items.map((e) => c.slotOf.get(e.itemNo)!)), 2 * Math.min(...own));
  const spread = Math.max(...items.map((e) => (e.decisive.length ? c.explain.spread(e.decisive) : 1)));
  const unsettled = unsettledBy(c.aspects, items, g.aspects);
  const against = g.negatives.length > 0 || g.customerSide !== null;
  const raw = confidence({ top: items[0], partner: items[1] ?? null, rival, negative: against, explained, spread }) * (unsettled.length ? weights.aspect : 1);
  return { raw, explained, spread, unsettled };
}

/**
 * Why a row may not be auto whatever its score: a topic no item answers; the customer's own side; an aspect the
 * item's answer does not settle; or no alias or title of the item in the question's own wording.
 */
function holdOf(negative: boolean, customerSide: boolean, unsettled: Unsettled[], chosen: Evidence[]): Hold | null {
  if (negative) return 'negative';
  if (customerSide) return 'customer-side';
  if (unsettled.length) return 'aspect';
  return chosen.some((e) => e.strongSpans.length === 0) ? 'no-alias' : null;
}

// After the wording that names the item: 「保守作業時の」「閲覧した場合」「管理者権限を有するアカウントについて」.
const OCCASION_AFTER = /^(?:時|の際|際|中の|中に|経過後|(?:した|する|の)?場合|[^、。]{0,8}?(?:について|に関し))/;
const OCCASION_BEFORE = /(?:during|while) $/;
/** The item is named only as when or about what something is asked, not as what is asked. */
const onlyOccasion = (text: string, e: Evidence) => {
  const start = Math.min(...e.strongSpans.map(([s]) => s));
  const end = Math.max(...e.strongSpans.map(([, x]) => x));
  return OCCASION_AFTER.test(text.slice(end, end + 12)) || OCCASION_BEFORE.test(text.slice(Math.max(0, start - 7), start));
};
const firstAt = (e: Evidence) => Math.min(...e.strongSpans.map(([s]) => s));
/** Four decimals: near certainty the calibrated scores differ in the third. */
export const round = (x: number): number => Math.round(x * 10000) / 10000;
