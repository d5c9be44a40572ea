import { createHash } from "node:crypto";
import http from "node:http";
import { type APIResponse, expect, type Page, type Response, test } from "@playwright/test";
import { ComparePage } from "./pages/compare-page";
import { ReaderPage } from "./pages/reader-page";
import { rawAnswerHead, rawExchangeText } from "./raw-path-status";

/**
 * Every response carries the security headers (pages, API, Next's assets, a 404, a refused address), and
 * every page kind, rendered for its request or kept, runs its scripts in Chromium under the
 * Content-Security-Policy with no violation. A page rendered for its request names a fresh nonce, the nonce
 * in the page; a kept page (the same bytes for everyone, lib/page-cache/hash-allowed-page.mjs) names no
 * nonce and allows exactly its own scripts by their hashes.
 */

const REQUIRED = ["content-security-policy", "x-content-type-options", "referrer-policy", "permissions-policy", "cross-origin-opener-policy", "x-frame-options"];

function nonceOf(policy: string | undefined): string | undefined {
  return policy?.match(/script-src [^;]*'nonce-([A-Za-z0-9+/=_-]+)'/)?.[1];
}

function hashesOf(policy: string | undefined): string[] {
  return [...(policy?.match(/script-src [^;]*/)?.[0] ?? "").matchAll(/'sha256-[A-Za-z0-9+/=]+'/g)].map((match) => match[0]);
}

/** Whether an answer is a kept page (its scripts allowed by hash, no nonce). */
function isKeptPage(headers: Record<string, string>): boolean {
  return headers["x-duizhao-render"] === "kept" && (headers["content-type"] ?? "").startsWith("text/html");
}

/** The hash source of each script a page's HTML runs inline (no src; no type, or a JavaScript one), as the browser computes it. */
function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes]) => !/\ssrc=/.test(attributes!) && !/\stype="(?!text\/javascript")/.test(attributes!))
    .map(([, , text]) => `'sha256-${createHash("sha256").update(text!, "utf8").digest("base64")}'`);
}

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  for (const name of REQUIRED) expect(headers[name], `${name} on ${what}`).toBeTruthy();
  const policy = headers["content-security-policy"]!;
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
    expect(policy, what).toContain(directive);
  }
  expect(policy.match(/script-src [^;]*/)?.[0], what).not.toContain("'unsafe-inline'");
  expect(policy.match(/script-src [^;]*/)?.[0], what).toContain("'strict-dynamic'");
  // A fresh nonce on every response, but a kept page: that one allows its scripts by hash alone.
  if (isKeptPage(headers)) {
    expect(nonceOf(policy), what).toBeUndefined();
    expect(hashesOf(policy).length, what).toBeGreaterThan(1);
  } else expect(nonceOf(policy), what).toBeTruthy();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
}

interface Watch {
  violations: string[];
  responses: Response[];
}

/** Collects CSP violations, as console messages and as `securitypolicyviolation` events, and every response. */
async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { violations: [], responses: [] };
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|run)/i.test(message.text())) seen.violations.push(`console: ${message.text()}`);
  });
  page.on("response", (response) => seen.responses.push(response));
  // Init scripts are injected by the browser's debugging protocol, outside the page's policy.
  await page.addInitScript(() => {
    const store: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = store;
    document.addEventListener("securitypolicyviolation", (event) => store.push(`${event.violatedDirective}: ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`));
  });
  return seen;
}

async function expectNoViolations(page: Page, seen: Watch, what: string) {
  const fromEvents = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  expect([...seen.violations, ...fromEvents], what).toEqual([]);
  const origin = new URL(page.url()).origin;
  for (const response of seen.responses.filter((r) => r.url().startsWith(origin))) {
    expectSecurityHeaders(await response.allHeaders(), response.url());
  }
}

/**
 * The page's scripts ran: the layout's theme toggle hydrated (it says whether it is pressed), and the
 * inline theme script (allowed by its hash) set the theme. A 404 has no such script in its HTML: Next
 * renders it from the payload, where a script does not run, with or without a policy.
 */
