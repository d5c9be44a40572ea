import { expect, test } from "@playwright/test";
import { SearchPage } from "./pages/search-page";

test("a two-character query finds highlighted hits in both essays and opens the reader at the match", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto();
  await search.search("主权");

  await expect(search.counts).toHaveCount(2);
  await expect(search.hits.first()).toBeVisible();
  for (const title of [/全球网络空间治理/, /网络空间命运共同体/]) {
    await expect(search.counts.filter({ hasText: title })).toHaveCount(1);
  }
  // Page 1 shows the top-ranked document; each count links to that document's hits.
  const marks = search.marks(search.hits.first());
  await expect(marks).toHaveText("主权");

  const link = search.hits.first().getByRole("link");
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/read\/[a-z0-9-]+\?hl=\d+-\d+#.+$/);
  const [, start, end, anchor] = /hl=(\d+)-(\d+)#(.+)$/.exec(href!)!;
  expect(Number(end) - Number(start)).toBe(2);

  await link.click();
  // The reader names the block in the query too (`hb`), since the server never sees the fragment.
  await expect(page).toHaveURL(new RegExp(`/read/[a-z0-9-]+\\?hl=${start}-${end}(&hb=[^#]+)?#${anchor}$`));

  const target = page.locator(`[id="${decodeURIComponent(anchor!)}"]`);
  await expect(target).toHaveCount(1);
  await expect(target.locator("mark[data-search-hit]")).toHaveText("主权");
});

test("the second essay's hits are reachable through its count link", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto();
  await search.search("鸿沟");
  const second = search.counts.nth(1);
  await second.getByRole("link").click();
  await expect(page).toHaveURL(/doc=/);
  await expect(search.hits.first()).toBeVisible();
  await expect(search.groups).toHaveCount(1);
  await expect(search.marks(search.groups.first()).first()).toHaveText("鸿沟");
});

test("a query of punctuation only is refused with a reason, not an error page", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto();
  await search.search("，。");
  await expect(page.getByRole("alert").filter({ hasText: "Cannot search" })).toBeVisible();
});

test("the search API answers 400 with a reason for a bad parameter", async ({ request }) => {
  const bad = await request.get("/api/search?q=%E4%B8%BB%E6%9D%83&page=0");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/page/);
  const good = await request.get("/api/search?q=%E4%B8%BB%E6%9D%83&pageSize=5");
  expect(good.status()).toBe(200);
  const body = await good.json();
  expect(body.hits.length).toBeLessThanOrEqual(5);
  expect(body.counts.length).toBe(2);
});

test("a hit in a note opens the reader with the match highlighted in the notes list", async ({ page, request }) => {
  const response = await request.get(`/api/search?q=${encodeURIComponent("新华网")}&kind=note&pageSize=1`);
  expect(response.status()).toBe(200);
  const [hit] = (await response.json()).hits as { documentSlug: string; anchor: string; kind: string; blockStart: number; blockEnd: number }[];
  expect(hit?.kind).toBe("footnote");
  await page.goto(`/read/${hit!.documentSlug}?hl=${hit!.blockStart}-${hit!.blockEnd}#${hit!.anchor}`);
  const note = page.locator(`[id="${hit!.anchor}"]`);
  await expect(note.locator("mark[data-search-hit]")).toHaveText("新华网");
});

test("the per-document counts and the concept options go out once in the HTML, and React's payload carries only their data", async ({ request }) => {
  const body = await (await request.get(`/search?q=${encodeURIComponent("主权")}`)).text();
  // The list's class and test id, in the HTML only: the markup written again, escaped, in the payload named them twice more.
  expect(body.match(/search-counts/g)).toHaveLength(2);
  const conceptSelect = /<select name="concept"[\s\S]*?<\/select>/.exec(body)![0];
  const ids = [...conceptSelect.matchAll(/<option value="([a-z0-9-]+)"/g)].map((match) => match[1]!);
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) {
    // An option element of the server's tree went into the payload keyed by its id (`["$","option","<id>",{…}]`, escaped in its script).
    expect(body, id).not.toContain(`\\"option\\",\\"${id}\\"`);
    expect(body.split(`<option value="${id}"`), id).toHaveLength(2);
  }
});

test("the per-document counts are written again from their data on a page turned in the browser, without a hydration error", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  const search = new SearchPage(page);
  await search.goto();
  await search.search("网络");
  await expect(search.counts).toHaveCount(2);
  const firstPage = await search.hits.first().getByRole("link").getAttribute("href");
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(search.hits.first().getByRole("link")).not.toHaveAttribute("href", firstPage!);
  await expect(search.counts).toHaveCount(2);
  // Each count still narrows the search to its document, from page 1: the rows were written from the new page's props.
  for (const link of await search.counts.getByRole("link").all()) {
    const href = new URL((await link.getAttribute("href"))!, "http://x");
    expect(href.searchParams.get("q")).toBe("网络");
    expect(href.searchParams.get("doc")).toMatch(/^[a-z0-9-]+$/);
    expect(href.searchParams.get("page")).toBeNull();
  }
  expect(errors).toEqual([]);
});
