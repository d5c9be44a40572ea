/** Types for hash-allowed-page.mjs (plain JavaScript, loaded by scripts/serve-next.mjs outside any bundler). */
export interface ExternalScript {
  start: number;
  end: number;
  src: string;
  noModule: boolean;
  inHead: boolean;
}
export interface ScriptPreload {
  start: number;
  end: number;
  href: string;
  fetchPriority: string | null;
}
export interface HashAllowedPage {
  body: Buffer;
  scriptHashes: string[];
}
export declare function inertNonce(length: number): string;
export declare function hashAllowedPage(body: Uint8Array, placeholder: Uint8Array): HashAllowedPage | { refused: string };
export declare function loaderScript(scripts: readonly Pick<ExternalScript, "src" | "noModule">[], preloads?: readonly Pick<ScriptPreload, "href" | "fetchPriority">[]): string;
