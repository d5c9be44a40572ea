// @ts-check
/**
 * A kept page compressed once, served with a fresh nonce in every response without compressing it again.
 *
 * Every response's script nonce is its own (lib/http/security-headers.mjs), so compressed bytes of a whole
 * page cannot be kept: compressing side by side with concepts (1.2 MB of HTML) afresh for each response
 * was what held it to 1.5× a static file's throughput under 100 clients. A gzip member is a DEFLATE stream,
 * whose blocks may be concatenated when each ends on a byte boundary, and which allows "stored" blocks of
 * raw bytes. So the text between the placeholders (the segments) is compressed once, each segment ending
 * with a sync flush (byte-aligned, not final; the last one finishes the stream), and a response is the
 * segments with each nonce between them as a stored block, behind a gzip header and before a trailer
 * whose CRC-32 is combined from the segments' (precomputed) and the nonce's, in time independent of the
 * page's size.
 *
 * Why every segment still compresses as well as the whole page would: a segment is compressed with the
 * 32 KiB of text before it as its dictionary, so it may refer back across the nonce as the decoder's window
 * does. The decoder's window holds the nonce where the compressor's dictionary holds something else, so in
 * that dictionary the placeholders are filled with a byte value that occurs nowhere in the page (HTML and
 * JSON are UTF-8, where 0xFF never occurs): a back-reference copies only bytes equal to the text being
 * compressed, so none can reach into a filled placeholder, and every reference the decoder follows lands on
 * bytes it holds as the compressor did. A page in which every byte value occurs gets no dictionary (each
 * segment on its own: still right, a little larger).
 *
 * Plain JavaScript with node:zlib only (loaded by scripts/serve-next.mjs outside any bundler); unit-tested.
 */
import zlib from "node:zlib";

/** DEFLATE's window: the farthest back any reference reaches, so the most of the text before a segment worth giving it. */
const WINDOW_BYTES = 32 * 1024;
/**
 * zlib's default level. Measured on side by side with concepts (1.2 MB): level 9 was 1% smaller and took
 * 1.8× as long, and the requests that wait for the first render of an address wait for this too.
 */
export const GZIP_LEVEL = 6;
/** The largest stored block DEFLATE allows (LEN is 16 bits). */
const MAX_STORED_BYTES = 0xffff;
/** RFC 1952: magic, CM = deflate, no flags, no modification time, no extra flags, OS = unknown. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff]);

/**
 * @typedef {{
 *   segments: Buffer[],
 *   segmentCrcs: number[],
 *   segmentShifts: number[],
 *   placeholderLength: number,
 *   placeholderShift: number,
 *   bodyLength: number,
 *   compressedLength: number,
 * }} SplicedGzip
 */

/**
 * Compresses `body` once, its `placeholder` occurrences left out for `splicedGzip` to fill. The segments are
 * compressed in parallel (zlib's thread pool), the event loop free meanwhile.
 * @param {Uint8Array} body
 * @param {Uint8Array} placeholder
 * @returns {Promise<SplicedGzip>}
 */
export async function prepareSplicedGzip(body, placeholder) {
  if (placeholder.length === 0 || placeholder.length > MAX_STORED_BYTES) throw new Error("the placeholder must be 1 to 65535 bytes");
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const starts = occurrences(text, placeholder);
  const fill = absentByte(text);
  // The text as the compressor may see it behind a segment: the placeholders filled (see above).
  let seen = null;
  if (fill !== null && starts.length > 0) {
    seen = Buffer.from(text);
    for (const start of starts) seen.fill(fill, start, start + placeholder.length);
  }
  const bounds = [0, ...starts.map((start) => start + placeholder.length)].map((from, index) => [from, starts[index] ?? text.length]);
  const segments = await Promise.all(
    bounds.map(([from, to], index) => {
      const last = index === bounds.length - 1;
      /** @type {zlib.ZlibOptions} */
      const options = { level: GZIP_LEVEL, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH };
      if (seen && from > 0) options.dictionary = seen.subarray(Math.max(0, from - WINDOW_BYTES), from);
      return deflateRaw(text.subarray(from, to), options);
    }),
  );
  const segmentCrcs = bounds.map(([from, to]) => zlib.crc32(text.subarray(from, to)));
  return {
    segments,
    segmentCrcs,
    segmentShifts: bounds.map(([from, to]) => crcShift(to - from)),
    placeholderLength: placeholder.length,
    placeholderShift: crcShift(placeholder.length),
    bodyLength: text.length,
    compressedLength: segments.reduce((sum, segment) => sum + segment.length, 0),
  };
}

