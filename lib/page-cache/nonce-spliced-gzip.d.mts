/** Types for nonce-spliced-gzip.mjs (plain JavaScript, loaded by scripts/serve-next.mjs outside any bundler). */
export interface SplicedGzip {
  segments: Uint8Array[];
  segmentCrcs: number[];
  segmentShifts: number[];
  placeholderLength: number;
  placeholderShift: number;
  bodyLength: number;
  compressedLength: number;
}
export declare const GZIP_LEVEL: number;
export declare function prepareSplicedGzip(body: Uint8Array, placeholder: Uint8Array): Promise<SplicedGzip>;
export declare function splicedGzip(prepared: SplicedGzip, nonce: Uint8Array): Uint8Array;
export declare function absentByte(text: Uint8Array): number | null;
export declare function crcShift(length: number): number;
export declare function crcCombine(crcA: number, crcB: number, shiftB: number): number;
