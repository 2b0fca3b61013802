// Figures with a unit in a question or an item's answer (「7世代以上」, "within 4 hours", 「30日前までに」, 99.9%,
// 「1,200名」, "TLS 1.2 or higher", AES-256), read as a range on a scale, so that a question asking for at least
// 7 generations can be checked against the answer's 「3世代」. Numbers without a unit (ISO 27001, SOC 2) are not
// figures; nor are past windows (「過去3年間」, "in the last 12 months"), rates (「年1回」, "every 6 months") or
// round-the-clock hours (「24時間365日」, which hours.ts reads).

export type Scale = 'generations' | 'duration' | 'percent' | 'people' | 'tls' | 'bits';

export interface Figure {
  scale: Scale;
  /** The range the text allows, in the scale's base unit (seconds for a duration). */
  low: number;
  high: number;
  /** Whether the text asks or says at least (min), at most (max) or just the figure (exact). */
  bound: 'min' | 'max' | 'exact';
  /** The words it was read from, for a reviewer. */
  text: string;
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 半: 0.5,
};

// Units after a number, and what they measure (in seconds for a duration).
const UNITS: [RegExp, Scale, number][] = [
  // 「3世代分」, "5 backup generations", "7 copies of backups".
  [/^(?:世代分?|(?:(?:backup|data|full|daily|previous)\s+){0,2}(?:generations?|copies)\b)/i, 'generations', 1],
  [/^(?:秒|sec(?:ond)?s?\b)/i, 'duration', 1],
  [/^(?:分(?![のかけ担配別析類野散離割])|min(?:ute)?s?\b)/i, 'duration', 60],
  [/^(?:時間|hours?\b|hrs?\b)/i, 'duration', 3600],
  [/^(?:営業日|日(?:間|分)?|(?:business |calendar )?days?\b)/i, 'duration', 86400],
  [/^(?:週間?|weeks?\b)/i, 'duration', 7 * 86400],
  [/^(?:[かヶカケヵ箇]月間?|months?\b)/i, 'duration', 30 * 86400],
  [/^(?:年間?|years?\b)/i, 'duration', 365 * 86400],
  [/^(?:%|percent\b)/i, 'percent', 1],
  [/^(?:名|人(?![目的材])|ユーザー?|(?:concurrent )?(?:users?|people|persons|employees)\b)/i, 'people', 1],
  [/^(?:ビット|bits?\b)/i, 'bits', 1],
];

const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|[一二三四五六七八九十]|半(?=年))\s*-?\s*/gi;
const TLS = /\btls\s*v?\s*(\d(?:\.\d)?)/gi;
const KEY_BITS = /\b(?:aes|rsa|ecdsa|ecc|sha)\s*-?\s*(\d{3,4})\b/gi;

// What comes right before or after a figure.
const AT_LEAST_AFTER = /^\s*(?:程度|ほど|くらい)?(?:以上|以降|超|を超え|より(?:多|長)|\+|or (?:more|longer|higher|greater|later|above|newer)\b|and (?:above|up|later)\b)/i;
const AT_LEAST_BEFORE = /(?:少なくとも|最低(?:でも)?|最短でも|at least|a minimum of|minimum(?: of)?|no (?:less|fewer|shorter) than|(?<!no )(?:more|greater|longer) than|\bover|\babove)\s*$/i;
const AT_MOST_AFTER = /^\s*(?:程度|ほど)?(?:以内|以下|未満|まで|or (?:less|fewer|shorter|lower|sooner)\b|(?:at|at the) most\b)/i;
const AT_MOST_BEFORE = /(?:within|at most|no (?:more|longer) than|(?<!no )(?:less|fewer|shorter) than|\bunder|up to|a maximum of|maximum(?: of)?|max\.?|below|最大(?:でも)?|最長(?:でも)?|[～~〜])\s*$/i;
const RANGE_FROM = /(\d+(?:\.\d+)?)\s*(?:[～~〜–-]|から|to)\s*$/i;
// 「30日前までに通知」, "30 days in advance": how far ahead, which is at least that when asked for with 「まで」.
const AHEAD = /^\s*(?:程度|ほど)?前(?:まで|迄)?/;
const NOTICE = /通知|告知|連絡|予告|案内|お知らせ|notice|notif|announce|advance/i;
const PAST = /(?:過去|直近|昨年|前年|(?:the |in the )?(?:last|past|previous|prior|recent))\s*$/i;
const RATE_BEFORE = /(?:every|each|per|once|twice|毎|各)\s*$/i;
// 「第3日曜日」, 「毎月5日」: a place in a calendar, not an amount.
const ORDINAL = /(?:第|毎月|毎週|毎年)\s*$/;
const RATE_AFTER = /^\s*(?:ごと|毎|おき|置き|間隔|に\s*[1一]\s*[回度]|[1一]\s*回|[1一]\s*(?:ID|アカウント|台|件)|あたり|当たり|につき|ずつ|intervals?\b|per\b|a (?:day|week|month|year)\b)/i;
const ROUND_THE_CLOCK = /^(?:24\s*(?:時間|hours?)\s*(?:365|体制|対応|受付|稼働|監視|有人|運用|いつでも|a day|per day|,?\s*7\s*days|\/\s*7|x\s*7)|365\s*(?:日|days)(?!間|分|以))/i;