async function expectScriptsRan(page: Page, themeScript: boolean) {
  await expect(page.locator("nav[aria-label=Site] button[aria-pressed]")).toHaveCount(1);
  if (themeScript) expect(await page.evaluate(() => document.documentElement.dataset.theme)).toMatch(/^(light|dark)$/);
}

test.describe("security headers", () => {
  let left: string;
  let right: string;
  test.beforeAll(async ({ browser }) => {
    ({ left, right } = await ComparePage.essaySlugs(browser));
  });

  test("every page kind runs its scripts under the policy, with no violation, rendered for its request and kept", async ({ browser, baseURL, request }) => {
    test.setTimeout(240_000);
    const source = (await (await request.get("/api/sources")).json()) as { sources: { key: string }[] };
    const pages: { what: string; path: string; check?: (tab: Page) => Promise<void>; notFound?: boolean; fresh?: boolean }[] = [
      { what: "home", path: "/" },
      {
        what: "reader (cached)",
        path: `/read/${left}`,
        check: async (tab) => {
          const reader = new ReaderPage(tab);
          await reader.marker("present").first().click();
          await expect(reader.popover).toBeVisible();
        },
      },
      {
        what: "reader with a passage",
        path: `/read/${left}?q=${encodeURIComponent("网络空间")}`,
        check: async (tab) => {
          const reader = new ReaderPage(tab);
          await reader.marker("present").first().click();
          await expect(reader.popover).toBeVisible();
        },
      },
      { what: "reader with a search hit", path: `/read/${left}?hl=0-2&hb=${Date.now()}`, fresh: true },
      { what: "side by side", path: `/compare?left=${left}&right=${right}` },
      {
        what: "side by side with a concept",
        path: `/compare?left=${left}&right=${right}&c=cyber-sovereignty&align=1`,
        check: async (tab) => {
          await expect(tab.getByRole("list", { name: "Highlighted concepts" })).toBeVisible();
        },
      },
      { what: "concept page", path: "/concepts/cyber-sovereignty" },
      { what: "source page", path: `/sources/${encodeURIComponent(source.sources[0]!.key)}` },
      { what: "bibliography", path: "/bibliography" },
      { what: "search", path: `/search?q=${encodeURIComponent("主权")}` },
      { what: "a 404", path: "/read/no-such-essay-here", notFound: true },
    ];
    for (const { what, path, check, notFound, fresh } of pages) {
      // Twice: the second visit is served the kept page (the first is rendered for it unless an earlier test
      // asked for the address; an address of this run's own is). Each in a browser context of its own: one
      // with the first answer in its cache would revalidate it (304) and show that one again.
      for (const visit of notFound ? ["first"] : ["first", "kept"]) {
        const context = await browser.newContext({ baseURL });
        const tab = await context.newPage();
        const seen = await watch(tab);
        const answer = await tab.goto(path);
        expect(answer?.status(), what).toBe(notFound ? 404 : 200);
        const headers = await answer!.allHeaders();
        if (visit === "kept") expect(headers["x-duizhao-render"], `${what}, ${visit}`).toBe("kept");
        if (visit === "first" && fresh) expect(headers["x-duizhao-render"], `${what}, rendered for its request`).toBeUndefined();
        expectSecurityHeaders(headers, `${what}, ${visit}`);
        await tab.waitForLoadState("networkidle");
        await expectScriptsRan(tab, !notFound);
        await check?.(tab);
        await expectNoViolations(tab, seen, `${what}, ${visit}`);
        await context.close();
      }
    }
  });

  test("a page rendered for its request names a nonce of its own, the nonce its scripts carry", async ({ request }) => {
    // Two addresses of this run's own: each rendered for its request.
    const [first, second] = [await request.get(`/read/${left}?hl=0-2&hb=${Date.now()}`), await request.get(`/read/${left}?hl=0-2&hb=${Date.now() + 1}`)];
    for (const response of [first, second]) expect(response.headers()["x-duizhao-render"]).toBeUndefined();
    const [one, two] = [nonceOf(first.headers()["content-security-policy"]), nonceOf(second.headers()["content-security-policy"])];
    expect(one).toBeTruthy();
    expect(one).not.toBe(two);
    for (const [response, nonce] of [[first, one], [second, two]] as [APIResponse, string][]) {
      const html = await response.text();
      const nonces = new Set([...html.matchAll(/\snonce="([^"]*)"/g)].map((match) => match[1]));
      expect(nonces).toEqual(new Set([nonce]));
    }
  });

  test("a kept page allows exactly the scripts it runs, by hash: the same bytes and policy for everyone, no nonce in either", async ({ request }) => {
    const address = `/compare?left=${left}&right=${right}&f=l:${Date.now()}`;
    const rendered = await request.get(address);
    const nonce = nonceOf(rendered.headers()["content-security-policy"])!;
    expect(nonce).toBeTruthy();
    const [kept, again] = [await request.get(address), await request.get(address)];
    for (const response of [kept, again]) expect(response.headers()["x-duizhao-render"]).toBe("kept");
    const policy = kept.headers()["content-security-policy"]!;
    expect(again.headers()["content-security-policy"]).toBe(policy);
    const html = await kept.text();
    expect(await again.text()).toBe(html);
    expect(nonceOf(policy)).toBeUndefined();
    // Every script the page runs inline is allowed by its hash, and the policy allows nothing else.
    expect(new Set(hashesOf(policy))).toEqual(new Set(inlineScriptHashes(html)));
    // No script is parser-inserted from a file (under 'strict-dynamic' only a nonce could allow one): the loaders insert them.
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    expect(html).not.toMatch(/<link[^>]*as="script"/);
    // Neither the rendered response's nonce nor the placeholder it stood for is in the kept page: every nonce there is inert.
    expect(html).not.toContain(nonce);
    for (const [, value] of html.matchAll(/\snonce="([^"]*)"/g)) expect(value).not.toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  test("API answers, Next's assets, icons and refused addresses carry the headers too", async ({ request, baseURL }) => {
    const home = await (await request.get("/")).text();
    const asset = home.match(/\/_next\/static\/[^"]+\.js/)?.[0];
    expect(asset).toBeTruthy();
    for (const path of ["/api/documents", "/api/search?q=%E4%B8%BB%E6%9D%83", "/api/health/live", asset!, "/icon.svg", "/api/sources/no-such-source"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBeLessThan(500);
      expectSecurityHeaders(response.headers(), path);
    }
    // A broken percent-encoding, sent as typed (a URL parser would repair it).
    const refused = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const url = new URL(baseURL!);
      http.get({ host: url.hostname, port: url.port, path: "/read/%E4%B8" }, (response) => resolve(response.resume())).on("error", reject);
    });
    expect(refused.statusCode).toBe(400);
    expectSecurityHeaders(refused.headers as Record<string, string>, "a malformed address");
  });

  test("answers made before any handler runs carry the headers too: a request Node's parser refuses, CONNECT, no Host, Expect, a refused method", async ({ baseURL }) => {
    const host = `Host: ${new URL(baseURL!).host}\r\n`;
    const answers: [string, string, number][] = [
      ["raw UTF-8 in the address", `GET /read/\u00e7\u00bd\u0091 HTTP/1.1\r\n${host}Connection: close\r\n\r\n`, 400],
      ["headers too large", `GET / HTTP/1.1\r\n${host}X-Big: ${"a".repeat(20_000)}\r\nConnection: close\r\n\r\n`, 431],
      ["CONNECT", `CONNECT ${new URL(baseURL!).host} HTTP/1.1\r\n${host}\r\n`, 405],
      ["DELETE", `DELETE /read/${left} HTTP/1.1\r\n${host}Connection: close\r\n\r\n`, 405],
      ["GET *", `GET * HTTP/1.1\r\n${host}Connection: close\r\n\r\n`, 400],
      ["no Host", "GET / HTTP/1.1\r\nConnection: close\r\n\r\n", 400],
      ["an Expect not met", `GET / HTTP/1.1\r\n${host}Expect: junk\r\nConnection: close\r\n\r\n`, 417],
    ];
    for (const [what, bytes, status] of answers) {
      const answer = rawAnswerHead(await rawExchangeText(baseURL!, Buffer.from(bytes, "latin1")));
      expect(answer.status, what).toBe(status);
      expectSecurityHeaders(answer.headers, what);
    }
  });
});
