/** Types for rendered-response-cache.mjs (plain JavaScript, loaded by scripts/serve-next.mjs outside any bundler). */
import type { SplicedGzip } from "./nonce-spliced-gzip.mjs";
export declare const DEFAULT_BYTE_BUDGET: number;
export declare const MAX_KEY_LENGTH: number;
export interface KeptEncodings {
  gzip: SplicedGzip;
  brotli: Uint8Array | null;
}
export interface KeptAnswer {
  status: number;
  headers: [string, string | string[]][];
  body: Uint8Array;
  encodings?: KeptEncodings;
}
export declare function answerBytes(answer: KeptAnswer): number;
export declare function renderedResponseKey(
  request: { method: string | undefined; url: string | undefined; headers: Record<string, string | string[] | undefined> },
  isPage: (path: string) => boolean,
): string | null;
export declare function isCorpusApi(path: string): boolean;
export declare function isKeptAnswer(status: number, contentType: string | number | string[] | undefined): boolean;
export declare function keptHeaders(headers: Record<string, string | number | string[] | undefined>): [string, string | string[]][];
export declare class RenderedResponseCache {
  constructor(options?: { byteBudget?: number });
  readonly byteBudget: number;
  readonly bytes: number;
  get(key: string, generation: number): KeptAnswer | null;
  claim(key: string, generation: number): Promise<void> | null;
  finish(key: string, generation: number, answer: KeptAnswer | null, generationNow: number | null): void;
  replaceBrotli(key: string, generation: number, answer: KeptAnswer, brotli: Uint8Array): KeptAnswer | null;
}
