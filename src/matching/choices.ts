// The customer's words in a choice column (はい/いいえ, ○/△/×/－, Yes/No/N/A, 対応/一部対応/未対応, 済/未,
// 適合/不適合, 実施/未実施, ✓ …) read as the domain's ChoiceValue, whatever their width or case.

import type { ChoiceValue } from '../domain.js';
import { foldText } from './text.js';

/** Words for each value; the first listed for a value are plain, those in `emphatic` claim more (◎ 十分に実施). */
const WORDS: Record<ChoiceValue, string[]> = {
  yes: [
    'はい', 'yes', 'y', 'true', 'ok', '○', '〇', '◯', '●', '有', '有り', 'あり', '可', '対応', '対応済', '対応済み', '対応可',
    '対応可能', '対応している', '済', '済み', '実施', '実施済', '実施済み', '実施している', '適合', '適', '合格', '準拠', '遵守',
    '整備済', '導入済', '取得済', '✓', '✔', '☑', '✅', 'supported', 'implemented', 'in place', 'compliant', 'done',
    'available', 'pass', 'fully', 'fully compliant', 'fully implemented', '十分に実施', '◎',
  ],
  no: [
    'いいえ', 'no', 'n', 'false', 'ng', '×', '✕', '✗', '✘', '☓', 'x', '無', '無し', 'なし', '不可', '未対応', '対応不可',
    '非対応', '未', '未実施', '実施していない', '不適合', '否', '不適', '不合格', '要改善', '未整備', '未導入', '未取得',
    'not supported', 'not implemented', 'not in place', 'non compliant', 'noncompliant', 'not compliant', 'not available', 'fail',
  ],
  partial: [
    '△', '▲', '一部', '一部対応', '一部適合', '一部実施', '一部可', '部分的', '部分的に対応', '条件付き', '条件付で可', '一部済',
    'partial', 'partially', 'partly', 'partially compliant', 'partially implemented', 'partially supported', 'in part',
  ],
  na: [
    '該当なし', '該当無し', '非該当', '対象外', '適用外', '対象なし', '－', '-', 'ー', '―', '—', '–', '‐', '/', 'na', 'n a',
    'not applicable', 'none applicable',
  ],
};

/** Words that claim more than a plain yes: chosen only when the column has no plain yes. */
const EMPHATIC = new Set(['◎', 'fully', 'fully compliant', 'fully implemented', '十分に実施'].map(keyOf));

/** A choice compared whatever its width, case or spacing; a mark such as ○ or － has no letters and stays itself. */
function keyOf(s: string): string {
  return foldText(s).replace(/ /g, '') || s.normalize('NFKC').trim();
}

const VALUE_OF = new Map<string, ChoiceValue>();
for (const [value, words] of Object.entries(WORDS) as [ChoiceValue, string[]][]) for (const w of words) VALUE_OF.set(keyOf(w), value);

/**
 * What a customer's choice word means, or null when it is not a yes/no/partial/N/A word (A/B/C, 1–5, 予定).
 * Bilingual words (「はい / Yes」) mean what both halves mean.
 */
export function choiceValueOf(word: string): ChoiceValue | null {
  const whole = VALUE_OF.get(keyOf(word));
  if (whole) return whole;
  const halves = word.split(/\s+[/／]\s+|／|\s*\n\s*/).filter((h) => h.trim());
  if (halves.length < 2) return null;
  const values = new Set(halves.map((h) => VALUE_OF.get(keyOf(h)) ?? null));
  return values.size === 1 ? [...values][0] : null;
}

/** The customer's own word for a value among their allowed choices (a plain word before an emphatic one), or null. */
export function wordFor(value: ChoiceValue, allowed: string[]): string | null {
  const matching = allowed.filter((c) => choiceValueOf(c) === value);
  return matching.find((c) => !EMPHATIC.has(keyOf(c))) ?? matching[0] ?? null;
}
