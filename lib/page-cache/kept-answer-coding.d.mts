/** Types for kept-answer-coding.mjs (plain JavaScript, loaded by scripts/serve-next.mjs outside any bundler). */
export declare const FRESH_BROTLI_MS_PER_SECOND: number;
export declare class FreshBrotliBudget {
  constructor(options?: { msPerSecond?: number; now?: () => number });
  readonly available: number;
  readonly running: boolean;
  take(): (() => void) | null;
}
export declare const MIN_COMPRESSED_BYTES: number;
export declare function acceptedCodings(header: string | string[] | undefined): { br: boolean; gzip: boolean };
export declare function keptAnswerCoding(answer: {
  accepted: { br: boolean; gzip: boolean };
  bodyBytes: number;
  keptBrotli: boolean;
  splicedGzip: boolean;
  budget: FreshBrotliBudget;
}): { coding: "br-kept" | "br-fresh" | "gzip-spliced" | "identity"; release: () => void };
