/** Types for corpus-page-cache.mjs (plain JavaScript, loaded by Next outside its bundler). */
export declare const CORPUS_CHANGED_CHANNEL: "duizhao_corpus_changed";
export declare function isListening(): boolean;
export declare function stopListening(): Promise<void>;
export declare function corpusGeneration(): number | null;
export declare function databaseUnreachable(): string | null;
export declare function startListening(): void;
export default class CorpusPageCache {
  get(key: string): Promise<{ lastModified: number; value: unknown; cacheControl?: unknown } | null>;
  set(key: string, value: unknown, context?: { cacheControl?: unknown }): Promise<void>;
  revalidateTag(): Promise<void>;
  resetRequestCache(): void;
}
