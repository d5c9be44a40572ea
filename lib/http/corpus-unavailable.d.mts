/** Types for corpus-unavailable.mjs (plain JavaScript, loaded by scripts/serve-next.mjs outside any bundler). */
import type { ServerResponse } from "node:http";
export declare const RETRY_AFTER_SECONDS: number;
export declare const PAGE_ROOTS: string[];
export declare const UNAVAILABLE_PAGE: string;
export declare function isCorpusPage(path: string): boolean;
export declare function prepareUnavailable(response: ServerResponse): void;
export declare function answerCorpusUnavailable(response: ServerResponse, method: string | undefined): void;
