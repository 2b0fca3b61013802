// Questions about the customer's own side: rows the customer fills in for itself (（当金庫記入）, 【当院記入】,
// "Institution Use Only"), and questions whose subject is the customer's own staff, devices, rules or passwords
// ("Will our staff use the service only from badge-controlled offices?", 「うちのスタッフのＰＣ…」). The vendor's
// answers say nothing about these, whatever item their words resemble.

// How customers name themselves, and the people and things of theirs a question may be about.
const SELF_JA = '当社|当院|当金庫|本市|本学|弊社|当行|当組合|当法人|当機構|当庁|当方|弊院|うち|自社';
const OWN_JA = '職員|従業員|社員|スタッフ|担当者|担当部署|端末|pc|パソコン|規程|規定|ポリシー|パスワード|ネットワーク|拠点|執務室|サーバ室|入退室|委員会|主管部署|所管課|利用部局|顧客';
// The customer's own rows: 当金庫記入, 当院確認 (brackets are gone once folded).
const MARK_JA = new RegExp(`(?:${SELF_JA})(?:記入|確認|使用|記載)(?:欄|事項)?`);
// The customer's people or things as the subject: 「当院職員が」「うちのスタッフのPC」.
const SUBJECT_JA = new RegExp(`(?:${SELF_JA})(?:の)?[^、。]{0,6}?(?:${OWN_JA})(?:が|は|も|で|を|に対し|の)`);
// Asked of the vendor after all: 「貴社」「御社」, or a request to the vendor (「〜いただけますか」).
// …or whether the service lets the customer do something: 「当院が閲覧できること」「当社が利用できるまで」.
const VENDOR_JA = /貴社|御社|貴院|事業者|ベンダ|委託先|いただけ|いただき|頂け|頂き|ください|下さい|もらえ|できる|できま|でき、|可能|利用/;

const OWN_EN = 'staff|employees|personnel|workforce|devices|laptops|workstations|passwords?|password policy|policies|policy|network|offices|premises|team|users';
const SUBJECT_EN = new RegExp(`\\b(?:our|the (?:institution|bank|hospital|university|customer|client)'s(?: own)?|(?:institution|bank|hospital|university)'s) (?:own )?(?:${OWN_EN})\\b`, 'i');
const VENDOR_EN = /\b(?:you|your|yours|vendor|vendor's|provider|supplier|processor|csp|can|able)\b/i;
const SECTION_EN = /\b(?:institution use|internal use|bank use|for official use|to be completed by (?:the )?(?!vendor|supplier|provider)|internal\b)/i;

/** What a question's own text shows of the customer's side: a mark of the customer's own row, and its people or things as the subject. */
export interface CustomerWords {
  mark: string | null;
  subject: string | null;
}

/** What a section heading shows of the customer's side: a mark of the customer's own rows, or an English "for internal use" heading (the heading itself). */
export interface CustomerSection {
  mark: string | null;
  heading: string | null;
}

/** Read once per question text (with its other signals), not again for the context pass. */
export function customerWords(text: string): CustomerWords {
  const t = text.normalize('NFKC');
  const folded = unbracketed(t);
  return { mark: folded.match(MARK_JA)?.[0] ?? null, subject: ownSubject(t, folded) };
}

/** The customer's people or things as the subject, unless the question asks the vendor after all. */
function ownSubject(t: string, folded: string): string | null {
  const ja = folded.match(SUBJECT_JA);
  if (ja && !VENDOR_JA.test(folded)) return ja[0];
  const en = t.match(SUBJECT_EN);
  return en && !VENDOR_EN.test(t) ? en[0] : null;
}

/** Read once per section heading. */
export function customerSection(section: string): CustomerSection {
  const t = section.normalize('NFKC');
  return { mark: unbracketed(t).match(MARK_JA)?.[0] ?? null, heading: SECTION_EN.test(t) ? section : null };
}

/** The wording that shows a question is about the customer's own side, or null: a mark on the row or its section first. */
export function customerSide(text: CustomerWords, section: CustomerSection | null): string | null {
  return text.mark ?? section?.mark ?? section?.heading ?? text.subject;
}

const unbracketed = (t: string) => t.replace(/[()（）【】\[\]「」\s]/g, '');