/** Every figure with a unit in a text. */
export function figuresIn(raw: string): Figure[] {
  const text = raw.normalize('NFKC');
  const out: Figure[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const at = m.index ?? 0;
    const rest = text.slice(at + m[0].length);
    const unit = UNITS.find(([re]) => re.test(rest));
    const before = text.slice(0, at);
    if (!unit || /\d\s*時\s*$/.test(before) || /[.\d]$/.test(before) || ORDINAL.test(before)) continue;
    const [re, scale, size] = unit;
    const word = re.exec(rest)![0];
    // 「十分な」 (enough) and 「一人ひとり」 are words, not figures.
    // A kanji numeral inside a longer one (「二十四時間」) is not read on its own.
    if (/^[一二三四五六七八九十]$/.test(m[1]) && (size === 60 || /^人/.test(word) || /[一二三四五六七八九十百千]$/.test(before))) continue;
    const n = numberOf(m[1]);
    if (n === null || (scale === 'duration' && size === 365 * 86400 && n >= 1000)) continue;
    const end = at + m[0].length + word.length;
    const figure = bounded(text, at, end, scale, n * size, size);
    if (figure) out.push(figure);
  }
  for (const m of text.matchAll(TLS)) out.push(bounded(text, m.index!, m.index! + m[0].length, 'tls', Number(m[1]), 1, true)!);
  for (const m of text.matchAll(KEY_BITS)) out.push(bounded(text, m.index!, m.index! + m[0].length, 'bits', Number(m[1]), 1, true)!);
  return out;
}

function numberOf(word: string): number | null {
  const digits = Number(word.replace(/,/g, ''));
  if (!Number.isNaN(digits)) return digits;
  return WORD_NUMBERS[word.toLowerCase()] ?? null;
}

/** The figure read with what is around it, or null when it is a past window, a rate or round-the-clock hours. */
function bounded(text: string, start: number, end: number, scale: Scale, value: number, size: number, named = false): Figure | null {
  const before = text.slice(Math.max(0, start - 16), start);
  const after = text.slice(end, end + 12);
  const whole = text.slice(start, end).trim();
  if (!named && (PAST.test(before) || RATE_BEFORE.test(before) || RATE_AFTER.test(after) || ROUND_THE_CLOCK.test(text.slice(start)))) return null;
  if (scale === 'duration' && AHEAD.test(after)) {
    const min = NOTICE.test(text) && /前(?:まで|迄)/.test(after);
    return { scale, low: value, high: min ? Infinity : value, bound: min ? 'min' : 'exact', text: whole + after.match(AHEAD)![0] };
  }
  if (AT_LEAST_AFTER.test(after) || AT_LEAST_BEFORE.test(before)) return { scale, low: value, high: Infinity, bound: 'min', text: phrase(before, whole, after, AT_LEAST_BEFORE, AT_LEAST_AFTER) };
  const from = RANGE_FROM.exec(before);
  if (from) return { scale, low: Number(from[1]) * size, high: value, bound: 'exact', text: from[0] + whole };
  if (AT_MOST_AFTER.test(after) || AT_MOST_BEFORE.test(before)) return { scale, low: 0, high: value, bound: 'max', text: phrase(before, whole, after, AT_MOST_BEFORE, AT_MOST_AFTER) };
  return { scale, low: value, high: value, bound: 'exact', text: whole };
}

/** The figure with the words that bound it: 「7世代以上」, "at least 7 generations". */
const phrase = (before: string, whole: string, after: string, prefix: RegExp, suffix: RegExp) =>
  `${prefix.exec(before)?.[0] ?? ''}${whole}${suffix.exec(after)?.[0] ?? ''}`.trim();

export type Verdict = 'met' | 'unmet' | 'unsure';

/** Whether a figure the answer gives shows that what the question asks for is met, is not, or cannot tell. */
export function meets(asked: Figure, given: Figure): Verdict {
  const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  if (asked.bound === 'min') return given.low >= asked.low || near(given.low, asked.low) ? 'met' : given.high < asked.low ? 'unmet' : 'unsure';
  if (asked.bound === 'max') return given.high <= asked.high || near(given.high, asked.high) ? 'met' : given.low > asked.high ? 'unmet' : 'unsure';
  if (near(given.low, asked.low) && near(given.high, asked.high)) return 'met';
  return asked.low < given.low || asked.high > given.high ? 'unmet' : 'unsure';
}
