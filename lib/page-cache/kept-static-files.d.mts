/** Types for kept-static-files.mjs (plain JavaScript, loaded by scripts/serve-next.mjs outside any bundler). */
export declare const STATIC_FILE_BYTE_BUDGET: number;
export declare const STATIC_FILE_GENERATION: number;
export declare function staticFileKey(
  request: { method: string | undefined; url: string | undefined; headers: Record<string, string | string[] | undefined> },
  publicPaths: ReadonlySet<string>,
): string | null;
export declare function isKeptStaticFile(status: number, contentType: string | number | string[] | undefined): boolean;
export declare function publicPathsOf(relativePaths: Iterable<string>): Set<string>;
