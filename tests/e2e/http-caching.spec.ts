import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { CHANGES_THE_SUITE_CORPUS, ingestTestEssay, removeTestEssay } from "./test-essays";

test.describe.configure({ lock: CHANGES_THE_SUITE_CORPUS });

/**
 * HTTP caching: pages revalidate on every use (`private, no-cache`) with a tag naming the corpus, so an
 * unchanged page costs a 304 and a page an ingest changed is sent again, never the old one; Next's hashed
 * assets are immutable.
 */
const SLUG = "e2e-http-caching";
const dir = path.resolve("test-results", "http-caching-corpus");

/** What an ingest adds in the second version. */
const ADDED = "修订版新增的一句话，用来检验缓存是否已经更新。";

/**
 * A short essay laid out as extracted text is (an indent opens a paragraph, blank lines between printed
 * lines), with no notes: it cites nothing, so it leaves no cited work behind when the test removes it.
 */
function essay(revised: boolean): string {
  const paragraphs = [
    "数字时代的公共治理正在经历深刻变化，平台、算法与数据共同塑造着社会运行的方式。",
    "首先，规则制定需要兼顾效率与公平，监管者应当在两者之间寻找动态的平衡点。",
    ...(revised ? [ADDED] : []),
  ];
  const lines = ["", "缓存检验用的短文", "", "钱　七", ""];
  for (const paragraph of paragraphs) {
    for (let at = 0, first = true; at < paragraph.length; first = false) {
      const width = first ? 30 : 32;
      lines.push(`${first ? "　　" : ""}${paragraph.slice(at, at + width)}`, "");
      at += width;
    }
  }
  return `${lines.join("\n")}\n`;
}

function ingest(revised: boolean) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "essay.txt");
  fs.writeFileSync(file, essay(revised));
  fs.writeFileSync(path.join(dir, "essay.manifest.json"), JSON.stringify({ slug: SLUG, title: "缓存检验用的短文" }));
  ingestTestEssay(file);
}


/** Removes the essay, and tells the app's page cache, as an ingest would. */
const removeEssay = () => removeTestEssay(SLUG);

test.describe.configure({ mode: "serial" });

test.describe("HTTP caching", () => {
  test.beforeAll(removeEssay);
  test.afterAll(removeEssay);

  test("a page revalidates: 304 while the corpus is unchanged, the new page after an ingest changed it", async ({ request }) => {
    test.setTimeout(120_000);
    ingest(false);
    const pages = [`/read/${SLUG}`, `/read/${SLUG}?q=${encodeURIComponent("监管者应当")}`, "/", `/search?q=${encodeURIComponent("平衡点")}`];
    const tags = new Map<string, string>();
    for (const page of pages) {
      const first = await request.get(page);
      expect(first.status(), page).toBe(200);
      expect(first.headers()["cache-control"], page).toBe("private, no-cache");
      const tag = first.headers()["etag"];
      expect(tag, page).toMatch(/^W\/"[^"]+"$/);
      tags.set(page, tag!);

      const again = await request.get(page, { headers: { "If-None-Match": tag! } });
      expect(again.status(), page).toBe(304);
      expect(await again.body(), page).toHaveLength(0);
      expect(again.headers()["etag"], page).toBe(tag);
      // The browser keeps the policy that matches the nonces of the body it kept.
      expect(again.headers()["content-security-policy"], page).toBeUndefined();
    }

    ingest(true);

    for (const page of pages) {
      const after = await request.get(page, { headers: { "If-None-Match": tags.get(page)! } });
      expect(after.status(), `${page} after the ingest`).toBe(200);
      expect(after.headers()["etag"], page).not.toBe(tags.get(page));
      // Every reader address, a passage link's (a kept render) as much as the plain one, shows the revision.
      if (page.startsWith("/read/")) expect(await after.text(), page).toContain(ADDED.slice(0, 12));
    }
    const reader = await (await request.get(`/read/${SLUG}`, { headers: { "If-None-Match": tags.get(`/read/${SLUG}`)! } })).text();
    expect(reader).toContain(ADDED.slice(0, 12));
    // The kept render of the new corpus, in its gzip compressed once, is the revision too.
    const passage = pages[1]!;
    const kept = await request.get(passage, { headers: { "accept-encoding": "gzip", "If-None-Match": tags.get(passage)! } });
    expect(kept.headers()["x-duizhao-render"]).toBe("kept");
    expect(kept.headers()["content-encoding"]).toBe("gzip");
    expect(await kept.text()).toContain(ADDED.slice(0, 12));
  });

  test("a kept page in its kept gzip carries the page's tag, and a conditional request for it is answered 304", async ({ request }) => {
    const [document] = ((await (await request.get("/api/documents")).json()) as { documents: { slug: string }[] }).documents;
    const address = `/read/${document!.slug}?hl=0-2&hb=${Date.now()}`;
    const rendered = await request.get(address);
    const kept = await request.get(address, { headers: { "accept-encoding": "gzip" } });
    expect(kept.headers()["x-duizhao-render"]).toBe("kept");
    expect(kept.headers()["content-encoding"]).toBe("gzip");
    expect(kept.headers()["cache-control"]).toBe("private, no-cache");
    expect(kept.headers()["etag"]).toBe(rendered.headers()["etag"]);
    const again = await request.get(address, { headers: { "accept-encoding": "gzip", "If-None-Match": kept.headers()["etag"]! } });
    expect(again.status()).toBe(304);
    expect(await again.body()).toHaveLength(0);
    expect(again.headers()["content-encoding"]).toBeUndefined();
    expect(again.headers()["content-security-policy"]).toBeUndefined();
  });

  test("an unknown or older tag, or none, gets the page", async ({ request }) => {
    const current = (await request.get("/")).headers()["etag"]!;
    for (const ifNoneMatch of ['W/"something-else"', "*", current.replace(/\.(\d+)"$/, (_, generation: string) => `.${Number(generation) + 1}"`)]) {
      expect((await request.get("/", { headers: { "If-None-Match": ifNoneMatch } })).status(), ifNoneMatch).toBe(200);
    }
  });

  test("Next's hashed assets are immutable; API answers and 404s are never kept as fresh", async ({ request }) => {
    const home = await (await request.get("/")).text();
    const asset = home.match(/\/_next\/static\/[^"]+\.(?:js|css)/)?.[0];
    expect(asset).toBeTruthy();
    expect((await request.get(asset!)).headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    for (const path of ["/api/documents", "/read/no-such-essay-here"]) {
      const cacheControl = (await request.get(path)).headers()["cache-control"] ?? "";
      expect(cacheControl, path).not.toMatch(/s-maxage|immutable|max-age=[1-9]/);
    }
  });

  test("a browser reloading a page it kept (304) still runs its scripts under the kept policy", async ({ page, request }) => {
    const [document] = ((await (await request.get("/api/documents")).json()) as { documents: { slug: string }[] }).documents;
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    const policies: string[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "document") policies.push(response.headers()["content-security-policy"] ?? "");
    });
    // An address of this run's own, rendered for this visit with a nonce of its own; a second answer from the
    // server would be the kept page, whose policy names no nonce. So the same policy twice means the page came
    // from the browser's cache after a 304, with the policy it was kept with.
    await page.goto(`/read/${document!.slug}?hl=0-2&hb=${Date.now()}`);
    expect(policies[0]).toMatch(/'nonce-/);
    await page.reload();
    expect(policies).toHaveLength(2);
    expect(policies[1]).toBe(policies[0]);
    await page.locator("button.note-marker").first().click();
    await expect(page.locator(".note-popover:popover-open")).toBeVisible();
    expect(violations).toEqual([]);
  });
});
