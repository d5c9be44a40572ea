import http from "node:http";
import zlib from "node:zlib";
import { expect, test } from "@playwright/test";
import { inertNonce } from "@/lib/page-cache/hash-allowed-page.mjs";
import { ComparePage } from "./pages/compare-page";

/**
 * Plain reader and side-by-side addresses are rendered once and then served from Next's page cache;
 * addresses whose query changes the render are rendered once per address and kept by the web server
 * (lib/page-cache/rendered-response-cache.mjs). (That an ingest empties both is what link-survival.spec.ts
 * and http-caching.spec.ts rely on: they re-ingest and reopen the addresses.)
 */
const KEPT = "x-duizhao-render";
/** The script nonce of a response, named by its policy. */
const nonceOf = (policy: string | string[] | undefined) => /'nonce-([^']+)'/.exec(String(policy ?? ""))?.[1] ?? "";
/** The script hashes a policy names (a kept page's scripts are allowed by hash: lib/page-cache/hash-allowed-page.mjs). */
const hashesOf = (policy: string | string[] | undefined) => [...String(policy ?? "").matchAll(/'sha256-[^']+'/g)].map((match) => match[0]);

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the wire, still in their content coding. */
  raw: Buffer;
}

/** A GET as a plain HTTP client makes it: no Accept-Encoding unless given, and the body left as sent. */
function rawGet(baseURL: string, address: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(address, baseURL), { headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, raw: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

/** The body decoded from its content coding, with its own nonce written as NONCE: what every answer of one page must equal. */
function decodedPage(answer: RawAnswer): string {
  const coding = answer.headers["content-encoding"];
  const bytes = coding === "gzip" ? zlib.gunzipSync(answer.raw) : coding === "br" ? zlib.brotliDecompressSync(answer.raw) : answer.raw;
  expect(coding === undefined || coding === "gzip" || coding === "br", `coding ${coding}`).toBe(true);
  const nonce = nonceOf(answer.headers["content-security-policy"]);
  return nonce ? bytes.toString("utf8").replaceAll(nonce, "NONCE") : bytes.toString("utf8");
}

test.describe("the page cache", () => {
  let left: string;
  let right: string;
  test.beforeAll(async ({ browser }) => {
    ({ left, right } = await ComparePage.essaySlugs(browser));
  });

  test("serves a plain reader address from the caches; one with a search hit is rendered by the dynamic route, once", async ({ request }) => {
    await request.get(`/read/${left}`);
    // A page request: the kept render. A client-side navigation (the React payload): Next's page cache.
    const again = await request.get(`/read/${left}`);
    expect(again.headers()[KEPT]).toBe("kept");
    await request.get(`/read/${left}`, { headers: { rsc: "1" } });
    expect((await request.get(`/read/${left}`, { headers: { rsc: "1" } })).headers()["x-nextjs-cache"]).toBe("HIT");
    expect(await again.text()).toContain('id="document-title"');

    const withHit = await request.get(`/read/${left}?hl=0-2&hb=${Date.now()}`);
    expect(withHit.status()).toBe(200);
    expect(withHit.headers()["x-nextjs-cache"]).toBeUndefined();
    expect(withHit.headers()[KEPT]).toBeUndefined();
  });

  test("a shared passage link opened by a whole class at once is rendered once, and that render serves them all", async ({ request }) => {
    // An address no earlier test asked for: the words of a passage, with an offset hint of this run's own.
    const address = `/read/${left}?q=${encodeURIComponent("网络空间")}&qo=${Date.now() % 100_000}`;
    const answers = await Promise.all(Array.from({ length: 12 }, () => request.get(address)));
    for (const answer of answers) expect(answer.status()).toBe(200);
    const rendered = answers.filter((answer) => answer.headers()[KEPT] !== "kept");
    expect(rendered).toHaveLength(1);
    // The render, with a nonce of its own; the kept render, the same bytes and the same policy for everyone else:
    // its scripts allowed by hash, no nonce.
    const nonce = nonceOf(rendered[0]!.headers()["content-security-policy"]);
    expect(nonce).toBeTruthy();
    expect(await rendered[0]!.text()).toContain(`nonce="${nonce}"`);
    const kept = answers.filter((answer) => answer.headers()[KEPT] === "kept");
    const policies = new Set(kept.map((answer) => answer.headers()["content-security-policy"]));
    expect(policies.size).toBe(1);
    expect(nonceOf([...policies][0])).toBe("");
    expect(hashesOf([...policies][0]).length).toBeGreaterThan(1);
    const bodies = new Set(await Promise.all(kept.map((answer) => answer.text())));
    expect(bodies.size).toBe(1);
    const body = [...bodies][0]!;
    expect(body).not.toContain(nonce);
    expect(body).toContain('<mark data-quote="">');
    // A later reader is served the same render; a request for the React payload is rendered for it.
    expect((await request.get(address)).headers()[KEPT]).toBe("kept");
    expect((await request.get(address, { headers: { rsc: "1" } })).headers()[KEPT]).toBeUndefined();
  });

  test("serves plain side by side from the caches; concepts in the address are rendered by the dynamic route, once", async ({ request }) => {
    const plain = `/compare?left=${left}&right=${right}`;
    await request.get(plain);
    const again = await request.get(plain);
    expect(again.headers()[KEPT]).toBe("kept");
    await request.get(plain, { headers: { rsc: "1" } });
    expect((await request.get(plain, { headers: { rsc: "1" } })).headers()["x-nextjs-cache"]).toBe("HIT");
    const html = await again.text();
    expect(html).toContain(`data-slug="${left}"`);
    expect(html).toContain(`data-slug="${right}"`);

    const withConcept = `${plain}&c=community-shared-future-cyberspace&f=l:${Date.now()}`;
    const first = await request.get(withConcept);
    expect(first.status()).toBe(200);
    expect(first.headers()["x-nextjs-cache"]).toBeUndefined();
    expect(first.headers()[KEPT]).toBeUndefined();
    expect((await request.get(withConcept)).headers()[KEPT]).toBe("kept");
  });

  test("keeps the API's answers as it keeps pages, and never a health check", async ({ request }) => {
    const concepts = (await (await request.get("/api/concepts")).json()) as { concepts: { id: string }[] };
    const address = `/api/concepts/${concepts.concepts[0]!.id}?page=1&pageSize=${1 + (Date.now() % 50)}`;
    const first = await request.get(address);
    expect(first.status()).toBe(200);
    expect(first.headers()[KEPT]).toBeUndefined();
    const again = await request.get(address);
    expect(again.headers()[KEPT]).toBe("kept");
    expect(await again.json()).toEqual(await first.json());
    for (const health of ["/api/health", "/api/health/ready"]) {
      await request.get(health);
      expect((await request.get(health)).headers()[KEPT]).toBeUndefined();
    }
  });

  test("a kept API answer (no nonce in it) goes out in its kept brotli or gzip, equal to the JSON as rendered", async ({ baseURL }) => {
    const address = `/api/search?q=${encodeURIComponent("网络")}&pageSize=${10 + (Date.now() % 30)}`;
    const first = await rawGet(baseURL!, address);
    expect(first.status).toBe(200);
    const json = first.raw.toString("utf8");
    for (const coding of ["br", "gzip"]) {
      const answer = await rawGet(baseURL!, address, { "accept-encoding": coding });
      expect(answer.headers[KEPT]).toBe("kept");
      expect(answer.headers["content-encoding"]).toBe(coding);
      expect(Number(answer.headers["content-length"])).toBe(answer.raw.length);
      expect(decodedPage(answer)).toBe(json);
    }
  });

  test("compresses pages with brotli when the browser accepts it", async ({ request }) => {
    const response = await request.get(`/read/${left}`, { headers: { "accept-encoding": "br, gzip" } });
    expect(response.headers()["content-encoding"]).toBe("br");
    expect(await response.text()).toContain('id="document-title"');
  });
  test("a kept page compressed once goes out as the same bytes in every coding, the page as rendered with its scripts allowed by hash", async ({ baseURL }) => {
    // Side by side with a concept: the largest page (over a megabyte of HTML), at an address of this run's own.
    const address = `/compare?left=${left}&right=${right}&c=community-shared-future-cyberspace&align=1&f=l:${Date.now()}`;
    const rendered = await rawGet(baseURL!, address, { "accept-encoding": "br, gzip" });
    expect(rendered.status).toBe(200);
    expect(rendered.headers[KEPT]).toBeUndefined();
    const page = decodedPage(rendered);
    expect(page).toContain('nonce="NONCE"');
    // The page as rendered, as the kept page must be: the nonce an inert filler no policy names, Next's external
    // scripts and script preloads left to the loaders (taken out of the kept page below), and its stylesheets,
    // in their order, moved to after the head's loader (compared apart).
    const stylesheetsOf = (html: string) => html.match(/<link rel="stylesheet"[^>]*\/>/g) ?? [];
    const withoutLoading = (html: string) =>
      html
        .replace(/<script src="[^"]*"[^>]*><\/script>/g, "")
        .replace(/<link rel="preload" as="script"[^>]*\/>/g, "")
        .replace(/<script>\(function\(p,l,c\)[^]*?<\/script>/g, "")
        .replace(/<link rel="stylesheet"[^>]*\/>/g, "");
    const asKept = page.replaceAll("NONCE", inertNonce(nonceOf(rendered.headers["content-security-policy"]).length));

    // No Accept-Encoding: the plain bytes.
    const plain = await rawGet(baseURL!, address);
    expect(plain.headers[KEPT]).toBe("kept");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(Number(plain.headers["content-length"])).toBe(plain.raw.length);
    const kept = decodedPage(plain);
    expect(withoutLoading(kept)).toBe(withoutLoading(asKept));
    expect(stylesheetsOf(kept)).toEqual(stylesheetsOf(asKept));
    expect(stylesheetsOf(kept).length).toBeGreaterThan(0);
    const policy = plain.headers["content-security-policy"]!;
    expect(nonceOf(policy)).toBe("");
    expect(hashesOf(policy).length).toBeGreaterThan(1);

    // gzip and brotli: compressed once, the same bytes for everyone, under the same policy.
    const coded = await Promise.all(["gzip", "gzip", "br", "br", "gzip, deflate, br"].map((coding) => rawGet(baseURL!, address, { "accept-encoding": coding })));
    for (const [index, answer] of coded.entries()) {
      expect(answer.headers[KEPT]).toBe("kept");
      expect(answer.headers["content-encoding"]).toBe(index < 2 ? "gzip" : "br");
      expect(Number(answer.headers["content-length"])).toBe(answer.raw.length);
      expect(answer.headers["vary"]).toMatch(/(^|,\s*)Accept-Encoding(,|$)/i);
      expect(answer.headers["etag"]).toBe(rendered.headers["etag"]);
      expect(answer.headers["content-security-policy"]).toBe(policy);
      expect(answer.raw.length).toBeLessThan(plain.raw.length / 4);
      expect(decodedPage(answer)).toBe(kept);
    }
    // Brotli is the kept brotli: under a crowd every answer is still brotli, the page, with nothing compressed per response.
    // Asked for again, the page has its brotli made once more at the highest quality, in the background
    // (lib/page-cache/smallest-brotli.mjs): every answer is the page's brotli as first kept or that one, and once
    // it is made, always that one.
    expect(coded[2]!.raw.length).toBeLessThan(coded[0]!.raw.length);
    const brotliAt = (quality: number) =>
      zlib.brotliCompressSync(plain.raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: plain.raw.length } });
    const [firstKept, smallest] = [brotliAt(5), brotliAt(zlib.constants.BROTLI_MAX_QUALITY)];
    expect(smallest.length).toBeLessThan(firstKept.length);
    const isKeptBrotli = (answer: RawAnswer) => answer.headers["content-encoding"] === "br" && (answer.raw.equals(firstKept) || answer.raw.equals(smallest));
    for (const answer of coded.slice(2)) expect(isKeptBrotli(answer)).toBe(true);
    const crowd = await Promise.all(Array.from({ length: 24 }, () => rawGet(baseURL!, address, { "accept-encoding": "gzip, deflate, br" })));
    for (const answer of crowd) expect(isKeptBrotli(answer)).toBe(true);
    await expect.poll(async () => (await rawGet(baseURL!, address, { "accept-encoding": "br" })).raw.equals(smallest), { timeout: 30_000 }).toBe(true);
    const later = await Promise.all(Array.from({ length: 8 }, () => rawGet(baseURL!, address, { "accept-encoding": "gzip, deflate, br" })));
    for (const answer of later) expect(answer.raw.equals(smallest)).toBe(true);
    // A refusal is honoured: gzip;q=0 with nothing else gets the plain bytes.
    const refused = await rawGet(baseURL!, address, { "accept-encoding": "gzip;q=0" });
    expect(refused.headers["content-encoding"]).toBeUndefined();
    expect(decodedPage(refused)).toBe(kept);
  });
});
