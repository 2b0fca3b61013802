// Parses the vendor's tab-separated export of the METI 「クラウドサービスレベルのチェックリスト」.
// Columns: No., 種別, 項目, 規定内容, 測定単位, 設定 (the vendor's answer). A blank 種別 repeats the one above.

export interface SeedItem {
  no: number;
  category: string;
  title: string;
  description: string;
  unit: string;
  answer: string;
  /** 有 / 無 where the unit asks 有無 and the answer starts with it; null otherwise. */
  shortAnswer: '有' | '無' | null;
}

export function parseSeed(text: string): SeedItem[] {
  const items: SeedItem[] = [];
  let category = '';
  for (const line of text.split(/\r?\n/)) {
    const cells = line.split('\t');
    if (cells.length < 6 || !/^\d+$/.test(cells[0].trim())) continue;
    const [no, cat, title, description, unit, answer] = cells.map((c) => c.trim());
    if (cat) category = cat;
    const readable = readableAnswer(answer);
    items.push({
      no: Number(no),
      category,
      title,
      description,
      unit,
      answer: readable,
      shortAnswer: unit.includes('有無') ? leadingPresence(readable) : null,
    });
  }
  return items;
}

/** An HTML list in an answer becomes one line per entry ("ラベル: 内容"); everything else is kept as written. */
export function readableAnswer(answer: string): string {
  const m = /^(.*?)\s*<ul[^>]*>\s*(.*)$/s.exec(answer);
  if (!m) return answer;
  const entries = m[2].replace(/<\/?(ul|li)[^>]*>/g, ' ').trim().split(/\s+(?=[^\s:：]+: )/);
  return [m[1], ...entries].filter(Boolean).join('\n');
}

function leadingPresence(answer: string): '有' | '無' | null {
  const m = /^(有|無)(\s|$)/.exec(answer);
  return m ? (m[1] as '有' | '無') : null;
}
