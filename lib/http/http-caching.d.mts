/** Types for http-caching.mjs (plain JavaScript, loaded by scripts/serve-next.mjs outside any bundler). */
import type { ServerResponse } from "node:http";
export declare const IMMUTABLE_PREFIX: string;
export declare const IMMUTABLE: string;
export declare const REVALIDATE: string;
export declare function pageEntityTag(corpus: { buildId: string; processId: string; generation: number | null }): string | null;
export declare function namesCurrentTag(ifNoneMatch: string | string[] | undefined, tag: string | null): boolean;
export declare function cachingFor(response: { path: string; status: number; contentType: string | undefined; cacheControl: string | undefined }): {
  cacheControl: string | undefined;
  tagged: boolean;
};
export declare function answerNotModified(response: ServerResponse, tag: string): void;
