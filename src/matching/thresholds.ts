// Whether what an item's answer says meets a threshold the question sets: 「7世代以上」 against 「3世代」, "RTO of
// 1 hour or less" against 「12時間以内」, 24/7 support against 「平日10:00-16:00」. An item's 有 (or its default yes)
// answers its own question, not the customer's stricter one, so a row whose figures fall short, or cannot be
// compared, is a reviewer's: a yes written there would promise what the vendor never said.

import type { Message } from '../domain.js';
import { figuresIn, meets, type Figure, type Scale } from './figures.js';
import { hoursDoubt } from './hours.js';
import { memo } from './memo.js';
import { reason } from './reasons.js';
import { splitQuestion } from './text.js';

// The same few dozen answers are read for every row of an upload.
const answerFigures = memo(figuresIn, 256);

export interface ItemAnswer {
  no: number;
  answer: string;
}

// An example or the customer's own circumstances in brackets (「（例：AES-256）」「（当社想定：約800名）」) is not
// what the question asks the vendor to meet.
const ASIDE = /[（(][^（()）]*(?:例|想定|見込|e\.g\.|for example|for instance|such as|assum|expect)[^（()）]*[）)]/gi;
const EXAMPLE = /(?:例[:：]|例えば|たとえば|e\.g\.,?|for example,?|for instance,?)[^。．.)）\n]*/gi;
// A question about what happened (「過去1年間に1日以上の障害は」, "in the past 12 months") uses figures to say which
// events to count, not a level to meet.
const PAST = /過去|直近|これまで|昨年|前年|件数|何件|回数|in the (?:last|past)|over the (?:last|past)|during the (?:last|past)|have there been|has there been|occurred|how many|number of (?:incidents|outages|failures|disruptions|times)/i;
// Hours an answer must name to be taken as covering them: round the clock. Nights or weekends in a question to an
// item that names no hours at all (「夜間バッチ」 to the batch-processing item) are another matter.
const ROUND_THE_CLOCK = /24\s*時間|365\s*日|24\s*[/x×]\s*(?:7|365)|around[- ]the[- ]clock|round[- ]the[- ]clock|24 hours a day/i;
// Most questions have no number at all: they are passed by at once.
const MAY_HOLD_FIGURE = /[0-9０-９一二三四五六七八九十半]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/i;
// A figure asked for without a bound is a threshold only on these scales, and means at least that much
// (「7世代保持」 is met by 10 generations, 「99.99%の稼働率」 by 99.995%, AES-256 by a 256-bit key); an unbounded TLS
// version (「TLS1.0の無効化」) or duration (「月1回・2時間」, 「24時間使える」, "notify in 24 hours") names a thing or
// can be meant either way.
const EXACT_THRESHOLDS: Scale[] = ['generations', 'percent', 'bits'];

/** Why the items' answers do not show that the question's threshold or hours are met, or null when they do or none is set. */
export function thresholdDoubt(question: string, answers: ItemAnswer[]): Message | null {
  return figureDoubt(question, answers) ?? hoursReason(question, answers);
}

function figureDoubt(question: string, answers: ItemAnswer[]): Message | null {
  const asked = askedFigures(question);
  if (asked.length === 0) return null;
  const given = answers.flatMap((a) => answerFigures(a.answer).map((figure) => ({ no: a.no, figure })));
  for (const a of asked) {
    const same = given.filter((g) => g.figure.scale === a.scale);
    const itemNo = answers.map((x) => x.no).join(', ');
    if (same.length === 0) return reason('figure.unsaid', { asked: a.text, itemNo });
    const verdicts = same.map((g) => meets(a, g.figure));
    if (verdicts.every((v) => v === 'met')) continue;
    const says = same.map((g) => `「${g.figure.text}」`).join(', ');
    const code = verdicts.every((v) => v === 'unmet') ? 'figure.short' : 'figure.unsure';
    return reason(code, { asked: a.text, itemNo: [...new Set(same.map((g) => g.no))].join(', '), given: says });
  }
  return null;
}

/** The figures a question sets as a level to meet. */
export function askedFigures(question: string): Figure[] {
  if (!MAY_HOLD_FIGURE.test(question) || PAST.test(question)) return [];
  const own = question.normalize('NFKC').replace(ASIDE, ' ').replace(EXAMPLE, ' ');
  return figuresIn(own)
    .filter((f) => f.bound !== 'exact' || EXACT_THRESHOLDS.includes(f.scale))
    .map((f) => (f.bound === 'exact' ? { ...f, bound: 'min', high: Infinity } : f));
}

/** Hours asked in what is asked (not a ※ note such as 「夜間の緊急連絡先を別途ご提示いただく場合」). */
function hoursReason(question: string, answers: ItemAnswer[]): Message | null {
  const doubt = hoursDoubt(splitQuestion(question).main, answers.map((a) => a.answer).join('\n'));
  if (!doubt) return null;
  const itemNo = answers.map((a) => a.no).join(', ');
  if (doubt.limited) return reason('hours.short', { asked: doubt.asked, itemNo, limited: doubt.limited });
  return ROUND_THE_CLOCK.test(doubt.asked) ? reason('hours.unsaid', { asked: doubt.asked, itemNo }) : null;
}
