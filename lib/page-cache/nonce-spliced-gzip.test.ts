import { randomBytes } from "node:crypto";
import zlib from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { absentByte, crcCombine, crcShift, prepareSplicedGzip, splicedGzip } from "./nonce-spliced-gzip.mjs";

const PLACEHOLDER = Buffer.from("PLACEHOLDERnonce24bytes=");
const encode = (text: string) => Buffer.from(text, "utf8");
/** The body as an uncached render would send it: every placeholder replaced by the nonce. */
const substituted = (body: Buffer, nonce: Buffer) => Buffer.from(body.toString("latin1").replaceAll(PLACEHOLDER.toString("latin1"), nonce.toString("latin1")), "latin1");
const freshNonce = () => Buffer.from(randomBytes(16).toString("base64"));

describe("CRC-32 combination", () => {
  it("gives the CRC of the concatenation, as zlib computes it over the whole", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (a, b) => {
        expect(crcCombine(zlib.crc32(a), zlib.crc32(b), crcShift(b.length))).toBe(zlib.crc32(Buffer.concat([a, b])));
      }),
    );
    // Lengths far past a page's, where every bit of the length's binary form is used.
    const long = Buffer.alloc(3_000_017, 0x61);
    expect(crcCombine(zlib.crc32("x"), zlib.crc32(long), crcShift(long.length))).toBe(zlib.crc32(Buffer.concat([encode("x"), long])));
  });
});

describe("a kept body compressed once, spliced with a nonce per response", () => {
  it("decodes to exactly the body with the nonce in every placeholder's place, for any text and any placement", async () => {
    const piece = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: "grapheme", maxLength: 40 }), fc.constant('<script nonce="'), fc.constant(PLACEHOLDER.toString()));
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 30 }), async (pieces) => {
        const body = encode(pieces.join(""));
        const prepared = await prepareSplicedGzip(body, PLACEHOLDER);
        const nonce = freshNonce();
        expect(zlib.gunzipSync(splicedGzip(prepared, nonce))).toEqual(substituted(body, nonce));
      }),
      { numRuns: 200 },
    );
  });

  it("refers back across the nonce in a long repetitive page, and the reference lands on the same bytes", async () => {
    // A page whose paragraphs repeat after each script tag, as the React payload repeats the text: later
    // segments are compressed against the text before them, placeholders filled.
    const paragraph = "<p>网络空间命运共同体的理念强调各国在网络空间中的共同利益与责任。</p>";
    const body = encode(Array.from({ length: 40 }, (_, index) => `${paragraph.repeat(3)}<script nonce="${PLACEHOLDER}">self.__next_f.push([1,"${index}"])</script>`).join(""));
    const prepared = await prepareSplicedGzip(body, PLACEHOLDER);
    const nonce = freshNonce();
    expect(zlib.gunzipSync(splicedGzip(prepared, nonce))).toEqual(substituted(body, nonce));
    // As small as compressing the whole in one go, give or take the blocks' ends and the stored nonces.
    expect(prepared.compressedLength).toBeLessThan(zlib.gzipSync(body).length * 2);
    expect(prepared.segments).toHaveLength(41);
  });

  it("stays right when every byte value occurs in the body (no dictionary then), and with binary text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 400 }), { maxLength: 6 }), async (chunks) => {
        const all = Buffer.from(Array.from({ length: 256 }, (_, value) => value));
        const body = Buffer.concat(chunks.flatMap((chunk) => [Buffer.from(chunk), PLACEHOLDER]).concat(all));
        expect(absentByte(body)).toBeNull();
        const prepared = await prepareSplicedGzip(body, PLACEHOLDER);
        const nonce = freshNonce();
        expect(zlib.gunzipSync(splicedGzip(prepared, nonce))).toEqual(substituted(body, nonce));
      }),
      { numRuns: 50 },
    );
  });

  it("gives each response its own nonce from one preparation, and a body without placeholders as it is", async () => {
    const body = encode(`<html><script nonce="${PLACEHOLDER}"></script><p>文本</p><script nonce="${PLACEHOLDER}"></script></html>`);
    const prepared = await prepareSplicedGzip(body, PLACEHOLDER);
    const [first, second] = [freshNonce(), freshNonce()];
    const decoded = [zlib.gunzipSync(splicedGzip(prepared, first)).toString(), zlib.gunzipSync(splicedGzip(prepared, second)).toString()];
    expect(decoded[0]).toContain(`nonce="${first}"`);
    expect(decoded[1]).toContain(`nonce="${second}"`);
    expect(decoded[0]).not.toContain(PLACEHOLDER.toString());
    const json = encode(JSON.stringify({ concepts: ["主权", "治理"] }));
    expect(zlib.gunzipSync(splicedGzip(await prepareSplicedGzip(json, PLACEHOLDER), first))).toEqual(json);
    expect(() => splicedGzip(prepared, Buffer.from("short"))).toThrow();
  });

  it("prefers a byte UTF-8 never uses as the filler", () => {
    expect(absentByte(encode("网络空间 <p>"))).toBe(0xff);
    expect(absentByte(Buffer.from([0xff, 0x00]))).toBe(0xfe);
  });
});
