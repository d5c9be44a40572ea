import { describe, expect, it } from "vitest";
import { decodeSource, MAX_SOURCE_BYTES } from "./decode-source";
import { IngestError } from "./ingest-error";

const utf8 = (s: string) => new TextEncoder().encode(s);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof IngestError) return error.code;
    throw error;
  }
  return undefined;
}

describe("decodeSource", () => {
  it("decodes UTF-8, strips a BOM and normalises CRLF and lone CR", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("标题\r\n正文\r第三行\n")]);
    expect(decodeSource(bytes)).toBe("标题\n正文\n第三行\n");
  });

  it("refuses an empty file and a whitespace-only file", () => {
    expect(codeOf(() => decodeSource(new Uint8Array()))).toBe("empty");
    expect(codeOf(() => decodeSource(utf8(" \n\u3000\t\n")))).toBe("empty");
  });

  it("refuses bytes with NULs or many control characters as binary", () => {
    expect(codeOf(() => decodeSource(utf8("%PDF-1.7\u0000\u0001")))).toBe("binary");
    const noisy = new Uint8Array(200).fill(0x41);
    for (let i = 0; i < 10; i += 1) noisy[i * 7] = 0x02;
    expect(codeOf(() => decodeSource(noisy))).toBe("binary");
  });

  it("refuses GB18030 text and says it looks like GBK/GB18030", () => {
    // "网络空间命运共同体" encoded in GB18030.
    const gb = new Uint8Array([0xcd, 0xf8, 0xc2, 0xe7, 0xbf, 0xd5, 0xbc, 0xe4, 0xc3, 0xfc, 0xd4, 0xcb, 0xb9, 0xb2, 0xcd, 0xac, 0xcc, 0xe5]);
    let message = "";
    try {
      decodeSource(gb);
    } catch (error) {
      expect(error).toBeInstanceOf(IngestError);
      expect((error as IngestError).code).toBe("not-utf8");
      message = (error as Error).message;
    }
    expect(message).toMatch(/GBK\/GB18030/);
  });

  it("refuses other invalid UTF-8 and UTF-16 with a byte-order mark", () => {
    expect(codeOf(() => decodeSource(new Uint8Array([0x61, 0xff, 0x62])))).toBe("not-utf8");
    expect(codeOf(() => decodeSource(new Uint8Array([0xff, 0xfe, 0x61, 0x00])))).toBe("not-utf8");
  });

  it("refuses files over the size limit, which can be lowered per call", () => {
    expect(MAX_SOURCE_BYTES).toBe(5 * 1024 * 1024);
    expect(codeOf(() => decodeSource(utf8("abcdef"), { maxBytes: 5 }))).toBe("too-large");
    expect(codeOf(() => decodeSource(new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x61)))).toBe("too-large");
  });
});
