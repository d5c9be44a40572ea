import { expect, test } from "@playwright/test";
import { ComparePage } from "./pages/compare-page";

/**
 * Plain reader and side-by-side addresses are rendered once and then served from Next's page cache;
 * addresses whose query changes the render are rendered once per address and kept by the web server
 * (lib/page-cache/rendered-response-cache.mjs). (That an ingest empties both is what link-survival.spec.ts
 * and http-caching.spec.ts rely on: they re-ingest and reopen the addresses.)
 */
const KEPT = "x-duizhao-render";
/** The script nonce of a response, named by its policy. */
const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1] ?? "";

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
    expect(answers.filter((answer) => answer.headers()[KEPT] !== "kept")).toHaveLength(1);
    // The same page for all, each with its own script nonce (in the markup and the React payload alike).
    const nonces = answers.map((answer) => nonceOf(answer.headers()["content-security-policy"]));
    expect(new Set(nonces).size).toBe(answers.length);
    const bodies = await Promise.all(answers.map(async (answer, index) => (await answer.text()).replaceAll(nonces[index]!, "NONCE")));
    expect(bodies[0]).toContain('nonce="NONCE"');
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toContain('<mark data-quote="">');
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

  test("compresses pages with brotli when the browser accepts it", async ({ request }) => {
    const response = await request.get(`/read/${left}`, { headers: { "accept-encoding": "br, gzip" } });
    expect(response.headers()["content-encoding"]).toBe("br");
    expect(await response.text()).toContain('id="document-title"');
  });
});
