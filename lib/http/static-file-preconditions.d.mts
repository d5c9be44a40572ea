/** Types for static-file-preconditions.mjs (plain JavaScript, loaded by scripts/serve-next.mjs outside any bundler). */
import type { IncomingHttpHeaders } from "node:http";
export declare const SETTLED_HEADERS: string[];
export declare function staticFileOnDisk(pathname: string, root: string, publicPaths: Set<string>, distDir?: string): string | null;
export declare function settleStaticFilePreconditions(headers: IncomingHttpHeaders, file: string | null): { status: 412; reason: string } | null;
export declare function isOneSatisfiableRange(value: string | string[] | undefined, size: number): boolean;
