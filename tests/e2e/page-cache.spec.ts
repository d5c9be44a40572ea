import { expect, test } from "@playwright/test";
import { ComparePage } from "./pages/compare-page";

/**
 * Plain reader and side-by-side addresses are rendered once and then served from the page cache;
 * addresses whose query changes the render are rendered for each request. (That an ingest empties the
 * cache is what link-survival.spec.ts relies on: it re-ingests and reopens plain addresses.)
 */
test.describe("the page cache", () => {
  let left: string;
  let right: string;
  test.beforeAll(async ({ browser }) => {
    ({ left, right } = await ComparePage.essaySlugs(browser));
  });

  test("serves a plain reader address from the cache, and renders one with a search hit each time", async ({ request }) => {
    await request.get(`/read/${left}`);
    const again = await request.get(`/read/${left}`);
    expect(again.headers()["x-nextjs-cache"]).toBe("HIT");
    expect(await again.text()).toContain('id="document-title"');

    const withHit = await request.get(`/read/${left}?hl=0-2`);
    expect(withHit.status()).toBe(200);
    expect(withHit.headers()["x-nextjs-cache"]).toBeUndefined();
  });

  test("serves plain side by side from the cache; concepts in the address are rendered each time", async ({ request }) => {
    const plain = `/compare?left=${left}&right=${right}`;
    await request.get(plain);
    const again = await request.get(plain);
    expect(again.headers()["x-nextjs-cache"]).toBe("HIT");
    const html = await again.text();
    expect(html).toContain(`data-slug="${left}"`);
    expect(html).toContain(`data-slug="${right}"`);

    const withConcept = await request.get(`${plain}&c=community-shared-future-cyberspace`);
    expect(withConcept.status()).toBe(200);
    expect(withConcept.headers()["x-nextjs-cache"]).toBeUndefined();
  });

  test("compresses pages with brotli when the browser accepts it", async ({ request }) => {
    const response = await request.get(`/read/${left}`, { headers: { "accept-encoding": "br, gzip" } });
    expect(response.headers()["content-encoding"]).toBe("br");
    expect(await response.text()).toContain('id="document-title"');
  });
});
