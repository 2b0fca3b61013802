// Hours a question asks about (nights, holidays, weekends, round the clock, 「8時30分から17時15分」) against the hours
// an item's answer gives: 「24時間365日」 covers them all, 「平日10:00-16:00」 does not, and an answer that names no
// hours says nothing of them.

/** Wording that asks for hours beyond a working day. */
const EXTENDED =
  /夜間|休日|土日|土曜|日曜|祝日|祝祭日|年末年始|深夜|早朝|時間外|閉庁日|24\s*時間\s*(?:365|体制|対応|受付|稼働|監視|有人|運用|いつでも)|365\s*日(?!間|分|以)|24\s*[/x×]\s*7|24\s*\/\s*365|around[- ]the[- ]clock|round[- ]the[- ]clock|after[- ]hours|outside (?:of )?(?:normal |regular |standard |local )?(?:business|office|working) hours|weekends?|holidays?|nights?|overnight|24 hours a day/i;
/** Wording in an answer that covers every hour. */
const EVERY_HOUR = /24\s*時間\s*365\s*日|24 hours a day|365 days a year|24\s*[/x×]\s*7|時間外|outside (?:of )?business hours|に関わらず|regardless of|随時|at any time/i;
/** Wording in an answer that limits the hours. */
const LIMITED = /(?:平日|weekdays?)(?:[^\d\n。.]{0,6}\d{1,2}:\d{2}\s*[-~〜～–]\s*\d{1,2}:\d{2})?|営業時間内のみ|business hours only|\d{1,2}:\d{2}\s*[-~〜～–]\s*\d{1,2}:\d{2}|\d{1,2}\s*時\s*(?:\d{1,2}\s*分\s*)?(?:[-~〜～–]|から)\s*\d{1,2}\s*時/i;

const CLOCK = String.raw`(\d{1,2})(?:\s*時\s*(?:(\d{1,2})\s*分)?|:(\d{2}))`;
const SPAN = new RegExp(`${CLOCK}\\s*(?:から|[-~〜～–]|to|until)\\s*${CLOCK}`, 'g');
const SPAN_AM_PM = /(\d{1,2})(?::(\d{2}))?\s*(am|pm)\s*(?:-|–|to|until)\s*(\d{1,2})(?::(\d{2}))?\s*(am|pm)/gi;

/** The hours a question asks about, and the limited hours the answer gives instead (null: it names none). */
export interface HoursDoubt {
  asked: string;
  limited: string | null;
}

/** How the answer falls short of the hours the question asks about, or null when it covers them or none are asked. */
export function hoursDoubt(question: string, answer: string): HoursDoubt | null {
  const asked = EXTENDED.exec(question)?.[0] ?? null;
  const spans = spansIn(question);
  if (!asked && spans.length === 0) return null;
  const limited = LIMITED.exec(answer)?.[0] ?? null;
  if (EVERY_HOUR.test(answer) && !limited) return null;
  if (asked) return { asked, limited };
  const given = spansIn(answer);
  return spans.every((s) => given.some((g) => g.from <= s.from && s.to <= g.to)) ? null : { asked: spans[0].text, limited };
}

interface Span {
  from: number;
  to: number;
  text: string;
}

/** Spans of the day in a text, in minutes from midnight: 「8時30分から17時15分」, 9:00-17:00, 9am to 5pm. */
function spansIn(raw: string): Span[] {
  const text = raw.normalize('NFKC');
  const minutes = (h: string, m1?: string, m2?: string) => Number(h) * 60 + Number(m1 ?? m2 ?? 0);
  const out: Span[] = [];
  for (const m of text.matchAll(SPAN)) out.push({ from: minutes(m[1], m[2], m[3]), to: minutes(m[4], m[5], m[6]), text: m[0] });
  for (const m of text.matchAll(SPAN_AM_PM)) {
    const at = (h: string, mm: string | undefined, half: string) => (Number(h) % 12) * 60 + Number(mm ?? 0) + (half.toLowerCase() === 'pm' ? 720 : 0);
    out.push({ from: at(m[1], m[2], m[3]), to: at(m[4], m[5], m[6]), text: m[0] });
  }
  return out.filter((s) => s.from < s.to && s.to <= 24 * 60);
}
