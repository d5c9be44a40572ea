/** Types for security-headers.mjs (plain JavaScript, loaded by scripts/serve-next.mjs outside any bundler). */
export declare const NONCE_BYTES: number;
export declare const PERMISSIONS_POLICY: string;
export declare function createNonce(): string;
export declare function scriptHashSource(script: string): string;
export declare function contentSecurityPolicy(nonce: string | null, scriptHashes?: readonly string[]): string;
export declare const MAX_HASH_POLICY_BYTES: number;
export declare function hashOnlyPolicy(scriptHashes: readonly string[]): string | null;
export declare function securityHeaders(nonce: string, scriptHashes?: readonly string[]): [string, string][];
export declare function placeholderPolicyForNext(placeholder: string): string;
export declare function createNonceRewriter(placeholder: string, nonce: string): { push(chunk: Buffer): Buffer; flush(): Buffer };
