// GBK bytes of a text, as Excel on Chinese Windows and older newsroom systems write it, for tests
// that feed the readers such files. Node has no GBK encoder; the decoder's own two-byte table is
// read backwards instead (GB18030's two-byte region is GBK), once per test process.
let table: Map<string, [number, number]> | undefined;

function gbkTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder("gbk");
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (char.length === 1 && char !== "\uFFFD" && !table.has(char))
        table.set(char, [lead, trail]);
    }
  }
  return table;
}

/** The GBK encoding of `text`; throws naming a character GBK cannot write. */
export function encodeGbk(text: string): Buffer {
  const codes = gbkTable();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = codes.get(char);
      if (!pair) throw new Error(`${char} (U+${code.toString(16)}) has no GBK code`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}
