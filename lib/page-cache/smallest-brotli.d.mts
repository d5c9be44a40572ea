/** Types for smallest-brotli.mjs (plain JavaScript, loaded by scripts/serve-next.mjs outside any bundler). */
export declare const SMALLEST_BROTLI_QUALITY: number;
export declare const MAX_WAITING: number;
export interface Offer<Answer> {
  key: string;
  answer: Answer;
  body: Uint8Array;
  keep: (brotli: Uint8Array) => Answer | null;
}
export declare class SmallestBrotliQueue<Answer extends object> {
  constructor(options: { compress: (body: Uint8Array) => Promise<Uint8Array>; onError?: (key: string, error: unknown) => void; maxWaiting?: number });
  readonly running: boolean;
  offer(offer: Offer<Answer>): boolean;
}
