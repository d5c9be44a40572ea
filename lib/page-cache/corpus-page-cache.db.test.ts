import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDocument } from "@/lib/db/load-document";
import { sampleDraft, sampleSource } from "@/tests/db/fixtures/sample-draft";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { secondDraft, secondSource } from "@/tests/fixtures/sources/second-draft";

type CacheModule = typeof import("./corpus-page-cache.mjs");

const PAGE_BYTES = 1500;

/** A page as Next hands it to the handler after a render, with an HTML body of `bytes` bytes. */
function renderedPage(text: string, bytes = PAGE_BYTES) {
  return { kind: "APP_PAGE", html: text.padEnd(bytes - Buffer.byteLength(text) + text.length, "x"), rscData: Buffer.alloc(0), headers: {}, status: 200 };
}

async function eventually(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("the page cache (Next's cacheHandler), emptied by ingests", () => {
  let database: TestDatabase;
  let cacheModule: CacheModule;
  let cache: InstanceType<CacheModule["default"]>;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Read by the handler when it starts listening and when it stores a page, as in the Next server.
    process.env.DATABASE_URL = database.url;
    process.env.DUIZHAO_PAGE_CACHE_BYTES = String(PAGE_BYTES * 3);
    cacheModule = await import("./corpus-page-cache.mjs");
    cache = new cacheModule.default();
    await eventually(() => cacheModule.isListening(), "the cache listens for corpus changes");
  });
  afterAll(async () => {
    await cacheModule.stopListening();
    await database.drop();
  });

  const cached = async (key: string) => (await cache.get(key)) !== null;
  const cacheAfterMiss = async (key: string, text: string) => {
    expect(await cache.get(key)).toBeNull();
    await cache.set(key, renderedPage(text), { cacheControl: { revalidate: false } });
  };

  it("keeps a rendered page and hands its HTML back as the same bytes, ready to send", async () => {
    await cacheAfterMiss("/read/a", "<p>网络主权</p>");
    const hit = (await cache.get("/read/a")) as { value: { html: unknown }; cacheControl: unknown } | null;
    expect(hit).not.toBeNull();
    expect(Buffer.isBuffer(hit!.value.html)).toBe(true);
    expect((hit!.value.html as Buffer).toString()).toBe(renderedPage("<p>网络主权</p>").html);
    expect(hit!.cacheControl).toEqual({ revalidate: false });
  });

  it("forgets every page once an ingest commits", async () => {
    await cacheAfterMiss("/read/b", "<p>b</p>");
    expect(await cached("/read/b")).toBe(true);
    await loadDocument(sampleDraft(), sampleSource, database.db);
    await eventually(async () => !(await cached("/read/b")), "the ingest's notification empties the cache");
    expect(await cached("/read/a")).toBe(false);
  });

  it("keeps its pages when an ingest fails and rolls back", async () => {
    await cacheAfterMiss("/read/c", "<p>c</p>");
    const failing = loadDocument(secondDraft(), secondSource, database.db, {
      beforeCommit: async () => {
        throw new Error("disk full (simulated)");
      },
    });
    await expect(failing).rejects.toThrow("disk full");
    // A notification would arrive within milliseconds of a commit; give it far longer.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await cached("/read/c")).toBe(true);
  });

  it("does not keep a render that began before the corpus changed", async () => {
    await cacheAfterMiss("/read/sentinel", "<p>sentinel</p>");
    expect(await cache.get("/read/d")).toBeNull();
    await loadDocument(secondDraft(), secondSource, database.db);
    await eventually(async () => !(await cached("/read/sentinel")), "the ingest's notification arrives");
    // The render of /read/d read the corpus before the ingest: what it produced is stale.
    await cache.set("/read/d", renderedPage("<p>stale</p>"), { cacheControl: { revalidate: false } });
    expect(await cached("/read/d")).toBe(false);
  });

  it("holds at most its byte budget, letting the least recently served page go first", async () => {
    await cacheAfterMiss("/read/e1", "e1");
    await cacheAfterMiss("/read/e2", "e2");
    await cacheAfterMiss("/read/e3", "e3");
    expect(await cached("/read/e1")).toBe(true); // served: now the most recent
    await cacheAfterMiss("/read/e4", "e4");
    expect(await cached("/read/e2")).toBe(false);
    expect(await cached("/read/e1")).toBe(true);
    expect(await cached("/read/e3")).toBe(true);
    expect(await cached("/read/e4")).toBe(true);
  });
});