/**
 * The gzip member of the kept body with every placeholder replaced by `nonce` (of the placeholder's length).
 * @param {SplicedGzip} prepared
 * @param {Uint8Array} nonce
 * @returns {Buffer}
 */
export function splicedGzip(prepared, nonce) {
  if (nonce.length !== prepared.placeholderLength) throw new Error("the nonce must be as long as the placeholder");
  const stored = Buffer.alloc(5 + nonce.length);
  // BFINAL 0, BTYPE 00 (stored), padding to the byte boundary: one zero byte, as a sync flush left the stream aligned.
  stored[0] = 0;
  stored.writeUInt16LE(nonce.length, 1);
  stored.writeUInt16LE(~nonce.length & 0xffff, 3);
  stored.set(nonce, 5);
  const nonceCrc = zlib.crc32(nonce);
  /** @type {Buffer[]} */
  const parts = [GZIP_HEADER];
  let crc = 0;
  prepared.segments.forEach((segment, index) => {
    if (index > 0) {
      parts.push(stored);
      crc = crcCombine(crc, nonceCrc, prepared.placeholderShift);
    }
    parts.push(segment);
    crc = crcCombine(crc, prepared.segmentCrcs[index] ?? 0, prepared.segmentShifts[index] ?? 0);
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(prepared.bodyLength % 2 ** 32, 4);
  parts.push(trailer);
  return Buffer.concat(parts);
}

/**
 * Where `placeholder` occurs in `text`, non-overlapping, first to last.
 * @param {Buffer} text
 * @param {Uint8Array} placeholder
 */
function occurrences(text, placeholder) {
  const found = [];
  for (let at = text.indexOf(placeholder); at !== -1; at = text.indexOf(placeholder, at + placeholder.length)) found.push(at);
  return found;
}

/**
 * A byte value that occurs nowhere in `text`, 0xFF first (never in UTF-8), or null when every value does.
 * @param {Buffer} text
 */
export function absentByte(text) {
  // UTF-8 text never holds 0xFF: one native search settles it, where a walk over every byte costs ~0.7 ms a page.
  if (text.indexOf(0xff) === -1) return 0xff;
  const present = new Uint8Array(256);
  for (const byte of text) present[byte] = 1;
  for (let value = 255; value >= 0; value--) if (!present[value]) return value;
  return null;
}

/**
 * @param {Buffer} input
 * @param {zlib.ZlibOptions} options
 * @returns {Promise<Buffer>}
 */
function deflateRaw(input, options) {
  return new Promise((resolve, reject) => zlib.deflateRaw(input, options, (error, output) => (error ? reject(error) : resolve(output))));
}

// CRC-32 arithmetic (zlib's crc32_combine, crc32.c): a CRC is a polynomial over GF(2), reflected, so the CRC
// of A followed by B is CRC(A) multiplied by x^(8·|B|) modulo the CRC polynomial, plus CRC(B).
const POLYNOMIAL = 0xedb88320;
/** x^(2^k) mod P for k = 0…31: x^(8n) for any n is a product of at most 32 of these. */
const POWERS_OF_X = (() => {
  const table = [];
  let power = 1 << 30; // x^1, reflected
  for (let k = 0; k < 32; k++) {
    table.push(power);
    power = multiplyModP(power, power);
  }
  return table;
})();

/** a·b mod P, both reflected. @param {number} a @param {number} b */
function multiplyModP(a, b) {
  let product = 0;
  for (let bit = 0x80000000; bit !== 0; bit >>>= 1) {
    if ((a & bit) !== 0) {
      product ^= b;
      if ((a & (bit - 1)) === 0) break;
    }
    b = b & 1 ? (b >>> 1) ^ POLYNOMIAL : b >>> 1;
  }
  return product >>> 0;
}

/**
 * x^(8·length) mod P: what combining a CRC with that of `length` more bytes multiplies it by.
 * @param {number} length
 */
export function crcShift(length) {
  let power = 0x80000000; // x^0, reflected
  // x^(8n) = x^(n·2^3): walk n's bits from x^(2^3) up.
  for (let n = length, k = 3; n > 0; n = Math.floor(n / 2), k++) if (n % 2 === 1) power = multiplyModP(POWERS_OF_X[k % 32] ?? 0, power);
  return power;
}

/**
 * The CRC-32 of A followed by B, from CRC(A), CRC(B) and crcShift(|B|).
 * @param {number} crcA
 * @param {number} crcB
 * @param {number} shiftB
 */
export function crcCombine(crcA, crcB, shiftB) {
  return (multiplyModP(shiftB, crcA) ^ crcB) >>> 0;
}
