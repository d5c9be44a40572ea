/** Types for malformed-request.mjs (plain JavaScript, loaded by scripts/serve-next.mjs outside any bundler). */
import type { ServerResponse } from "node:http";
export interface MalformedRequest {
  status: 400 | 405 | 412 | 414;
  reason: string;
  allow?: string;
}
export declare const ALLOWED_METHODS: string[];
export declare const MAX_PATH_BYTES: number;
export declare function findMalformedRequest(method: string | undefined, rawUrl: string | undefined, sender?: { httpVersion?: string; host?: string }): MalformedRequest | null;
export declare function answerUnmetExpectation(response: ServerResponse, method: string | undefined): void;
export declare function answerMalformedRequest(response: ServerResponse, problem: MalformedRequest, rawUrl: string | undefined, method: string | undefined): void;
export declare function originFormOf(rawUrl: string | undefined): string | undefined;
export declare function socketRefusal(what: { code?: string } | "connect", headers: [string, string][]): string;
