// Scoring a matcher against labelled questions (labels.json of an eval set); used by the accuracy
// bench and by threshold calibration, so both count "right" the same way.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labelledQuestions, readLabels } from '../labels.js';
import type { Item, Language, Proposal } from '../domain.js';
import type { Matcher } from './matcher.js';

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

/** The vendor's items from fixtures/meti-items.json ({ items: [...] }): Japanese and English, with their default choices. */
export function loadItemsFile(path: string): Item[] {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { items: Item[] } | Item[];
  return Array.isArray(raw) ? raw : raw.items;
}

/** Every labelled set there is, in a fixed order: the shared dev set, the older hold-outs, the open corpus. */
export function evalSetDirs(root: string): string[] {
  const fixtures = ['eval-holdout', 'eval-holdout2', 'eval-holdout3', 'matching/holdout', 'matching/holdout2', 'matching/paraphrases', 'eval-match-ja', 'eval-match-en'];
  const dev = devSetDir(root);
  return [...(dev ? [dev] : []), ...fixtures.map((d) => join(root, 'fixtures', d)).filter((d) => existsSync(join(d, 'labels.json')))];
}

/** A question as the pipeline hands it to the matcher, with the sheet it stands on. */
export interface SheetQuestion {
  text: string;
  section: string | null;
  number: string | null;
  language: Language;
  file: string;
  sheet: string;
  set?: string;
}

/** Proposals for the questions in order, each sheet matched as one questionnaire (neighbours, language). */
export function proposeAll(matcher: Matcher, qs: SheetQuestion[]): Proposal[] {
  const out: Proposal[] = [];
  for (let i = 0; i < qs.length; ) {
    let j = i;
    while (j < qs.length && qs[j].file === qs[i].file && qs[j].sheet === qs[i].sheet && qs[j].set === qs[i].set) j++;
    out.push(...matcher.matchAll(qs.slice(i, j).map(({ text, section, number, language }) => ({ text, section, number, language }))));
    i = j;
  }
  return out;
}

/** The shared dev set (../shared/eval/dev beside the checkout, or beside the worktrees' folder), or null. */
export function devSetDir(root: string): string | null {
  return [join(root, '../shared/eval/dev'), join(root, '../../shared/eval/dev')].find((d) => existsSync(join(d, 'labels.json'))) ?? null;
}
