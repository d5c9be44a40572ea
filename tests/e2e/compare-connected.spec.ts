import fs from "node:fs";
import { scanWithAxe } from "./axe-scan";
import { expect, test, type Locator } from "@playwright/test";
import { ComparePage } from "./pages/compare-page";

/** Side by side, connected: concept highlights, jumps to counterparts, aligned mode, the focus panel, shared links. */
test.describe("side by side, connected", () => {
  let left: string;
  let right: string;
  test.beforeAll(async ({ browser }) => {
    ({ left, right } = await ComparePage.essaySlugs(browser));
  });

  test("a concept picked is highlighted in both panes, and a link with it shows the marks without a script", async ({ page, browser }) => {
    const compare = new ComparePage(page);
    await compare.goto({ left, right });
    await expect(compare.marks(compare.left, "cyber-sovereignty")).toHaveCount(0);
    await compare.toggleConcept("cyber-sovereignty");
    await expect(page).toHaveURL(/[?&]c=cyber-sovereignty(&|$)/);
    await expect(compare.marks(compare.left, "cyber-sovereignty").first()).toBeVisible();
    expect(await compare.marks(compare.right, "cyber-sovereignty").count()).toBeGreaterThan(0);
    await expect(compare.legend).toContainText("网络主权");
    // Every highlighted mark of the concept says its words.
    for (const text of await compare.marks(compare.left, "cyber-sovereignty").allTextContents()) expect(text.length).toBeGreaterThan(0);

    // A second concept gets a tone of its own; removing the first keeps the second.
    await compare.toggleConcept("four-principles");
    await expect(page).toHaveURL(/c=cyber-sovereignty,four-principles/);
    const tones = async (concept: string) => new Set(await compare.marks(page.locator(".compare-grid"), concept).evaluateAll((marks) => marks.map((m) => (m as HTMLElement).dataset.tone)));
    await expect.poll(async () => [...(await tones("four-principles"))]).toEqual(["2"]);
    expect([...(await tones("cyber-sovereignty"))]).toEqual(["1"]);
    await compare.legend.getByRole("button", { name: /Stop highlighting 网络主权/ }).click();
    await expect(compare.marks(compare.left, "cyber-sovereignty")).toHaveCount(0);
    await expect(page).toHaveURL(/c=four-principles/);

    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(`/compare?left=${left}&right=${right}&c=cyber-sovereignty`);
    expect(await plain.locator('#pane-left mark[data-concept="cyber-sovereignty"]').count()).toBeGreaterThan(0);
    expect(await plain.locator('#pane-right mark[data-concept="cyber-sovereignty"]').count()).toBeGreaterThan(0);
    await noScript.close();
  });

  test("picking and dropping a concept keeps both panes exactly where the reader left them", async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto({ left, right });
    await compare.scrollPaneToOffset("left", 5000);
    await compare.scrollPaneToOffset("right", 2500);
    const before = { left: await compare.scrollTop(compare.left), right: await compare.scrollTop(compare.right) };
    // What each pane shows at its top: the block there and how far above the edge it starts, to the pixel.
    const reading = { left: await compare.readingPlace(compare.left), right: await compare.readingPlace(compare.right) };
    const expectSamePlaces = async () => {
      for (const side of ["left", "right"] as const) {
        await expect.poll(async () => (await compare.readingPlace(compare[side])).block).toBe(reading[side].block);
        await expect.poll(async () => (await compare.readingPlace(compare[side])).offset).toBeCloseTo(reading[side].offset, 0);
      }
    };

    await compare.toggleConcept("cyber-sovereignty");
    await expect(compare.marks(compare.left, "cyber-sovereignty").first()).toBeAttached();
    await expect.poll(() => compare.scrollTop(compare.left)).toBeCloseTo(before.left, -1);
    await expect.poll(() => compare.scrollTop(compare.right)).toBeCloseTo(before.right, -1);
    await expectSamePlaces();

    // A second concept is the same route rendered again in place: each pane's text is replaced whole (one string
    // of markup), and each pane still shows the same words at the same height. From here on its scrollTop may differ
    // by a few pixels: the sections above stand at their estimated heights again (compare.css), not what is shown.
    await compare.toggleConcept("four-principles");
    await expect(page).toHaveURL(/c=cyber-sovereignty,four-principles/);
    await expect(compare.marks(compare.left, "four-principles").first()).toBeAttached();
    await expectSamePlaces();
    await compare.toggleConcept("four-principles");
    await expect(compare.marks(compare.left, "four-principles")).toHaveCount(0);
    await expectSamePlaces();

    await compare.toggleConcept("cyber-sovereignty");
    await expect(compare.marks(compare.left, "cyber-sovereignty")).toHaveCount(0);
    await expectSamePlaces();
  });

  test("a mention's chip, or the mention itself, lands on its counterpart in the other pane", async ({ page }) => {
    const compare = new ComparePage(page);
    /** The mark of the concept a jump lit in a pane, as a locator that still finds it once the flash is over. */
    const flashedMark = async (pane: Locator) => {
      const where = await pane
        .locator('mark[data-concept="cyber-sovereignty"][data-flash]')
        .first()
        .evaluate((m) => ({ block: m.closest("[data-block]")!.id, offset: (m.closest("[data-o]") as HTMLElement).dataset.o! }));
      return pane.locator(`[id="${where.block}"] [data-o="${where.offset}"] mark[data-concept="cyber-sovereignty"]`).first();
    };
    await compare.goto({ left, right, c: "cyber-sovereignty" });
    const chip = compare.chips(compare.left, "cyber-sovereignty").nth(2);
    await chip.scrollIntoViewIfNeeded();
    const before = await compare.scrollTop(compare.right);
    // From the keyboard: the chips are the controls, and focus follows to the passage shown.
    await chip.focus();
    await page.keyboard.press("Enter");
    // The flash lasts a moment (2.4 s), less than a loaded host may take over the checks below: which mark it
    // lit is read as soon as it is lit, and the checks hold on that mark, lit or not by then.
    const mark = await flashedMark(compare.right);
    await expect(mark).toBeVisible();
    expect(await compare.scrollTop(compare.right)).not.toBe(before);
    expect(await compare.inView(compare.right, mark)).toBe(true);
    await expect(compare.right.locator(":focus")).toHaveCount(1);

    // A click on a mark in the right pane sends the left pane to the counterpart there.
    const leftBefore = await compare.scrollTop(compare.left);
    await mark.click();
    const back = await flashedMark(compare.left);
    await expect(back).toBeVisible();
    expect(await compare.inView(compare.left, back)).toBe(true);
    expect(await compare.scrollTop(compare.left)).not.toBe(leftBefore);
  });

  test("aligned mode draws connectors between linked paragraphs and scrolls the panes in step", async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto({ left, right });
    await compare.alignButton.click();
    await expect(compare.alignButton).toHaveAttribute("aria-pressed", "true");
    await expect(page).toHaveURL(/align=1/);
    await expect(compare.gutter).toBeVisible();

    const wheel = async (side: "left" | "right", delta: number) => {
      const box = (await compare.pane(side).boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, delta);
    };
    const settled = async () => {
      // Still after a moment: the panes do not drive each other round in a loop.
      let last = "";
      await expect
        .poll(async () => {
          const now = `${await compare.scrollTop(compare.left)}/${await compare.scrollTop(compare.right)}`;
          const same = now === last;
          last = now;
          return same;
        }, { intervals: [250] })
        .toBe(true);
    };

    // At the top both essays open on linked paragraphs: whole connectors join blocks that are linked, at each block's height.
    await expect.poll(() => compare.connectors().count()).toBeGreaterThan(0);
    const links = (await (await page.request.get(`/api/links?left=${left}&right=${right}`)).json()) as { links: { left: { anchor: string }; right: { anchor: string } }[] };
    const drawn = () =>
      compare.connectors().evaluateAll((paths) =>
        paths.map((path) => {
          const gutter = path.closest(".compare-gutter")!.getBoundingClientRect();
          const [, y0, y1] = /^M0 ([\d.-]+) .* [\d.]+ ([\d.-]+)$/.exec(path.getAttribute("d")!)!.map(Number);
          const l = document.getElementById(`left-${path.getAttribute("data-left")}`)!.getBoundingClientRect();
          const r = document.getElementById(`right-${path.getAttribute("data-right")}`)!.getBoundingClientRect();
          return {
            d: path.getAttribute("d"),
            left: path.getAttribute("data-left")!,
            right: path.getAttribute("data-right")!,
            kind: path.getAttribute("data-kind"),
            startsAtLeftBlock: y0! >= l.top - gutter.top - 1 && y0! <= l.bottom - gutter.top + 1,
            endsAtRightBlock: y1! >= r.top - gutter.top - 1 && y1! <= r.bottom - gutter.top + 1,
          };
        }),
      );
    const atTop = await drawn();
    for (const connector of atTop) {
      expect(links.links.some((link) => link.left.anchor === connector.left && link.right.anchor === connector.right)).toBe(true);
      expect(connector.startsAtLeftBlock && connector.endsAtRightBlock).toBe(true);
      expect(["shared_passage", "shared_source", "concept_overlap"]).toContain(connector.kind);
    }

    await wheel("left", 2400);
    await expect.poll(() => compare.scrollTop(compare.right)).toBeGreaterThan(0);
    await settled();
    const leftTop = await compare.scrollTop(compare.left);
    expect(leftTop).toBeGreaterThan(1000);
    // Redrawn where the panes now stand (whole or as stubs towards partners out of view).
    await expect.poll(async () => JSON.stringify((await drawn()).map((c) => c.d)) !== JSON.stringify(atTop.map((c) => c.d))).toBe(true);
    expect(await compare.gutter.locator("path").count()).toBeGreaterThan(0);

    // And the other way: scrolling the right pane moves the left one.
    const rightTop = await compare.scrollTop(compare.right);
    await wheel("right", 1600);
    await expect.poll(() => compare.scrollTop(compare.left)).toBeGreaterThan(leftTop + 200);
    await settled();
    expect(await compare.scrollTop(compare.right)).toBeGreaterThan(rightTop + 1000);
  });

  test("the links of a paragraph are listed with their evidence, and each goes to the other end", async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto({ left, right });
    const button = compare.right.locator("[data-focus-block]").first();
    const anchor = (await button.getAttribute("data-focus-block"))!;
    await button.click();
    await expect(page).toHaveURL(new RegExp(`f=right:${anchor}`));
    await expect(button).toHaveAttribute("aria-pressed", "true");
    await expect(compare.focusPanel).toBeVisible();
    await expect(compare.focusPanel.getByRole("heading")).toContainText("of the right essay");
    const first = compare.focusPanel.locator("li.focus-link").first();
    await expect(first).toContainText(/confidence \d+%/);
    await expect(first.locator("blockquote")).toHaveCount(2);
    // Shared words are quoted as each pane shows them at the link's ends (the page sends the words once: in the panes).
    const passage = compare.focusPanel.locator('li.focus-link[data-link-kind="shared_passage"]').first();
    const [leftWords, rightWords] = (await passage.locator("blockquote").allTextContents()).map((quote) => quote.replace(/^“|”$/gu, ""));
    expect(leftWords!.length).toBeGreaterThan(0);
    expect(rightWords!.length).toBeGreaterThan(0);
    const textOf = (id: string) => page.locator(`[id="${id}"]`).evaluate((block) => [...block.querySelectorAll("[data-o]")].map((run) => run.textContent).join(""));
    expect(await textOf(`left-${(await passage.locator("[data-go-to]").getAttribute("data-go-to"))!}`)).toContain(leftWords);
    expect(await textOf(`right-${anchor}`)).toContain(rightWords);

    const target = (await first.locator("[data-go-to]").getAttribute("data-go-to"))!;
    await first.getByRole("button", { name: /Go to/ }).click();
    const block = compare.left.locator(`[id="left-${target}"]`);
    await expect(block).toHaveAttribute("data-flash", "");
    expect(await compare.inView(compare.left, block)).toBe(true);

    await compare.focusPanel.getByRole("button", { name: /Close/ }).click();
    await expect(compare.focusPanel).toBeHidden();
    await expect(page).not.toHaveURL(/f=/);
  });

  test("an instructor's link restores both essays, both positions, the concept, alignment and the focused paragraph", async ({ page, browser }) => {
    const compare = new ComparePage(page);
    await compare.goto({ left, right, c: "cyber-sovereignty" });
    await compare.alignButton.click();
    const focusButton = compare.left.locator("[data-focus-block]").first();
    await focusButton.click();
    await expect(compare.focusPanel).toBeVisible();
    const box = (await compare.left.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 100);
    await page.mouse.wheel(0, 3000);
    await expect.poll(() => new URL(page.url()).searchParams.get("rp")).not.toBeNull();
    const lp = await compare.topBlock(compare.left);
    const rp = await compare.topBlock(compare.right);
    await expect.poll(() => new URL(page.url()).searchParams.get("lp")).toBe(lp);
    await expect.poll(() => new URL(page.url()).searchParams.get("rp")).toBe(rp);
    const link = page.url();
    const params = new URL(link).searchParams;
    expect(params.get("c")).toBe("cyber-sovereignty");
    expect(params.get("align")).toBe("1");
    expect(params.get("f")).toMatch(/^left:/);

    const fresh = await browser.newPage();
    const restored = new ComparePage(fresh);
    await fresh.goto(link);
    await expect(restored.alignButton).toHaveAttribute("aria-pressed", "true");
    await expect.poll(() => restored.topBlock(restored.left)).toBe(lp);
    await expect.poll(() => restored.topBlock(restored.right)).toBe(rp);
    expect(await restored.marks(restored.left, "cyber-sovereignty").count()).toBeGreaterThan(0);
    expect(await restored.marks(restored.right, "cyber-sovereignty").count()).toBeGreaterThan(0);
    await expect(restored.focusPanel).toHaveAttribute("data-focus-panel", params.get("f")!);
    await expect.poll(() => restored.gutter.locator("path").count()).toBeGreaterThan(0);
    await fresh.close();
  });

  test("values the documents do not have are dropped, not an error", async ({ page }) => {
    const response = await page.goto(`/compare?left=${left}&right=${right}&c=no-such-concept,cyber-sovereignty,Bad%20Id&f=left:p-nowhere&lp=p-nowhere&rp=%3Cx%3E&align=maybe&pane=up`);
    expect(response?.status()).toBe(200);
    const compare = new ComparePage(page);
    expect(await compare.marks(compare.left, "cyber-sovereignty").count()).toBeGreaterThan(0);
    await expect(compare.focusPanel).toHaveCount(0);
    await expect(compare.alignButton).toHaveAttribute("aria-pressed", "false");
    await expect.poll(() => new URL(page.url()).searchParams.get("c")).toBe("cyber-sovereignty");
    expect(new URL(page.url()).searchParams.get("f")).toBeNull();
    expect(new URL(page.url()).searchParams.get("lp")).not.toBe("p-nowhere");
  });

  test("phone width: highlights and jumps work across the tabs, the focus panel too, connectors are hidden", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const compare = new ComparePage(page);
    await compare.goto({ left, right, c: "cyber-sovereignty", align: "1" });
    await expect(compare.gutter).toBeHidden();
    await expect(compare.right).toBeHidden();
    const chip = compare.chips(compare.left, "cyber-sovereignty").first();
    await chip.scrollIntoViewIfNeeded();
    await chip.click();
    await expect(compare.right).toBeVisible();
    await expect(page).toHaveURL(/pane=right/);
    const landed = compare.right.locator('mark[data-concept="cyber-sovereignty"][data-flash]').first();
    await expect(landed).toBeVisible();
    expect(await compare.inView(compare.right, landed)).toBe(true);
    // The page itself does not scroll: only the pane does.
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);

    await compare.right.locator("[data-focus-block]").first().click();
    await expect(compare.focusPanel).toBeVisible();
    await expect(compare.focusPanel.locator("li.focus-link").first()).toBeVisible();
  });

  for (const theme of ["light", "dark"] as const) {
    test(`has no axe violations with concepts highlighted, aligned and a paragraph in focus (${theme})`, async ({ page }) => {
      await page.addInitScript((value) => localStorage.setItem("duizhao-theme", value), theme);
      const compare = new ComparePage(page);
      const seven = "cyber-sovereignty,four-principles,multilateralism,digital-economy,united-nations,cybersecurity,world-internet-conference";
      await compare.goto({ left, right, c: seven, align: "1" });
      await compare.left.locator("[data-focus-block]").first().click();
      await expect(compare.focusPanel).toBeVisible();
      await expect.poll(() => compare.gutter.locator("path").count()).toBeGreaterThan(0);
      const results = await scanWithAxe(page);
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
    });
  }

  test("screenshots of the aligned view (desktop) and of the phone view", async ({ page }) => {
    test.skip(!process.env.DUIZHAO_SCREENSHOTS, "set DUIZHAO_SCREENSHOTS=1 to refresh docs/screenshots");
    test.setTimeout(120_000);
    fs.mkdirSync("docs/screenshots", { recursive: true });
    const compare = new ComparePage(page);
    // Where the most whole connectors are in view: a stretch where both essays discuss the same thing.
    const bestPlace = async () => {
      let best = { top: 0, count: -1 };
      const height = await compare.left.evaluate((e) => e.scrollHeight - e.clientHeight);
      for (let top = 0; top < height; top += 400) {
        await compare.left.evaluate((e, y) => (e.scrollTop = y), top);
        await page.waitForTimeout(120);
        const count = await compare.connectors().count();
        if (count > best.count) best = { top, count };
      }
      await compare.left.evaluate((e, y) => (e.scrollTop = y), best.top);
      await page.waitForTimeout(500);
    };
    await compare.goto({ left, right, c: "cyber-sovereignty,four-principles", align: "1" });
    await expect.poll(() => compare.gutter.locator("path").count()).toBeGreaterThan(0);
    await bestPlace();
    await page.screenshot({ path: "docs/screenshots/compare-aligned-desktop.png" });
    await page.evaluate(() => {
      localStorage.setItem("duizhao-theme", "dark");
      document.documentElement.dataset.theme = "dark";
    });
    await page.waitForTimeout(300);
    await page.screenshot({ path: "docs/screenshots/compare-aligned-dark-desktop.png" });
    await page.evaluate(() => {
      localStorage.setItem("duizhao-theme", "light");
      document.documentElement.dataset.theme = "light";
    });
    await compare.left.locator("[data-focus-block]:visible").first().click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: "docs/screenshots/compare-focus-desktop.png" });

    await page.setViewportSize({ width: 390, height: 844 });
    await compare.goto({ left, right, c: "cyber-sovereignty,four-principles" });
    const chip = compare.chips(compare.left, "cyber-sovereignty").nth(1);
    await chip.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "docs/screenshots/compare-concepts-phone.png" });
    await chip.click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: "docs/screenshots/compare-jump-phone.png" });
  });
});
