// Step 3 of matching a question: the reasons a reviewer reads, as codes with parameters (domain Message),
// and the words for each code in English and Japanese.

import type { Language, Message } from '../domain.js';
import type { Compiled } from './compile.js';
import type { Band, Decision } from './decide.js';
import type { Gathered } from './evidence.js';
import { explainedEnough } from './score.js';

/** Each reason code with its words; {name} is replaced by the message's parameter of that name. */
export const reasonTemplates = {
  'match.terms': {
    en: 'item {itemNo} 「{title}」: matched {terms}',
    ja: 'No.{itemNo}「{title}」: 質問に {terms} とあります',
  },
  'match.similar': {
    en: 'item {itemNo} 「{title}」: similar wording only (no alias matched)',
    ja: 'No.{itemNo}「{title}」: 言い回しが似ているだけで、この項目を指す語句はありません',
  },
  'match.two-topics': {
    en: 'the question asks about two topics: both answers are written, each under its title, in the order asked',
    ja: '質問が二つの事柄を尋ねているため、二つの回答を質問の順にそれぞれの見出しの下に記入しました',
  },
  'match.negative': {
    en: 'asks about {topic} (「{term}」), which no item answers',
    ja: '{topic}（「{term}」）について尋ねていますが、これに答える項目はありません',
  },
  'match.customer-side': {
    en: "the question is about the customer's own side (「{term}」), which the vendor's answers do not cover",
    ja: 'お客様ご自身の体制・運用（「{term}」）についての質問で、項目の回答では答えられません',
  },
  'match.weakened': {
    en: 'item {itemNo} is weakened: the question mentions {term}',
    ja: '質問に「{term}」とあるため、No.{itemNo} の可能性を低く見ました',
  },
  'match.close-alternative': {
    en: 'close alternative: item {itemNo} 「{title}」',
    ja: '近い候補: No.{itemNo}「{title}」',
  },
  'match.explained': {
    en: "only {percent}% of what the question asks is in the item's wording",
    ja: '質問の内容のうち、項目の記載で説明できるのは {percent}% だけです',
  },
  'match.common-wording': {
    en: 'the deciding wording is common: {count} items use it',
    ja: '決め手になった語句は {count} 項目で使われている一般的な語句です',
  },
  'match.section': {
    en: 'section 「{section}」 suggests {categories}',
    ja: '見出し「{section}」から {categories} の質問と見ました',
  },
  'aspect.frequency': {
    en: "asks about how often it is done (「{term}」), which item {itemNo}'s answer does not say",
    ja: '頻度（「{term}」）を尋ねていますが、No.{itemNo} の回答には書かれていません',
  },
  'aspect.schedule': {
    en: "asks about when it is done (days or hours) (「{term}」), which item {itemNo}'s answer does not say",
    ja: '実施の時期・時間帯（「{term}」）を尋ねていますが、No.{itemNo} の回答には書かれていません',
  },
  'aspect.deadline': {
    en: "asks about how quickly or how far in advance (「{term}」), which item {itemNo}'s answer does not say",
    ja: '期限・所要時間（「{term}」）を尋ねていますが、No.{itemNo} の回答には書かれていません',
  },
  'aspect.scope': {
    en: "asks about what it covers (「{term}」), which item {itemNo}'s answer does not say",
    ja: '対象範囲（「{term}」）を尋ねていますが、No.{itemNo} の回答には書かれていません',
  },
  'aspect.who': {
    en: "asks about who does it or is responsible (「{term}」), which item {itemNo}'s answer does not say",
    ja: '実施者・責任者（「{term}」）を尋ねていますが、No.{itemNo} の回答には書かれていません',
  },
  'aspect.evidence': {
    en: "asks about a report, certificate or other document to hand over (「{term}」), which item {itemNo}'s answer does not say",
    ja: '報告書・証明書などの提出や開示（「{term}」）を尋ねていますが、No.{itemNo} の回答には書かれていません',
  },
  'aspect.test': {
    en: "asks about tests, drills or exercises (「{term}」), which item {itemNo}'s answer does not say",
    ja: 'テスト・訓練の実施（「{term}」）を尋ねていますが、No.{itemNo} の回答には書かれていません',
  },
  'aspect.review': {
    en: "asks about reviews, approvals or audits (「{term}」), which item {itemNo}'s answer does not say",
    ja: '承認・見直し・点検（「{term}」）を尋ねていますが、No.{itemNo} の回答には書かれていません',
  },
  'aspect.lifecycle': {
    en: "asks about rotation, renewal or removal over time (「{term}」), which item {itemNo}'s answer does not say",
    ja: '更新・ローテーション・削除の運用（「{term}」）を尋ねていますが、No.{itemNo} の回答には書かれていません',
  },
  'aspect.insurance': {
    en: "asks about insurance (「{term}」), which item {itemNo}'s answer does not say",
    ja: '保険（「{term}」）を尋ねていますが、No.{itemNo} の回答には書かれていません',
  },
  'aspect.cap': {
    en: "asks about a cap or limit on an amount (「{term}」), which item {itemNo}'s answer does not say",
    ja: '上限額・限度額（「{term}」）を尋ねていますが、No.{itemNo} の回答には書かれていません',
  },
  'aspect.legal': {
    en: "asks about contract terms, jurisdiction or courts (「{term}」), which item {itemNo}'s answer does not say",
    ja: '契約条項・管轄（「{term}」）を尋ねていますが、No.{itemNo} の回答には書かれていません',
  },
  'aspect.actual': {
    en: "asks about actual figures or past events (「{term}」), which item {itemNo}'s answer does not say",
    ja: '実績・過去の発生状況（「{term}」）を尋ねていますが、No.{itemNo} の回答には書かれていません',
  },
  'aspect.algorithm': {
    en: "asks about algorithms or key lengths (「{term}」), which item {itemNo}'s answer does not say",
    ja: 'アルゴリズム・鍵長（「{term}」）を尋ねていますが、No.{itemNo} の回答には書かれていません',
  },
  'aspect.on-request': {
    en: "asks about something done at the customer's request (「{term}」), which item {itemNo}'s answer does not say",
    ja: 'お客様の求めに応じた個別対応（「{term}」）を尋ねていますが、No.{itemNo} の回答には書かれていません',
  },
  'aspect.endpoint': {
    en: "asks about laptops, PCs or other end-user devices (「{term}」), which item {itemNo}'s answer does not say",
    ja: 'PC・端末などの機器（「{term}」）を尋ねていますが、No.{itemNo} の回答には書かれていません',
  },
  'aspect.notify': {
    en: "asks about notifying the customer (「{term}」), which item {itemNo}'s answer does not say",
    ja: 'お客様への通知・連絡（「{term}」）を尋ねていますが、No.{itemNo} の回答には書かれていません',
  },
  'aspect.integration': {
    en: "asks about integration with the customer's systems (「{term}」), which item {itemNo}'s answer does not say",
    ja: 'お客様のシステムとの連携・組み込み（「{term}」）を尋ねていますが、No.{itemNo} の回答には書かれていません',
  },
  'aspect.statistic': {
    en: "asks about a figure other than the one the answer gives (「{term}」), which item {itemNo}'s answer does not say",
    ja: '回答にある数値とは別の指標（「{term}」）を尋ねていますが、No.{itemNo} の回答には書かれていません',
  },
  'aspect.less-often': {
    en: "asks for it {term}, more often than item {itemNo}'s answer says it is done",
    ja: '「{term}」の実施を求めていますが、No.{itemNo} の回答ではそれより少ない頻度です',
  },
  'match.no-wording': {
    en: 'no item shares any wording with this question',
    ja: 'この質問と共通する語句を持つ項目はありません',
  },
  'verdict.auto': {
    en: 'confidence {score} ≥ {threshold}: filled automatically',
    ja: '確からしさ {score} ≥ {threshold}: 自動で記入しました',
  },
  'verdict.review': {
    en: 'confidence {score} < {threshold}: best guess written, to be checked',
    ja: '確からしさ {score} < {threshold}: 最も近い回答を記入しました。ご確認ください',
  },
  'verdict.unmatched': {
    en: 'confidence {score} < {threshold}: left blank for a reviewer',
    ja: '確からしさ {score} < {threshold}: 空欄のままにしました。ご記入ください',
  },
  'verdict.held-negative': {
    en: 'confidence {score}, but never filled automatically when it touches a topic no item answers',
    ja: '確からしさ {score}。ただし、どの項目も答えていない事柄に触れているため、自動では記入しません',
  },
  'verdict.held-aspect': {
    en: "confidence {score}, but the item's answer does not say what the question asks, so it is only proposed",
    ja: '確からしさ {score}。ただし、質問が尋ねている点が項目の回答に書かれていないため、提案にとどめます',
  },
  'verdict.held-customer-side': {
    en: "confidence {score}, but never filled automatically: the vendor's answers do not speak for the customer's side",
    ja: '確からしさ {score}。ただし、お客様側の事項のため、自動では記入しません',
  },
  'verdict.held-no-alias': {
    en: 'confidence {score}, but no alias matched, so it is only proposed',
    ja: '確からしさ {score}。ただし、項目を指す語句がないため、提案にとどめます',
  },
  'learned.same': {
    en: 'a reviewer matched the same question to item {itemNos}: 「{text}」',
    ja: '同じ質問「{text}」に、レビュー担当者が No.{itemNos} を選んでいます',
  },
  'learned.near': {
    en: 'a reviewer matched a near-identical question to item {itemNos}: 「{text}」',
    ja: 'ほぼ同じ質問「{text}」に、レビュー担当者が No.{itemNos} を選んでいます',
  },
  'learned.none-same': {
    en: 'a reviewer decided no item answers this (the same question: 「{text}」)',
    ja: '同じ質問「{text}」について、答える項目はないとレビュー担当者が判断しています',
  },
  'learned.none-near': {
    en: 'a reviewer decided no item answers this (a near-identical question: 「{text}」)',
    ja: 'ほぼ同じ質問「{text}」について、答える項目はないとレビュー担当者が判断しています',
  },
  'library.answer': {
    en: 'the answer library holds an answer written for 「{question}」',
    ja: '回答ライブラリに「{question}」への回答があります',
  },
  'choice.no-item': {
    en: 'no item is chosen, so the choice column is left for a reviewer',
    ja: '項目が選ばれていないため、選択欄は空けてあります',
  },
  'choice.no-default': {
    en: "item {itemNo}'s answer says neither yes nor no and it has no default choice: the choice is a reviewer's",
    ja: 'No.{itemNo} の回答には有無がなく、既定の選択肢もないため、選択欄はご判断ください',
  },
  'choice.items-disagree': {
    en: 'items {itemNos} imply different choices: the choice is a reviewer\'s',
    ja: 'No.{itemNos} の回答から導かれる選択肢が食い違うため、選択欄はご判断ください',
  },
  'choice.unknown-words': {
    en: 'the choice column\'s values ({choices}) are not words for yes, no, partly or not applicable that qmap knows',
    ja: '選択欄の値（{choices}）を、はい・いいえ・一部・該当なしのどれに当たるか読み取れません',
  },
  'choice.not-offered': {
    en: 'the answer means {value}, but the choice column offers no such value ({choices})',
    ja: '回答は「{valueJa}」に当たりますが、選択欄（{choices}）にそれに当たる値がありません',
  },
  'choice.reverse-sense': {
    en: "the question asks the other way round from item {itemNo} (「{term}」), so the item's yes or no cannot be written for it: the choice is a reviewer's",
    ja: '質問（「{term}」）は No.{itemNo} の回答とは逆の向きを尋ねているため、項目の有無をそのまま当てられません。はい・いいえはご判断ください',
  },
  'figure.short': {
    en: "the question asks for 「{asked}」, but item {itemNo}'s answer says {given}: held for a reviewer, not answered yes",
    ja: '質問は「{asked}」を求めていますが、No.{itemNo} の回答は{given}です。「はい」とは記入せず、ご判断いただきます',
  },
  'figure.unsure': {
    en: "the question asks for 「{asked}」; item {itemNo}'s answer says {given}, which does not show it is met: held for a reviewer",
    ja: '質問は「{asked}」を求めていますが、No.{itemNo} の回答{given}からは満たすと言い切れません。ご判断ください',
  },
  'figure.unsaid': {
    en: "the question asks for 「{asked}」, and item {itemNo}'s answer gives no such figure: held for a reviewer",
    ja: '質問は「{asked}」を求めていますが、No.{itemNo} の回答にはその数値がありません。ご判断ください',
  },
  'hours.short': {
    en: "the question asks about 「{asked}」, but item {itemNo}'s answer gives 「{limited}」: held for a reviewer, not answered yes",
    ja: '質問は「{asked}」について尋ねていますが、No.{itemNo} の回答は「{limited}」です。「はい」とは記入せず、ご判断いただきます',
  },
  'hours.unsaid': {
    en: "the question asks about 「{asked}」, and item {itemNo}'s answer does not say which hours: held for a reviewer",
    ja: '質問は「{asked}」について尋ねていますが、No.{itemNo} の回答には時間帯の記載がありません。ご判断ください',
  },
  'choice.inverted': {
    en: 'the question is negated, so yes and no trade places: {choice}',
    ja: '否定形の質問のため、はい・いいえを入れ替えて「{choice}」としました',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type ReasonCode = keyof typeof reasonTemplates;

export const reason = (code: ReasonCode, params?: Message['params']): Message => (params ? { code, params } : { code });

/** Quoted terms for a reason: 「a」, 「b」. */
export const quoted = (terms: string[]): string => terms.map((t) => `「${t}」`).join(', ');

/** Why the matcher decided as it did: what matched, what speaks against it, and the verdict last. */
export function reasonsFor(c: Compiled, g: Gathered, d: Decision, band: Band): Message[] {
  const reasons: Message[] = [];
  for (const e of d.chosen) {
    const shown = e.terms.filter((t) => !t.startsWith('not:'));
    reasons.push(
      shown.length
        ? reason('match.terms', { itemNo: e.itemNo, title: titleOf(c, e.itemNo), terms: quoted(shown) })
        : reason('match.similar', { itemNo: e.itemNo, title: titleOf(c, e.itemNo) }),
    );
  }
  if (d.chosen.length > 1) reasons.push(reason('match.two-topics'));
  for (const n of g.negatives) reasons.push(reason('match.negative', { topic: n.topic, term: n.term }));
  if (g.customerSide) reasons.push(reason('match.customer-side', { term: g.customerSide }));
  for (const u of d.unsettled) reasons.push(reason(u.lessOften ? 'aspect.less-often' : `aspect.${u.aspect}`, { itemNo: u.itemNo, term: u.term }));
  for (const e of d.chosen) {
    const not = e.terms.find((t) => t.startsWith('not:'));
    if (not) reasons.push(reason('match.weakened', { itemNo: e.itemNo, term: not.slice(5) }));
  }
  const [top] = d.chosen;
  const rival = g.ranked.find((e) => !d.chosen.includes(e));
  if (rival && rival.raw > 0.6 * top.raw) reasons.push(reason('match.close-alternative', { itemNo: rival.itemNo, title: titleOf(c, rival.itemNo) }));
  if (d.explained < explainedEnough) reasons.push(reason('match.explained', { percent: Math.round(100 * d.explained) }));
  if (d.spread > 1) reasons.push(reason('match.common-wording', { count: d.spread }));
  if (g.section) reasons.push(reason('match.section', { section: g.section.text, categories: g.section.categories.join(', ') }));
  reasons.push(verdict(d, band));
  return reasons;
}

const titleOf = (c: Compiled, itemNo: number) => c.byNo.get(itemNo)?.title ?? '';

function verdict(d: Decision, band: Band): Message {
  const score = d.score;
  if (d.status === 'auto') return reason('verdict.auto', { score, threshold: band.auto });
  if (d.status === 'unmatched') return reason('verdict.unmatched', { score, threshold: band.review });
  if (score < band.auto) return reason('verdict.review', { score, threshold: band.auto });
  if (d.hold === 'negative') return reason('verdict.held-negative', { score });
  if (d.hold === 'aspect') return reason('verdict.held-aspect', { score });
  if (d.hold === 'customer-side') return reason('verdict.held-customer-side', { score });
  return reason('verdict.held-no-alias', { score });
}
