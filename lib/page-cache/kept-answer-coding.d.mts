/** Types for kept-answer-coding.mjs (plain JavaScript, loaded by scripts/serve-next.mjs outside any bundler). */
export declare const FRESH_BROTLI_BYTES_PER_SECOND: number;
export declare class FreshBrotliBudget {
  constructor(options?: { bytesPerSecond?: number; now?: () => number });
  readonly available: number;
  take(bytes: number): boolean;
}
export declare const MIN_COMPRESSED_BYTES: number;
export declare function acceptedCodings(header: string | string[] | undefined): { br: boolean; gzip: boolean };
export declare function keptAnswerCoding(answer: {
  accepted: { br: boolean; gzip: boolean };
  bodyBytes: number;
  keptBrotli: boolean;
  splicedGzip: boolean;
  budget: FreshBrotliBudget;
}): "br-kept" | "br-fresh" | "gzip-spliced" | "identity";
