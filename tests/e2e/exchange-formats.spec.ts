import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { scholarPublicationDate } from "@/lib/exchange/citation-meta-tags";
import { issueNumber } from "@/lib/exchange/document-reference";
import { RelaxNgSchema } from "@/lib/exchange/validate-relax-ng";
import { zoteroItemFromMetaTags } from "./embedded-metadata-translator";
import { CeteiceanRender, type PlacedNote, type RenderedParagraph } from "./pages/ceteicean-render";
import { HarvestableHead } from "./pages/harvestable-head";

interface CorpusDocument {
  slug: string;
  title: string;
  authors: string[];
  journal: string | null;
  issue: string | null;
  date: string | null;
}

async function corpusDocuments(request: APIRequestContext): Promise<CorpusDocument[]> {
  const response = await request.get("/api/documents");
  expect(response.status()).toBe(200);
  const { documents } = (await response.json()) as { documents: CorpusDocument[] };
  expect(documents).toHaveLength(2);
  return documents;
}

/** The reader's body paragraphs: text without marker labels, and each marker with the offset it stands at. */
async function readerParagraphs(page: Page): Promise<{ paragraphs: RenderedParagraph[]; notes: PlacedNote[] }> {
  return page.locator("article p[data-block]").evaluateAll((paragraphs) => {
    const notes: PlacedNote[] = [];
    const texts = paragraphs.map((p) => {
      let text = "";
      for (const part of p.querySelectorAll("span[data-o], button.note-marker")) {
        if (part.matches("button.note-marker")) {
          notes.push({ block: p.getAttribute("data-block") ?? "", note: part.getAttribute("data-note") ?? "", label: part.getAttribute("data-label") ?? "", offset: text.length });
        } else if (!part.parentElement?.closest("span[data-o]")) {
          text += part.textContent ?? "";
        }
      }
      return { block: p.getAttribute("data-block") ?? "", text };
    });
    return { paragraphs: texts, notes };
  });
}

