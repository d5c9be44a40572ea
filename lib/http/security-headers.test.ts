import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { APPLY_SAVED_THEME_SCRIPT } from "@/lib/theme/apply-saved-theme.mjs";
import {
  contentSecurityPolicy,
  createNonce,
  createNonceRewriter,
  hashOnlyPolicy,
  MAX_HASH_POLICY_BYTES,
  placeholderPolicyForNext,
  scriptHashSource,
  securityHeaders,
} from "./security-headers.mjs";

/** Next's own reading of the nonce (node_modules/next/dist/server/app-render/get-script-nonce-from-header.js). */
const NEXT_NONCE_SOURCE = /^'nonce-([A-Za-z0-9+/_-]+={0,2})'$/;

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((directive) => {
    const [name, ...values] = directive.trim().split(/\s+/);
    return [name!, values];
  }));
}

describe("createNonce", () => {
  it("is 128 random bits, base64, always the same length, never repeated", () => {
    const nonces = Array.from({ length: 2000 }, createNonce);
    expect(new Set(nonces).size).toBe(nonces.length);
    for (const nonce of nonces) {
      expect(nonce).toHaveLength(24);
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
      expect(`'nonce-${nonce}'`).toMatch(NEXT_NONCE_SOURCE);
    }
  });
});

describe("contentSecurityPolicy", () => {
  const nonce = createNonce();
  const policy = directives(contentSecurityPolicy(nonce, [scriptHashSource(APPLY_SAVED_THEME_SCRIPT)]));

  it("allows scripts by this nonce, the theme script's hash and what they load; never inline script or eval", () => {
    const scripts = policy.get("script-src")!;
    expect(scripts).toContain(`'nonce-${nonce}'`);
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts.filter((source) => source.startsWith("'sha256-"))).toHaveLength(1);
    expect(policy.get("script-src-attr")).toBeUndefined();
  });

  it("closes objects, base, framing and forms; default to this origin", () => {
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("style-src")).toEqual(["'self'"]);
    // Workers (the printed-page view's pdf.js) only from this origin: without it they fall back to script-src, where 'self' is ignored.
    expect(policy.get("worker-src")).toEqual(["'self'"]);
  });

  it("hashes a script as the browser does (SHA-256 of its UTF-8 text, base64)", () => {
    // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
    expect(scriptHashSource("alert(1)")).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  });
});

describe("hashOnlyPolicy (a kept page's scripts allowed by hash)", () => {
  const hashes = Array.from({ length: 32 }, (_, index) => scriptHashSource(`self.__next_f.push([1,"${index}"])`));

  it("allows exactly those scripts and what they load: no nonce, never inline script or eval; the rest as strict", () => {
    const policy = hashOnlyPolicy([...hashes, hashes[0]!])!;
    const scripts = directives(policy).get("script-src")!;
    expect(scripts).toEqual(["'self'", "'strict-dynamic'", ...hashes]);
    expect(policy).not.toContain("'nonce-");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    const withNonce = directives(contentSecurityPolicy(createNonce()));
    for (const [name, values] of directives(policy)) if (name !== "script-src") expect(values, name).toEqual(withNonce.get(name));
  });

  it("is refused past MAX_HASH_POLICY_BYTES, where a proxy's buffer for the response head may not hold it", () => {
    // Side by side's 32 scripts fit with room; a page with twice as many keeps its nonce.
    expect(Buffer.byteLength(hashOnlyPolicy(hashes)!)).toBeLessThanOrEqual(MAX_HASH_POLICY_BYTES);
    const many = Array.from({ length: 64 }, (_, index) => scriptHashSource(`script ${index}`));
    expect(hashOnlyPolicy(many)).toBeNull();
  });
});

describe("securityHeaders", () => {
  it("names every header once, the policy with the nonce given", () => {
    const nonce = createNonce();
    const headers = new Map(securityHeaders(nonce));
    expect(headers.size).toBe(securityHeaders(nonce).length);
    expect(headers.get("Content-Security-Policy")).toContain(`'nonce-${nonce}'`);
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("Cross-Origin-Opener-Policy")).toBe("same-origin");
    expect(headers.get("Permissions-Policy")).toMatch(/(^|, )camera=\(\)/);
    expect(headers.get("Permissions-Policy")).toMatch(/clipboard-write=\(self\)/);
  });

  it("gives Next the placeholder as the first nonce source of script-src", () => {
    const placeholder = createNonce();
    const source = placeholderPolicyForNext(placeholder).split(/\s+/)[1]!;
    expect(source.match(NEXT_NONCE_SOURCE)?.[1]).toBe(placeholder);
  });
});

describe("createNonceRewriter", () => {
  const placeholder = createNonce();
  const nonce = createNonce();

  function rewrite(chunks: Buffer[]): string {
    const rewriter = createNonceRewriter(placeholder, nonce);
    return Buffer.concat([...chunks.map((chunk) => rewriter.push(chunk)), rewriter.flush()]).toString();
  }

  it("replaces every placeholder however the body is cut into chunks, and changes nothing else", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constant(placeholder), fc.constant(placeholder.slice(0, 7)), fc.constant(`<script nonce="${placeholder}">`)), { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (pieces, cutsAt) => {
          const body = Buffer.from(pieces.join(""));
          const cuts = [...new Set(cutsAt.map((cut) => cut % (body.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...cuts].map((from, index) => body.subarray(from, [...cuts, body.length][index]));
          expect(rewrite(chunks)).toBe(pieces.join("").replaceAll(placeholder, nonce));
        },
      ),
      { seed: 20261206, numRuns: 500 },
    );
  });

  it("holds back only what could begin a placeholder, and lets it go at the end", () => {
    const rewriter = createNonceRewriter(placeholder, nonce);
    expect(rewriter.push(Buffer.from(`abc${placeholder.slice(0, 5)}`)).toString()).toBe("abc");
    expect(rewriter.push(Buffer.from("xyz")).toString()).toBe(`${placeholder.slice(0, 5)}xyz`);
    expect(rewriter.push(Buffer.from(placeholder.slice(0, 3))).toString()).toBe("");
    expect(rewriter.flush().toString()).toBe(placeholder.slice(0, 3));
  });

  it("never changes the chunk it was given (a cached page's Buffer is served again)", () => {
    const cached = Buffer.from(`<script nonce="${placeholder}"></script>`);
    const copy = Buffer.from(cached);
    createNonceRewriter(placeholder, nonce).push(cached);
    expect(cached.equals(copy)).toBe(true);
  });

  it("refuses a nonce whose length differs (a Content-Length would lie)", () => {
    expect(() => createNonceRewriter(placeholder, `${nonce}x`)).toThrow(/same length/);
  });
});
