// A1 addresses and column letters, 0-based internally.

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "A" → 0, "aa" → 26; -1 when the text is not a column name. */
export function columnIndex(letters: string): number {
  const s = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) return -1;
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 26 + (s.charCodeAt(i) - 64);
  return n - 1;
}

/** (4, 2) → "C5". */
export function cellAddress(r: number, c: number): string {
  return columnLetter(c) + (r + 1);
}

/** "C5" → { r: 4, c: 2 }; "$C$5" too. null when not an address. */
export function decodeCell(a1: string): { r: number; c: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) return null;
  return { r: Number(m[2]) - 1, c: columnIndex(m[1]) };
}

/** "D5:D45" or "D5" → a 0-based inclusive range; null when not a range. */
export function decodeRange(ref: string): { s: { r: number; c: number }; e: { r: number; c: number } } | null {
  const [a, b = a] = ref.split(':');
  const s = decodeCell(a);
  const e = decodeCell(b);
  if (!s || !e) return null;
  return {
    s: { r: Math.min(s.r, e.r), c: Math.min(s.c, e.c) },
    e: { r: Math.max(s.r, e.r), c: Math.max(s.c, e.c) },
  };
}
