/** Types for kept-answer-coding.mjs (plain JavaScript, loaded by scripts/serve-next.mjs outside any bundler). */
export declare const QUIET_REQUESTS_IN_FLIGHT: number;
export declare const MIN_COMPRESSED_BYTES: number;
export declare function acceptedCodings(header: string | string[] | undefined): { br: boolean; gzip: boolean };
export declare function keptAnswerCoding(answer: {
  accepted: { br: boolean; gzip: boolean };
  bodyBytes: number;
  keptBrotli: boolean;
  splicedGzip: boolean;
  requestsInFlight: number;
}): "br-kept" | "br-fresh" | "gzip-spliced" | "identity";
