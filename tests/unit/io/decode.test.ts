// Decoding hostile document bytes: encodings, BOMs, line endings, binary and empty files.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectEncoding } from "../../../extract/lib/decode.ts";
import { decodeDocument } from "../../../extract/node/decode.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | Uint8Array)[]) =>
  Uint8Array.from(parts.flatMap((p) => [...p]));

// GBK code points, from the GB2312 table: 江 BD AD, 门 C3 C5, 市 CA D0, 亿 D2 DA, 元 D4 AA.
const GBK_JIANGMEN_SHI = [0xbd, 0xad, 0xc3, 0xc5, 0xca, 0xd0];
const GBK_YI_YUAN = [0xd2, 0xda, 0xd4, 0xaa];

describe("decodeDocument", () => {
  it("reads UTF-8 as it is, CRLF kept", () => {
    const decoded = decodeDocument(utf8("江门市\r\n地区生产总值3000亿元\r\n"));
    expect(decoded).toEqual({
      ok: true,
      text: "江门市\r\n地区生产总值3000亿元\r\n",
      encoding: "utf-8",
      notes: [],
    });
  });

  it("drops a UTF-8 BOM, so offsets count from the first character", () => {
    const decoded = decodeDocument(bytes([0xef, 0xbb, 0xbf], utf8("江门 GDP 100亿元")));
    expect(decoded.ok && decoded.text).toBe("江门 GDP 100亿元");
    expect(decoded.ok && decoded.encoding).toBe("utf-8-bom");
    expect(decoded.ok && decoded.text.indexOf("100")).toBe(7);
  });

  it("detects GBK bytes that are not UTF-8", () => {
    const decoded = decodeDocument(
      bytes(GBK_JIANGMEN_SHI, utf8(" 300"), GBK_YI_YUAN, utf8("\r\n")),
    );
    expect(decoded).toEqual({
      ok: true,
      text: "江门市 300亿元\r\n",
      encoding: "gb18030",
      notes: [],
    });
  });

  it("decodes GB18030 four-byte sequences (characters outside GBK)", () => {
    // U+10000 is 90 30 81 30 and U+1F600 is 94 39 FC 36 in GB18030's four-byte range.
    const decoded = decodeDocument(
      bytes(GBK_JIANGMEN_SHI, [0x90, 0x30, 0x81, 0x30, 0x94, 0x39, 0xfc, 0x36]),
    );
    expect(decoded.ok && decoded.text).toBe("江门市\u{10000}\u{1F600}");
  });

  it("keeps a UTF-8 document with one broken byte as UTF-8, replacing it and saying so", () => {
    const text = "江门市地区生产总值增长5%，新会区工业增加值96亿元。".repeat(3);
    const damaged = utf8(text);
    damaged[4] = 0xff; // inside 门
    const decoded = decodeDocument(damaged);
    expect(decoded.ok && decoded.encoding).toBe("utf-8");
    expect(decoded.ok && decoded.text.endsWith("96亿元。")).toBe(true);
    expect(decoded.ok && decoded.notes.join()).toMatch(/invalid UTF-8/);
  });

  it("reads UTF-16 with a BOM", () => {
    const le = bytes([0xff, 0xfe], [0x5f, 0x6c, 0xe8, 0x95, 0x31, 0x00]); // 江门1
    expect(decodeDocument(le)).toMatchObject({ ok: true, text: "江门1", encoding: "utf-16le" });
    const be = bytes([0xfe, 0xff], [0x6c, 0x5f, 0x95, 0xe8]);
    expect(decodeDocument(be)).toMatchObject({ ok: true, text: "江门", encoding: "utf-16be" });
  });

  it("refuses empty and whitespace-only files", () => {
    expect(decodeDocument(new Uint8Array())).toEqual({ ok: false, reason: "empty file" });
    expect(decodeDocument(utf8(" \r\n\t\n"))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/empty/),
    });
    expect(decodeDocument(bytes([0xef, 0xbb, 0xbf]))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/empty/),
    });
  });

  it("refuses binary files: NUL bytes, or mostly control bytes", () => {
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(decodeDocument(png)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/binary.*NUL/),
    });
    const controls = bytes(
      utf8("江门"),
      Array.from({ length: 40 }, (_, i) => 1 + (i % 7)),
    );
    expect(decodeDocument(controls)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/binary.*control/),
    });
  });

  it("does not take tabs, form feeds and escape sequences for binary", () => {
    const decoded = decodeDocument(utf8("\t江门\f\x1b[1m100亿元\x1b[0m\n"));
    expect(decoded.ok).toBe(true);
  });

  it("refuses bytes that are neither UTF-8 nor GB18030", () => {
    expect(decodeDocument(bytes([0x80, 0xff, 0x80, 0xff, 0x80]))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/UTF-8 or GB18030/),
    });
  });
});

