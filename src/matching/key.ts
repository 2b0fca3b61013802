// The key under which a question is remembered (learned aliases, the answer library):
// the same question typed with other widths, case, spacing, punctuation or notes gets the same key.
export function questionKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[※*].*$/gmu, '') // trailing notes (※…) are instructions, not the question
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}
