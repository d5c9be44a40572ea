import { describe, expect, it } from "vitest";
import { prepareSplicedGzip } from "./nonce-spliced-gzip.mjs";
import {
  answerBytes,
  isCorpusApi,
  isKeptAnswer,
  keptHeaders,
  MAX_KEY_LENGTH,
  RenderedResponseCache,
  renderedResponseKey,
  type KeptAnswer,
} from "./rendered-response-cache.mjs";

const isPage = (path: string) => path === "/" || path.startsWith("/read/") || path === "/compare";
const answer = (text: string): KeptAnswer => ({ status: 200, headers: [["content-type", "text/html; charset=utf-8"]], body: new TextEncoder().encode(text) });
const plain = (url: string, headers: Record<string, string> = {}) => ({ method: "GET", url, headers });

describe("which requests are answered from kept renders", () => {
  it("keys a plain page request by its whole address, query included", () => {
    expect(renderedResponseKey(plain("/read/a?q=%E7%BD%91&qa=p-1#p-1"), isPage)).toBe("/read/a?q=%E7%BD%91&qa=p-1#p-1");
    expect(renderedResponseKey(plain("/compare?left=a&right=b&c=x"), isPage)).toBe("/compare?left=a&right=b&c=x");
  });

  it("keys the corpus's API answers too, never a health check", () => {
    expect(renderedResponseKey(plain("/api/concepts/x?page=2"), isPage)).toBe("/api/concepts/x?page=2");
    expect(isCorpusApi("/api/documents")).toBe(true);
    expect(isCorpusApi("/api/healthy")).toBe(true);
    expect(isCorpusApi("/api/health")).toBe(false);
    expect(isCorpusApi("/api/health/live")).toBe(false);
    expect(isCorpusApi("/read/x")).toBe(false);
  });

  it("renders for requests that ask for another body, another method, or are not pages", () => {
    expect(renderedResponseKey(plain("/read/a?q=x", { rsc: "1" }), isPage)).toBeNull();
    expect(renderedResponseKey(plain("/read/a", { "next-router-prefetch": "1" }), isPage)).toBeNull();
    expect(renderedResponseKey({ method: "HEAD", url: "/read/a", headers: {} }, isPage)).toBeNull();
    expect(renderedResponseKey({ method: "POST", url: "/read/a", headers: {} }, isPage)).toBeNull();
    expect(renderedResponseKey(plain("/api/health"), isPage)).toBeNull();
    expect(renderedResponseKey(plain("/api/health/ready"), isPage)).toBeNull();
    expect(renderedResponseKey(plain("/favicon.ico"), isPage)).toBeNull();
    expect(renderedResponseKey(plain(`/read/a?q=${"x".repeat(MAX_KEY_LENGTH)}`), isPage)).toBeNull();
  });

  it("keeps only whole HTML pages, and none of one response's own headers", () => {
    expect(isKeptAnswer(200, "text/html; charset=utf-8")).toBe(true);
    expect(isKeptAnswer(404, "text/html")).toBe(false);
    expect(isKeptAnswer(200, "text/x-component")).toBe(false);
    expect(isKeptAnswer(200, "application/json")).toBe(true);
    expect(isKeptAnswer(200, "application/pdf")).toBe(false);
    expect(isKeptAnswer(503, "application/json")).toBe(false);
    expect(isKeptAnswer(200, undefined)).toBe(false);
    const kept = keptHeaders({ "content-type": "text/html", "Content-Security-Policy": "x", date: "d", etag: "e", "x-nextjs-cache": "MISS", "content-length": 10 });
    expect(kept).toEqual([["content-type", "text/html"], ["x-nextjs-cache", "MISS"]]);
  });
});

