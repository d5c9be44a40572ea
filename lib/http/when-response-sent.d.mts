/** Types for when-response-sent.mjs (plain JavaScript, loaded by scripts/serve-next.mjs outside any bundler). */
import type { ServerResponse } from "node:http";
export declare function whenResponseSent(response: ServerResponse, then: () => void): void;
