// Context signal: a question's section or category cell (「バックアップ」, "Backups", 「３．セキュリティ」)
// and its neighbours' topics. Terse questions ("頻度", "保存期間") are read in the light of where they stand.

/** METI categories and the words a customer's section heading may use for them. */
export const categoryWords: Record<string, string[]> = {
  可用性: ['可用性', '稼働', 'availability', 'business continuity'],
  信頼性: ['信頼性', '障害', 'reliability', 'incident', 'outage'],
  性能: ['性能', 'パフォーマンス', 'performance'],
  拡張性: ['拡張性', '連携', 'scalability', 'extensibility', 'integration'],
  サポート: ['サポート', '問い合わせ', 'support'],
  データ管理: ['データ管理', 'バックアップ', 'データ', 'data management', 'backup', 'data'],
  セキュリティ: ['セキュリティ', 'security'],
};

/** Categories a normalised section text names. */
export function sectionCategories(section: string): string[] {
  return Object.entries(categoryWords)
    .filter(([, words]) => words.some((w) => section.includes(w.toLowerCase().replace(/\s+/g, ' '))))
    .map(([category]) => category);
}

/** Two question numbers belong to the same block: "3-1" and "3-4", "SC-02" and "SC-05", "Q1.2" and "Q1.3". */
export function sameBlock(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const ha = blockOf(a);
  return ha.length > 0 && ha === blockOf(b);
}

/** A question number without its last number: "3-1" → "3", "SC-02" → "SC". */
const blockOf = (n: string) => n.normalize('NFKC').replace(/[\s]/g, '').replace(/[-.．_・]?[0-9]+$/, '');