test.describe("exchange formats", () => {
  test("each reader page's head holds the citation tags a reference manager saves as a journal article", async ({ browser, request }) => {
    const documents = await corpusDocuments(request);
    // JavaScript off: the head as served, which is what crawlers and Zotero's /html/head/meta read.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const head = new HarvestableHead(await context.newPage());
    for (const document of documents) {
      for (const path of [`/read/${document.slug}`, `/read/${document.slug}?q=${encodeURIComponent("网络空间")}`]) {
        await head.goto(path);
        const item = zoteroItemFromMetaTags(await head.metaTags());
        expect(item.itemType, path).toBe("journalArticle");
        expect(item.title, path).toBe(document.title);
        expect(item.creators.map((creator) => creator.lastName + creator.firstName), path).toEqual(document.authors);
        expect(item.publicationTitle, path).toBe(document.journal ?? undefined);
        expect(item.issue, path).toBe(issueNumber(document.issue) ?? undefined);
        expect(item.date, path).toBe(scholarPublicationDate(document.date) ?? undefined);
        expect(item.language, path).toBe("zh");
        // No PDF is kept, so none is claimed.
        expect(item.attachments, path).toEqual([]);
        expect(await head.canonical(), path).toMatch(new RegExp(`/read/${document.slug}$`, "u"));

        const [article, ...others] = await head.jsonLd();
        expect(others).toEqual([]);
        expect(article).toMatchObject({ "@context": "https://schema.org", "@type": "ScholarlyArticle", name: document.title, inLanguage: "zh" });
        expect(article!.url).toMatch(new RegExp(`^https?://[^/]+/read/${document.slug}$`, "u"));
      }
    }

    // What the two essays' manifests say, spelled out: the Xu essay is fully known; the other one's author,
    // journal, issue and date are not in its text, and stay absent rather than invented (its abstract is there).
    const xu = documents.find((document) => document.title.startsWith("全球网络空间治理"))!;
    await head.goto(`/read/${xu.slug}`);
    expect(zoteroItemFromMetaTags(await head.metaTags())).toMatchObject({
      itemType: "journalArticle",
      creators: [{ creatorType: "author", lastName: "徐", firstName: "龙第" }],
      publicationTitle: "欧洲研究",
      issue: "6",
      date: "2023",
    });
    expect((await head.jsonLd())[0]).toMatchObject({
      author: [{ "@type": "Person", name: "徐龙第" }],
      datePublished: "2023",
      isPartOf: { "@type": "PublicationIssue", issueNumber: "6", isPartOf: { "@type": "Periodical", name: "欧洲研究" } },
    });
    const community = documents.find((document) => document !== xu)!;
    await head.goto(`/read/${community.slug}`);
    const names = (await head.metaTags()).map((tag) => tag.name).filter((name) => name.startsWith("citation_"));
    expect(names.sort()).toEqual(["citation_abstract", "citation_language", "citation_title"]);
    await context.close();
  });

  test("each reader page names its exports as alternates, and each answers with its media type", async ({ browser, request }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const head = new HarvestableHead(await context.newPage());
    for (const document of await corpusDocuments(request)) {
      await head.goto(`/read/${document.slug}`);
      const alternates = await head.alternates();
      expect(alternates.map((link) => link.type).sort()).toEqual(
        [
          "application/tei+xml",
          "application/x-bibtex",
          "application/x-research-info-systems",
          'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
        ].sort(),
      );
      for (const link of alternates) {
        expect(link.title, link.type).toBeTruthy();
        const response = await request.get(link.href);
        expect(response.status(), `${link.type} ${link.href}`).toBe(200);
        const served = response.headers()["content-type"] ?? "";
        const [mediaType, ...parameters] = link.type.split(";").map((part) => part.trim());
        expect(served.split(";")[0]!.trim(), link.href).toBe(mediaType);
        for (const parameter of parameters) expect(served.replace(/\s+/gu, ""), link.href).toContain(parameter.replace(/\s+/gu, ""));
        expect((await response.body()).length, link.href).toBeGreaterThan(100);
      }
      const tei = alternates.find((link) => link.type === "application/tei+xml")!;
      expect((await request.get(tei.href)).headers()["content-disposition"]).toMatch(new RegExp(`filename="duizhao-${document.slug}\\.tei\\.xml"`, "u"));
      const ris = await (await request.get(alternates.find((link) => link.type === "application/x-research-info-systems")!.href)).text();
      expect(ris).toMatch(/^TY {2}- JOUR/mu);
      expect(ris).toContain(`TI  - ${document.title}`);
    }
    await context.close();
  });

  test("the export routes refuse what names no document or format, with a reason", async ({ request }) => {
    for (const [path, status] of [
      ["/api/export/documents/no-such-essay/tei", 404],
      ["/api/export/documents/no-such-essay?format=ris", 404],
      ["/api/export/documents/Not_A_Slug/tei", 400],
      ["/api/export/documents/%E0/tei", 400],
    ] as const) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(status);
      expect(((await response.json()) as { error: string }).error, path).toBeTruthy();
    }
    const [document] = await corpusDocuments(request);
    for (const query of ["", "?format=docx", "?format=ris&extra=1"]) {
      const response = await request.get(`/api/export/documents/${document!.slug}${query}`);
      expect(response.status(), query).toBe(400);
      expect(((await response.json()) as { error: string }).error, query).toMatch(/format|extra|Unrecognized/iu);
    }
    const corpus = await request.get("/api/export/corpus/tei");
    expect(corpus.status()).toBe(200);
    expect(corpus.headers()["content-type"]).toBe("application/tei+xml; charset=utf-8");
    const xml = await corpus.text();
    expect(xml).toContain('<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"');
    expect(xml.match(/<TEI[\s>]/gu)).toHaveLength(2);
  });

  test("the served TEI, of each essay and of the corpus, is valid against the subset's RELAX NG schema, concepts by absolute URL", async ({ request, baseURL }) => {
    const schema = RelaxNgSchema.fromText(readFileSync("lib/exchange/tei-subset.rng", "utf8"));
    try {
      const paths = [...(await corpusDocuments(request)).map((document) => `/api/export/documents/${document.slug}/tei`), "/api/export/corpus/tei"];
      for (const path of paths) {
        const xml = await (await request.get(path)).text();
        expect(schema.validate(xml), path).toEqual({ valid: true, errors: [] });
        const refs = [...xml.matchAll(/<term ref="([^"]+)"/gu)].map((match) => match[1]!);
        expect(refs.length, path).toBeGreaterThan(10);
        for (const ref of new Set(refs)) expect(ref, path).toMatch(new RegExp(`^${baseURL}/concepts/[a-z0-9-]+$`, "u"));
      }
      // A concept reference leads to the concept's page.
      const xml = await (await request.get(paths[0]!)).text();
      expect((await request.get(/<term ref="([^"]+)"/u.exec(xml)![1]!)).status()).toBe(200);
    } finally {
      schema.dispose();
    }
  });

  test("a source page describes its cited work in JSON-LD, and never has it filed as the wrong kind of item", async ({ browser, request }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const head = new HarvestableHead(await context.newPage());
    for (const [type, schemaType, zoteroType] of [
      ["white-paper", "Report", "report"],
      ["journal-article", "ScholarlyArticle", "journalArticle"],
      ["news-report", "NewsArticle", null],
    ] as const) {
      const { sources } = (await (await request.get(`/api/sources?type=${type}`)).json()) as { sources: { key: string; title: string | null }[] };
      expect(sources.length, type).toBeGreaterThan(0);
      for (const source of sources.slice(0, 3)) {
        await head.goto(`/sources/${source.key}`);
        const [work, ...others] = await head.jsonLd();
        expect(others).toEqual([]);
        expect(work, source.key).toMatchObject({ "@context": "https://schema.org", "@type": schemaType });
        expect(work!.mainEntityOfPage, source.key).toMatch(new RegExp(`/sources/${source.key}$`, "u"));
        if (source.title !== null) expect(work!.name, source.key).toBe(source.title);
        else expect(work, source.key).not.toHaveProperty("name");
        expect(await head.canonical(), source.key).toMatch(new RegExp(`/sources/${source.key}$`, "u"));
        const tags = (await head.metaTags()).filter((tag) => tag.name.startsWith("citation_"));
        // Tags only where they file the work rightly; none at all for a news report (Zotero would call it a journal article).
        if (tags.length > 0) expect(zoteroItemFromMetaTags(tags).itemType, source.key).toBe(zoteroType);
        if (zoteroType === null) expect(tags, source.key).toEqual([]);
      }
    }
    await context.close();
  });

  test("an essay's TEI, rendered by CETEIcean, has the reader's paragraphs and every note at its marker", async ({ page, request }) => {
    const documents = await corpusDocuments(request);
    const render = new CeteiceanRender(page);
    for (const document of documents) {
      await page.goto(`/read/${document.slug}`);
      const reader = await readerParagraphs(page);
      expect(reader.paragraphs.length).toBeGreaterThan(10);
      expect(reader.notes.length).toBeGreaterThan(5);

      const response = await request.get(`/api/export/documents/${document.slug}/tei`);
      expect(response.status()).toBe(200);
      await render.render(await response.text());
      expect(await render.bodyParagraphCount()).toBe(reader.paragraphs.length);
      expect(await render.paragraphs()).toEqual(reader.paragraphs);
      expect(await render.placedNotes()).toEqual(reader.notes);
    }
  });
});
