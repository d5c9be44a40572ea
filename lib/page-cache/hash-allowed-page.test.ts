import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashAllowedPage, inertNonce, loaderScript } from "./hash-allowed-page.mjs";

const PLACEHOLDER = "PLACEHOLDERnonce24bytes=";
const N = `nonce="${PLACEHOLDER}"`;
const hashOf = (script: string) => `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;

/** A page shaped as Next writes one: chunks and a preload in the head, the layout's theme script, the payload after the content. */
function page({ content = "<main><p>正文</p></main>", head = "", tail = "" } = {}) {
  return (
    `<!DOCTYPE html><html><head><meta charSet="utf-8"/>` +
    `<link rel="stylesheet" href="/_next/static/chunks/a.css" ${N} data-precedence="next"/>` +
    `<link rel="preload" as="script" fetchPriority="low" ${N} href="/_next/static/chunks/main.js"/>` +
    `<script src="/_next/static/chunks/one.js" async="" ${N}></script><script src="/_next/static/chunks/two.js" async="" ${N}></script>` +
    `<title>标题</title><script>theme()</script><script src="/_next/static/chunks/legacy.js" noModule="" ${N}></script>${head}</head>` +
    `<body>${content}<script ${N} id="_R_">bootstrap()</script><script src="/_next/static/chunks/main.js" ${N} async=""></script>` +
    `<script ${N}>(self.__next_f=self.__next_f||[]).push([0])</script>` +
    `<script ${N}>self.__next_f.push([1,"0:{\\"nonce\\":\\"${PLACEHOLDER}\\",\\"text\\":\\"网络空间\\u003c/p\\u003e\\"}"])</script>${tail}</body></html>`
  );
}

function fixed(html: string) {
  const result = hashAllowedPage(Buffer.from(html, "utf8"), Buffer.from(PLACEHOLDER));
  if ("refused" in result) throw new Error(`refused: ${result.refused}`);
  return { html: result.body.toString("utf8"), hashes: result.scriptHashes };
}

/** Every script element's attributes and text, in document order. */
function scriptsOf(html: string) {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((match) => ({ attributes: match[1]!, text: match[2]!, at: match.index }));
}

/** Runs a loader against a stand-in document; what it inserted, in order, before the loader itself. */
function runLoader(script: string) {
  const inserted: Record<string, unknown>[] = [];
  const loaderElement = {
    parentNode: { insertBefore: (element: Record<string, unknown>, before: unknown) => (before === loaderElement ? inserted.push(element) : undefined) },
  };
  const document = {
    currentScript: loaderElement,
    createElement: (tag: string) => {
      const element: Record<string, unknown> = { tag };
      element.setAttribute = (name: string, value: string) => (element[name] = value);
      return element;
    },
  };
  new Function("document", script)(document);
  return inserted.map(({ setAttribute: _, ...element }) => element);
}

describe("a kept page with its scripts allowed by hash", () => {
  it("allows every inline script Next wrote by its hash, and leaves no placeholder behind", () => {
    const { html, hashes } = fixed(page());
    expect(html).not.toContain(PLACEHOLDER);
    // The payload's own mention of the nonce (a resource hint) is the inert filler, of the same length.
    expect(html).toContain(`\\"nonce\\":\\"${inertNonce(PLACEHOLDER.length)}\\"`);
    expect(inertNonce(PLACEHOLDER.length)).toHaveLength(PLACEHOLDER.length);
    expect(inertNonce(PLACEHOLDER.length)).not.toMatch(/^[A-Za-z0-9+/]+=*$/);
    const inline = scriptsOf(html).filter((script) => !/\ssrc=/.test(script.attributes));
    for (const script of inline) {
      // The theme script is not Next's: the caller adds its hash, as for every page.
      if (script.text === "theme()") expect(hashes).not.toContain(hashOf(script.text));
      else expect(hashes, script.text).toContain(hashOf(script.text));
    }
    expect(hashes).toHaveLength(inline.length - 1);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it("loads Next's external scripts and script preloads through loaders, as the same elements, in order", () => {
    const { html, hashes } = fixed(page());
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    expect(html).not.toMatch(/<link[^>]*as="script"/);
    const loaders = scriptsOf(html).filter((script) => script.text.startsWith("(function(p,l,c)"));
    expect(loaders).toHaveLength(2);
    for (const loader of loaders) expect(hashes).toContain(hashOf(loader.text));
    // The head's: at its end, after the layout's theme script (React's hydration of the head never reaches it),
    // with the stylesheets after it (an inline script waits for the stylesheets above it).
    const headEnd = html.indexOf("</head>");
    const stylesheet = `<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="${inertNonce(PLACEHOLDER.length)}" data-precedence="next"/>`;
    expect(html.slice(loaders[0]!.at + `<script>${loaders[0]!.text}</script>`.length, headEnd)).toBe(stylesheet);
    expect(html.indexOf("<script>theme()</script>")).toBeLessThan(loaders[0]!.at);
    expect(runLoader(loaders[0]!.text)).toEqual([
      { tag: "link", rel: "preload", as: "script", href: "/_next/static/chunks/main.js", fetchpriority: "low" },
      { tag: "script", src: "/_next/static/chunks/one.js", async: true },
      { tag: "script", src: "/_next/static/chunks/two.js", async: true },
      { tag: "script", src: "/_next/static/chunks/legacy.js", async: true, noModule: true },
    ]);
    // The body's: where it stood, after the bootstrap script.
    expect(html.indexOf("bootstrap()")).toBeLessThan(loaders[1]!.at);
    expect(runLoader(loaders[1]!.text)).toEqual([{ tag: "script", src: "/_next/static/chunks/main.js", async: true }]);
  });

  it("leaves the stylesheets where they were when the head has an inline style (a move would change the cascade)", () => {
    const { html } = fixed(page({ head: "<style>p{color:red}</style>" }));
    expect(html.indexOf('<link rel="stylesheet"')).toBeLessThan(html.indexOf("<title>"));
    expect(html.indexOf("<style>")).toBeGreaterThan(html.indexOf('<link rel="stylesheet"'));
  });

  it("never allows a script Next did not write: without the placeholder nonce it is left as it is, and hashed nowhere", () => {
    const injected = [
      "<script>alert(1)</script>",
      '<script nonce="guessed-nonce-24-chars==">alert(2)</script>',
      `<script nonce="${PLACEHOLDER.slice(0, -1)}x">alert(3)</script>`,
      '<script src="/evil.js" async=""></script>',
      '<script type="application/ld+json">{"@type":"ScholarlyArticle"}</script>',
    ];
    const { html, hashes } = fixed(page({ content: `<main>${injected.join("")}</main>` }));
    for (const script of injected) expect(html).toContain(script);
    for (const text of ["alert(1)", "alert(2)", "alert(3)", '{"@type":"ScholarlyArticle"}']) expect(hashes).not.toContain(hashOf(text));
    for (const loader of scriptsOf(html).filter((script) => script.text.startsWith("(function(p,l,c)"))) expect(loader.text).not.toContain("evil");
  });

  it("hashes only Next's scripts whatever text (escaped, as React renders it) stands around them", () => {
    const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { maxLength: 5 }), (texts) => {
        const content = texts.map((text) => `<p title="${escape(text)}">${escape(text)}</p>`).join("");
        const { html, hashes } = fixed(page({ content }));
        const nextScripts = scriptsOf(html).filter((script) => !/\ssrc=/.test(script.attributes) && script.text !== "theme()");
        expect(hashes.sort()).toEqual([...new Set(nextScripts.map((script) => hashOf(script.text)))].sort());
        expect(html).not.toContain(PLACEHOLDER);
      }),
    );
  });

  it("keeps the page's nonce when a script of Next's has a form it cannot keep to the same meaning", () => {
    const refusals: [string, RegExp][] = [
      [page({ tail: `<script src="/_next/static/chunks/x.js" ${N}></script>` }), /blocks the parser/],
      [page({ tail: `<script src="/_next/static/chunks/x.js" async="" crossorigin="" ${N}></script>` }), /attributes/],
      [page({ tail: `<script src="https://cdn.example/x.js" async="" ${N}></script>` }), /same-origin/],
      [page({ tail: `<script src="//cdn.example/x.js" async="" ${N}></script>` }), /same-origin/],
      [page({ tail: `<script type="module" ${N}>go()</script>` }), /attributes/],
      [page({ tail: `<script ${N}>one()\r\ntwo()</script>` }), /carriage return/],
      [page({ tail: `<link rel="modulepreload" ${N} href="/_next/static/chunks/m.js"/>` }), /preload/],
      [page().replace("</head>", ""), /no <\/head>/],
      ["<html><head></head><body><p>no scripts</p></body></html>", /no placeholder/],
    ];
    for (const [html, reason] of refusals) {
      const result = hashAllowedPage(Buffer.from(html, "utf8"), Buffer.from(PLACEHOLDER));
      expect("refused" in result ? result.refused : "kept", html.slice(-120)).toMatch(reason);
    }
  });

  it("hashes the script's UTF-8 bytes, as the browser does", () => {
    const { hashes } = fixed(page({ tail: `<script ${N}>self.__next_f.push([1,"网络空间治理"])</script>` }));
    expect(hashes).toContain(hashOf('self.__next_f.push([1,"网络空间治理"])'));
  });

  it("writes a loader with no closing tag or markup in it, for any same-origin path", () => {
    const script = loaderScript([{ src: "/_next/static/chunks/a-b_c.js", noModule: false }], [{ href: "/_next/static/chunks/d.js", fetchPriority: null }]);
    expect(script).not.toMatch(/<\/|<!--|"\s*>/);
    expect(runLoader(script)).toEqual([
      { tag: "link", rel: "preload", as: "script", href: "/_next/static/chunks/d.js" },
      { tag: "script", src: "/_next/static/chunks/a-b_c.js", async: true },
    ]);
  });
});