describe("RenderedResponseCache", () => {
  it("serves a kept render for its generation only, and forgets everything when the corpus changes", () => {
    const cache = new RenderedResponseCache();
    expect(cache.claim("/read/a?q=1", 3)).toBeNull();
    cache.finish("/read/a?q=1", 3, answer("one"), 3);
    expect(new TextDecoder().decode(cache.get("/read/a?q=1", 3)!.body)).toBe("one");
    expect(cache.get("/read/a?q=1", 4)).toBeNull();
    expect(cache.bytes).toBe(0);
    // An answer rendered from a generation older than the newest seen is not kept.
    expect(cache.claim("/read/b", 3)).toBeNull();
    cache.finish("/read/b", 3, answer("old"), 3);
    expect(cache.get("/read/b", 4)).toBeNull();
  });

  it("does not keep a render during which the corpus changed", () => {
    const cache = new RenderedResponseCache();
    cache.claim("/read/a?q=1", 3);
    cache.finish("/read/a?q=1", 3, answer("stale"), 4);
    expect(cache.get("/read/a?q=1", 3)).toBeNull();
    expect(cache.get("/read/a?q=1", 4)).toBeNull();
  });

  it("lets one request render an address while the others wait for it", async () => {
    const cache = new RenderedResponseCache();
    expect(cache.claim("/read/a?q=1", 1)).toBeNull();
    const waiting = cache.claim("/read/a?q=1", 1);
    expect(waiting).toBeInstanceOf(Promise);
    let settled = false;
    void waiting!.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    cache.finish("/read/a?q=1", 1, answer("page"), 1);
    await waiting;
    expect(settled).toBe(true);
    expect(cache.get("/read/a?q=1", 1)).not.toBeNull();
    // A failed render releases the waiters and keeps nothing; the next request renders again.
    expect(cache.claim("/read/b", 1)).toBeNull();
    const second = cache.claim("/read/b", 1)!;
    cache.finish("/read/b", 1, null, 1);
    await second;
    expect(cache.get("/read/b", 1)).toBeNull();
    expect(cache.claim("/read/b", 1)).toBeNull();
  });

  it("releases the requests waiting for a render when a render for a newer corpus was claimed meanwhile (an ingest committed)", async () => {
    const cache = new RenderedResponseCache();
    expect(cache.claim("/", 1)).toBeNull();
    const waitingForOld = cache.claim("/", 1)!;
    // The corpus changes while the first render runs: the next request renders for generation 2.
    expect(cache.claim("/", 2)).toBeNull();
    const waitingForNew = cache.claim("/", 2)!;
    let oldSettled = false;
    let newSettled = false;
    void waitingForOld.then(() => (oldSettled = true));
    void waitingForNew.then(() => (newSettled = true));
    cache.finish("/", 1, answer("old page"), 2);
    await Promise.resolve();
    // Those waiting for the first render were never released (their requests hung until the client gave up).
    expect(oldSettled).toBe(true);
    expect(newSettled).toBe(false);
    expect(cache.get("/", 2)).toBeNull();
    cache.finish("/", 2, answer("new page"), 2);
    await Promise.resolve();
    expect(newSettled).toBe(true);
    expect(cache.get("/", 2)).not.toBeNull();
  });

  it("stays within its byte budget, letting the least recently served go first", () => {
    const cache = new RenderedResponseCache({ byteBudget: 10 });
    for (const key of ["a", "b"]) {
      cache.claim(key, 1);
      cache.finish(key, 1, answer("xxxx"), 1);
    }
    expect(cache.get("a", 1)).not.toBeNull(); // a is now the most recently served
    cache.claim("c", 1);
    cache.finish("c", 1, answer("xxxx"), 1);
    expect(cache.bytes).toBeLessThanOrEqual(10);
    expect(cache.get("b", 1)).toBeNull();
    expect(cache.get("a", 1)).not.toBeNull();
    expect(cache.get("c", 1)).not.toBeNull();
    // A page larger than the whole budget is never kept.
    cache.claim("d", 1);
    cache.finish("d", 1, answer("x".repeat(11)), 1);
    expect(cache.get("d", 1)).toBeNull();
  });

  it("counts the compressed forms kept with an answer against the budget", async () => {
    const page = answer("<p>" + "网络空间".repeat(200) + "</p>");
    const gzip = await prepareSplicedGzip(page.body, new TextEncoder().encode("PLACEHOLDER"));
    const withEncodings: KeptAnswer = { ...page, encodings: { gzip, brotli: new Uint8Array(100) } };
    expect(answerBytes(withEncodings)).toBe(page.body.byteLength + gzip.compressedLength + 100);
    const cache = new RenderedResponseCache({ byteBudget: answerBytes(withEncodings) + page.body.byteLength - 1 });
    for (const [key, kept] of [["a", withEncodings], ["b", page]] as const) {
      cache.claim(key, 1);
      cache.finish(key, 1, kept, 1);
    }
    // Both bodies would fit the budget; with a's compressed forms counted, a goes.
    expect(cache.get("a", 1)).toBeNull();
    expect(cache.bytes).toBe(page.body.byteLength);
  });

  it("takes a smaller brotli only for the very answer still kept for its address and corpus, and never gives one to a page kept without", async () => {
    const page = answer("<p>" + "网络空间".repeat(200) + "</p>");
    const gzip = await prepareSplicedGzip(page.body, new TextEncoder().encode("PLACEHOLDER"));
    const first: KeptAnswer = { ...page, encodings: { gzip, brotli: new Uint8Array(100) } };
    const cache = new RenderedResponseCache();
    cache.claim("a", 1);
    cache.finish("a", 1, first, 1);
    const smaller = cache.replaceBrotli("a", 1, first, new Uint8Array(60));
    expect(smaller?.encodings?.brotli?.byteLength).toBe(60);
    expect(cache.get("a", 1)).toBe(smaller);
    expect(cache.bytes).toBe(answerBytes(first) - 40);
    // The answer it was made for is no longer the one kept (a newer render replaced it): nothing changes.
    expect(cache.replaceBrotli("a", 1, first, new Uint8Array(10))).toBeNull();
    expect(cache.get("a", 1)?.encodings?.brotli?.byteLength).toBe(60);
    // Nor for another generation, nor an address not kept.
    expect(cache.replaceBrotli("a", 2, smaller!, new Uint8Array(10))).toBeNull();
    expect(cache.replaceBrotli("b", 1, smaller!, new Uint8Array(10))).toBeNull();
    // A page kept with its nonce (no brotli: its bytes differ per response) is never given one.
    const withNonce: KeptAnswer = { ...page, encodings: { gzip, brotli: null } };
    cache.claim("n", 1);
    cache.finish("n", 1, withNonce, 1);
    expect(cache.replaceBrotli("n", 1, withNonce, new Uint8Array(10))).toBeNull();
    expect(cache.get("n", 1)?.encodings?.brotli).toBeNull();
  });
});
