// Scoring a matcher against labelled questions (labels.json of an eval set); used by the accuracy
// bench and by threshold calibration, so both count "right" the same way.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { labelledQuestions, readLabels } from '../labels.js';
import type { Item, Proposal } from '../domain.js';

export interface Labelled {
  text: string;
  /** Items whose answer answers the question; [] = none does. */
  items: number[];
  /** Weaker, partial answers. */
  also: number[];
}

export function loadLabelled(dir: string): Labelled[] {
  return labelledQuestions(readLabels(dir)).map(({ text, items, also }) => ({ text, items, also }));
}

/** Ranked item numbers of a proposal: chosen first, then the other candidates. */
export function ranking(r: Proposal): number[] {
  return [...new Set([...r.itemNos, ...r.candidates.map((c) => c.itemNo)])];
}

/**
 * A written answer is right when its first item answers the question and any second item is at least
 * a partial answer (listed in items or also).
 */
export function isRight(q: Labelled, itemNos: number[]): boolean {
  return (
    itemNos.length > 0 &&
    q.items.includes(itemNos[0]) &&
    itemNos.every((n) => q.items.includes(n) || q.also.includes(n))
  );
}

export interface Metrics {
  answerable: number;
  noAnswer: number;
  top1: number;
  top3: number;
  autoRows: number;
  autoRight: number;
  autoPrecision: number;
  autoCoverage: number;
  heldBackCount: number;
  heldBack: number;
  statusCounts: Record<'auto' | 'review' | 'unmatched', number>;
}

export function metrics(qs: Labelled[], rs: Proposal[]): Metrics {
  let answerable = 0;
  let top1 = 0;
  let top3 = 0;
  let autoRows = 0;
  let autoRight = 0;
  let covered = 0;
  let noAnswer = 0;
  let heldBack = 0;
  const statusCounts = { auto: 0, review: 0, unmatched: 0 };
  qs.forEach((q, i) => {
    const r = rs[i];
    statusCounts[r.status]++;
    const ranked = ranking(r);
    if (q.items.length > 0) {
      answerable++;
      if (ranked.length > 0 && q.items.includes(ranked[0])) top1++;
      if (ranked.slice(0, 3).some((n) => q.items.includes(n))) top3++;
    } else {
      noAnswer++;
      if (r.status !== 'auto') heldBack++;
    }
    if (r.status === 'auto') {
      autoRows++;
      if (isRight(q, r.itemNos)) {
        autoRight++;
        covered++;
      }
    }
  });
  return {
    answerable,
    noAnswer,
    top1: top1 / (answerable || 1),
    top3: top3 / (answerable || 1),
    autoRows,
    autoRight,
    autoPrecision: autoRows ? autoRight / autoRows : 1,
    autoCoverage: covered / (answerable || 1),
    heldBackCount: heldBack,
    heldBack: heldBack / (noAnswer || 1),
    statusCounts,
  };
}

/**
 * The vendor's items from fixtures/meti-items.json ({ items: [...] }), with their English answer and default
 * choice from items-en.json beside it (when there is one): the fields the items in the store carry.
 */
export function loadItemsFile(path: string): Item[] {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { items: Item[] } | Item[];
  const items = Array.isArray(raw) ? raw : raw.items;
  const enPath = join(dirname(path), 'items-en.json');
  if (!existsSync(enPath)) return items;
  const en = new Map((JSON.parse(readFileSync(enPath, 'utf8')) as EnglishItem[]).map((e) => [e.no, e]));
  return items.map((i) => ({ ...i, answerEn: en.get(i.no)?.answerEn ?? null, defaultChoice: en.get(i.no)?.defaultChoice ?? null }));
}

/** An item's English fields (fixtures/items-en.json). */
interface EnglishItem {
  no: number;
  titleEn: string;
  descriptionEn: string;
  answerEn: string;
  defaultChoice: Item['defaultChoice'];
}

/** The shared dev set (../shared/eval/dev beside the checkout, or beside the worktrees' folder), or null. */
export function devSetDir(root: string): string | null {
  return [join(root, '../shared/eval/dev'), join(root, '../../shared/eval/dev')].find((d) => existsSync(join(d, 'labels.json'))) ?? null;
}
