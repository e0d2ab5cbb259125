// Membership tables for single UTF-16 units: one array read per character, where a Set would
// hash. The hot loops (normalize, segment, the term matcher) test every character of an article.

export function charTable(chars: Iterable<string>): Uint8Array {
  const table = new Uint8Array(65536);
  for (const ch of chars) table[ch.charCodeAt(0)] = 1;
  return table;
}