describe("detectEncoding (the dashboard's check of a CSV a user opens)", () => {
  it("names the encoding decodeDocument reads, without the text", () => {
    expect(detectEncoding(utf8("id,region\r\n1,江门\r\n"))).toEqual({
      ok: true,
      encoding: "utf-8",
    });
    expect(detectEncoding(bytes([0xef, 0xbb, 0xbf], utf8("id\n")))).toEqual({
      ok: true,
      encoding: "utf-8-bom",
    });
    expect(detectEncoding(bytes(GBK_JIANGMEN_SHI, utf8(",300"), GBK_YI_YUAN))).toEqual({
      ok: true,
      encoding: "gb18030",
    });
    expect(detectEncoding(bytes([0x80, 0xff, 0x80, 0xff, 0x80]))).toEqual({
      ok: false,
      reason: "not text in UTF-8 or GB18030 (invalid byte sequences)",
    });
    expect(detectEncoding(bytes([0x41, 0x00, 0x42]))).toMatchObject({ ok: false });
    // An empty file is left to the CSV reader, which says "empty file" in its own words.
    expect(detectEncoding(new Uint8Array())).toEqual({ ok: true, encoding: "utf-8" });
  });

  it("reads past its 1 MiB pieces: a character cut by a piece boundary, a bad byte after it", () => {
    const mib = 1 << 20;
    // A two-byte GBK character straddles the boundary; everything else is ASCII.
    const gbk = new Uint8Array(mib + 64).fill(0x61);
    gbk.set(GBK_JIANGMEN_SHI.slice(0, 2), mib - 1);
    gbk.set(GBK_YI_YUAN.concat(GBK_YI_YUAN, GBK_YI_YUAN), mib + 8);
    expect(detectEncoding(gbk)).toEqual({ ok: true, encoding: "gb18030" });
    expect(decodeDocument(gbk)).toMatchObject({ ok: true, encoding: "gb18030" });
    // Valid UTF-8 with a three-byte character across the boundary stays UTF-8.
    const text = new Uint8Array(mib + 16).fill(0x61);
    text.set(utf8("江"), mib - 1);
    expect(detectEncoding(text)).toEqual({ ok: true, encoding: "utf-8" });
    // An invalid byte far into the file is still seen.
    const late = text.slice();
    late.set([0x80, 0xff, 0x80, 0xff, 0x80, 0xff], mib + 8);
    expect(detectEncoding(late)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/GB18030/),
    });
  });

  it("agrees with decodeDocument on generated bytes", () => {
    const fragment = fc.oneof(
      fc.string().map((s) => [...utf8(s)]),
      fc.constantFrom(GBK_JIANGMEN_SHI, GBK_YI_YUAN, [0xef, 0xbb, 0xbf], [0x0d, 0x0a], [0x2c]),
      fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 6 }),
      fc.constantFrom([0x90, 0x30, 0x81, 0x30], [0xc3, 0x28], [0xe6, 0xb1]),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => {
        const input = Uint8Array.from(parts.flat());
        const decoded = decodeDocument(input);
        const detected = detectEncoding(input);
        if (decoded.ok) expect(detected).toEqual({ ok: true, encoding: decoded.encoding });
        else if (/empty/.test(decoded.reason)) expect(detected.ok).toBe(true);
        else expect(detected).toEqual(decoded);
      }),
      { numRuns: 2000 },
    );
  });
});
