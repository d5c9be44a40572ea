import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportBibliography } from "@/app/api/export/bibliography/route";
import { GET as exportPinpoint } from "@/app/api/export/pinpoint/route";
import { GET as exportSource } from "@/app/api/export/sources/[key]/route";
import { GET as getSourceRoute } from "@/app/api/sources/[key]/route";
import { GET as listSourcesRoute } from "@/app/api/sources/route";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { sampleDraft, sampleSource } from "@/tests/db/fixtures/sample-draft";
import { secondDraft, secondSource } from "@/tests/fixtures/sources/second-draft";
import { getCitationSourceKeys } from "./get-citation-source-keys";
import { loadDocument } from "./load-document";

const origin = "http://duizhao.test";
const request = (path: string) => new Request(`${origin}${path}`);
const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

describe("source and export routes", () => {
  let database: TestDatabase;
  let sharedKey: string;
  let previousUrl: string | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDocument(sampleDraft(), sampleSource, database.db);
    await loadDocument(secondDraft(), secondSource, database.db);
    sharedKey = (await getCitationSourceKeys("sample-essay", database.db)).get("n-00000001-c1")!;
    // The routes use the app's client, which reads DATABASE_URL.
    previousUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = database.url;
  });
  afterAll(async () => {
    process.env.DATABASE_URL = previousUrl;
    await database.drop();
  });

  it("lists sources, answers 400 with a reason for bad filters and 404 for an unknown document", async () => {
    const ok = await listSourcesRoute(request("/api/sources?type=speech"));
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { sources: { type: string }[] };
    expect(body.sources.map((s) => s.type)).toEqual(["speech"]);

    const bad = await listSourcesRoute(request("/api/sources?year=soon"));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^year:/u);
    expect((await listSourcesRoute(request("/api/sources?doc=nope"))).status).toBe(404);
  });

  it("gives a source with its citations, 400 for a malformed key and 404 for an unknown one", async () => {
    const ok = await getSourceRoute(request(`/api/sources/${sharedKey}`), params({ key: sharedKey }));
    const source = (await ok.json()) as { key: string; citations: { documentSlug: string; noteAnchor: string; block: { anchor: string }; raw: string }[] };
    expect(source.key).toBe(sharedKey);
    expect(source.citations.map((c) => [c.documentSlug, c.noteAnchor, c.block.anchor])).toEqual([
      ["sample-essay", "n-00000001", "p-00000001"],
      ["second-essay", "n-b0000001", "p-b0000001"],
    ]);
    expect((await getSourceRoute(request("/api/sources/x"), params({ key: "../x" }))).status).toBe(400);
    expect((await getSourceRoute(request("/api/sources/src-0"), params({ key: "src-0" }))).status).toBe(404);
  });

  it("downloads a source with its content type and an ASCII and a UTF-8 file name", async () => {
    const response = await exportSource(request(`/api/export/sources/${sharedKey}?format=ris`), params({ key: sharedKey }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-research-info-systems; charset=utf-8");
    const disposition = response.headers.get("content-disposition")!;
    expect(disposition).toContain(`attachment; filename="duizhao-${sharedKey}.ris"`);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/u.exec(disposition)![1]!)).toBe("网络主权：理论与实践（全文）.ris");
    // attr-chars only in filename*: the full-width brackets and colon are percent-encoded, nothing is raw.
    expect(/filename\*=UTF-8''([A-Za-z0-9!#$&+.^_`|~%-]+)$/u.test(disposition)).toBe(true);
    expect(await response.text()).toMatch(/^TY {2}- /mu);

    expect((await exportSource(request(`/api/export/sources/${sharedKey}?format=doc`), params({ key: sharedKey }))).status).toBe(400);
    expect((await exportSource(request(`/api/export/sources/${sharedKey}`), params({ key: sharedKey }))).status).toBe(400);
    expect((await exportSource(request("/api/export/sources/src-0?format=ris"), params({ key: "src-0" }))).status).toBe(404);
  });

  it("downloads one document's bibliography or the corpus's, with the page's filters", async () => {
    const doc = await exportBibliography(request("/api/export/bibliography?doc=sample-essay&format=csl-json"));
    expect(doc.headers.get("content-type")).toBe("application/vnd.citationstyles.csl+json; charset=utf-8");
    expect(doc.headers.get("content-disposition")).toContain('filename="duizhao-bibliography-sample-essay.json"');
    expect(((await doc.json()) as { id: string }[]).map((item) => item.id)).toEqual([sharedKey]);

    const corpus = await exportBibliography(request("/api/export/bibliography?format=bibtex&type=speech"));
    expect(corpus.headers.get("content-disposition")).toContain('filename="duizhao-bibliography-corpus.bib"');
    const bib = await corpus.text();
    expect(bib).toContain("习近平在第二届世界互联网大会开幕式上的讲话");
    expect(bib).not.toContain("网络主权");

    expect((await exportBibliography(request("/api/export/bibliography?format=gbt7714&doc=nope"))).status).toBe(404);
    expect((await exportBibliography(request("/api/export/bibliography?format=pdf"))).status).toBe(400);
  });

  it("cites a paragraph or a quote in it with a deep link, and 等 for a Chinese work of four authors", async () => {
    const whole = await exportPinpoint(request("/api/export/pinpoint?doc=second-essay&anchor=p-b0000001&format=gbt7714"));
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(whole.headers.get("x-duizhao-layout-page")).toBe("1");
    const text = await whole.text();
    expect(text).toContain("李四, 王五, 赵六, 等");
    expect(text).not.toMatch(/et al/iu);
    expect(text).toContain(`${origin}/read/second-essay#p-b0000001`);

    const quoted = await exportPinpoint(
      request(`/api/export/pinpoint?doc=second-essay&anchor=p-b0000001&format=gbt7714&q=${encodeURIComponent("各国都主张")}`),
    );
    const quotedText = await quoted.text();
    expect(quotedText.startsWith("“各国都主张”\n")).toBe(true);
    // The link finds the words: quote, context and where they stood.
    expect(quotedText).toContain("qa=p-b0000001&qo=13#p-b0000001");

    const ris = await exportPinpoint(request("/api/export/pinpoint?doc=sample-essay&anchor=p-00000001&format=ris"));
    const risText = await ris.text();
    expect(risText).toMatch(/^T2 {2}- 测试学报$/mu);
    expect(risText).toMatch(/^UR {2}- http:\/\/duizhao\.test\/read\/sample-essay#p-00000001$/mu);
    // The sample's one folio cannot calibrate journal pages: no page is printed rather than a wrong one.
    expect(risText).not.toMatch(/^SP {2}-/mu);

    expect((await exportPinpoint(request("/api/export/pinpoint?doc=second-essay&anchor=p-zzz&format=ris"))).status).toBe(404);
    expect((await exportPinpoint(request("/api/export/pinpoint?doc=second-essay&format=ris"))).status).toBe(400);
    expect((await exportPinpoint(request(`/api/export/pinpoint?doc=second-essay&anchor=p-b0000001&format=ris&q=${"字".repeat(700)}`))).status).toBe(400);
  });
});
