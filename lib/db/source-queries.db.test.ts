import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportSources } from "@/lib/citations/export-sources";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { sampleDraft, sampleSource } from "@/tests/db/fixtures/sample-draft";
import { secondDraft, secondSource } from "@/tests/fixtures/sources/second-draft";
import { describeTrail } from "./describe-trail";
import { getCitationSourceKeys } from "./get-citation-source-keys";
import { getPinpointTarget } from "./get-pinpoint-target";
import { getSource } from "./get-source";
import { listSources, SOURCE_SORTS, sourceListQuerySchema } from "./list-sources";
import { loadDocument } from "./load-document";
import { toSourceRecord } from "./source-record";

describe("source, bibliography and trail queries", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDocument(sampleDraft(), sampleSource, database.db);
    await loadDocument(secondDraft(), secondSource, database.db);
  });
  afterAll(async () => database.drop());

  const query = (params: Record<string, string>) => sourceListQuerySchema.parse(params);

  it("maps each citation of a document to its source, the same work in both documents to one key", async () => {
    const first = await getCitationSourceKeys("sample-essay", database.db);
    const second = await getCitationSourceKeys("second-essay", database.db);
    expect([...first.keys()]).toEqual(["n-00000001-c1"]);
    expect(second.size).toBe(3);
    expect(second.get("n-b0000001-c1")).toBe(first.get("n-00000001-c1"));
    // 同上 joins the work it repeats.
    expect(second.get("n-b0000003-c1")).toBe(second.get("n-b0000002-c1"));
    expect(second.get("n-b0000002-c1")).not.toBe(first.get("n-00000001-c1"));
    expect((await getCitationSourceKeys("no-such-essay", database.db)).size).toBe(0);
  });

  it("gives a source with every citing note in context and the documents sharing it", async () => {
    const key = (await getCitationSourceKeys("sample-essay", database.db)).get("n-00000001-c1")!;
    const source = await getSource(key, database.db);
    // The richest citation (host, date, URL) gives the record; the host makes it a news report.
    expect(source).toMatchObject({ key, title: "网络主权：理论与实践（全文）", type: "news-report", date: "2021-09-28", urls: ["http://www.xinhuanet.com/sovereignty.htm"] });
    expect(source!.evidence.map((e) => e.kind)).toContain("same-title");
    expect(source!.documents).toEqual([
      { slug: "sample-essay", title: "样例文章：测试用", citations: 1 },
      { slug: "second-essay", title: "第二篇样例：共同体研究", citations: 1 },
    ]);
    const [inSample, inSecond] = source!.citations;
    expect(inSample).toMatchObject({
      documentSlug: "sample-essay",
      noteAnchor: "n-00000001",
      noteLabel: "①",
      raw: "《网络主权：理论与实践》，世界互联网大会网站，2021年9月28日。",
      block: { kind: "paragraph", anchor: "p-00000001", excerpt: { before: "网络主权是国家主权在网络空间的自然延伸。", after: "" } },
    });
    // The excerpt is split at the marker's offset.
    expect(inSecond!.block!.excerpt.before).toBe("网络主权原则得到广泛认可。");
    expect(inSecond!.block!.excerpt.after).toBe("各国都主张尊重网络主权。");
    expect(await getSource("src-none", database.db)).toBeNull();
  });

  it("lists the corpus bibliography with where each work is cited, sorted and filtered", async () => {
    const all = await listSources(query({}), database.db);
    expect(all!.document).toBeNull();
    expect(all!.total).toBe(2);
    expect(all!.types).toEqual(["speech", "news-report"]);
    expect(all!.years).toEqual([2015, 2021]);
    const speech = all!.sources.find((s) => s.type === "speech")!;
    expect(speech).toMatchObject({ timesCited: 2, citedIn: [{ slug: "second-essay", citations: 2 }] });

    const byCited = await listSources(query({ sort: "cited" }), database.db);
    expect(byCited!.sources.map((s) => s.timesCited)).toEqual([2, 2]);
    const byDate = await listSources(query({ sort: "date", dir: "desc" }), database.db);
    expect(byDate!.sources.map((s) => s.year)).toEqual([2021, 2015]);
    const byType = await listSources(query({ sort: "type" }), database.db);
    expect(byType!.sources.map((s) => s.type)).toEqual(["speech", "news-report"]);

    expect((await listSources(query({ type: "speech" }), database.db))!.sources.map((s) => s.type)).toEqual(["speech"]);
    expect((await listSources(query({ year: "2021" }), database.db))!.sources.map((s) => s.year)).toEqual([2021]);
    expect((await listSources(query({ year: "1999" }), database.db))!.sources).toEqual([]);
  });

  it("reads one page in full, the same sources in the same order as the whole list, with how many the filters keep", async () => {
    for (const sort of SOURCE_SORTS) {
      for (const dir of ["asc", "desc"]) {
        const all = (await listSources(query({ sort, dir }), database.db))!;
        const paged = [];
        for (let page = 1; page <= all.sources.length + 1; page++) {
          const one = (await listSources(query({ sort, dir }), database.db, { page: { page, pageSize: 1 } }))!;
          expect(one.matching).toBe(all.sources.length);
          expect(one.sources.length).toBe(page <= all.sources.length ? 1 : 0);
          paged.push(...one.sources);
        }
        expect(paged, `${sort} ${dir}`).toEqual(all.sources);
      }
    }
    const speeches = (await listSources(query({ type: "speech" }), database.db, { page: { page: 1, pageSize: 50 } }))!;
    expect([speeches.matching, speeches.total]).toEqual([1, 2]);
  });

  it("scopes a bibliography to one document, counting that document's citations", async () => {
    const sample = await listSources(query({ doc: "sample-essay" }), database.db);
    expect(sample!.document).toEqual({ slug: "sample-essay", title: "样例文章：测试用" });
    expect(sample!.sources).toHaveLength(1);
    expect(sample!.sources[0]).toMatchObject({ timesCited: 1, citedIn: [{ slug: "sample-essay" }, { slug: "second-essay" }] });
    expect(await listSources(query({ doc: "no-such-essay" }), database.db)).toBeNull();
  });

  it("rejects bad list parameters with reasons and reads blank form fields as no filter", () => {
    expect(sourceListQuerySchema.safeParse({ type: "poem" }).success).toBe(false);
    expect(sourceListQuerySchema.safeParse({ year: "20x1" }).success).toBe(false);
    expect(sourceListQuerySchema.safeParse({ doc: "../etc" }).success).toBe(false);
    expect(sourceListQuerySchema.safeParse({ sort: "popularity" }).success).toBe(false);
    expect(sourceListQuerySchema.safeParse({ bogus: "1" }).success).toBe(false);
    expect(sourceListQuerySchema.parse({ type: "", year: "", doc: "" })).toEqual({ sort: "title" });
  });

  it("turns stored sources back into records the exporters take", async () => {
    const all = await listSources(query({ sort: "date" }), database.db);
    const gbt = exportSources(all!.sources.map(toSourceRecord), "gbt7714").body;
    expect(gbt).toMatch(/^\[1\] 习近平在第二届世界互联网大会开幕式上的讲话/mu);
    expect(gbt).toMatch(/^\[2\] 网络主权：理论与实践/mu);
    expect(gbt).toContain("http://www.xinhuanet.com/sovereignty.htm");
    const bibtex = exportSources(all!.sources.map(toSourceRecord), "bibtex").body;
    // One entry per source, each under its own label made from author, year and title (issue 17), never the
    // internal key (citation-js would print it without its hyphen).
    const labels = [...bibtex.matchAll(/^@\w+\{([^,\n]+),/gmu)].map((match) => match[1]);
    expect(labels).toHaveLength(all!.sources.length);
    expect(new Set(labels).size).toBe(labels.length);
    for (const source of all!.sources) expect(bibtex).not.toContain(source.key.replace("-", ""));
  });

  it("finds a paragraph to cite with its page, and says when the page is unknown", async () => {
    const target = await getPinpointTarget("sample-essay", "p-00000001", database.db);
    expect(target).toMatchObject({
      document: { slug: "sample-essay", journal: "测试学报", issue: "2024年第1期" },
      block: { kind: "paragraph", anchor: "p-00000001" },
      layoutPage: 1,
      // One folio cannot calibrate journal pages.
      journalPage: null,
    });
    // p-00000003 (line 22) follows page 1's note: page 2 of 2.
    expect((await getPinpointTarget("sample-essay", "p-00000003", database.db))!.layoutPage).toBe(2);
    expect(await getPinpointTarget("sample-essay", "p-nope", database.db)).toBeNull();
    expect(await getPinpointTarget("no-such-essay", "p-00000001", database.db)).toBeNull();
  });

  it("labels trail steps from the database and marks the ones it cannot find", async () => {
    const key = (await getCitationSourceKeys("sample-essay", database.db)).get("n-00000001-c1")!;
    const labels = await describeTrail(
      [
        { kind: "marker", slug: "sample-essay", noteAnchor: "n-00000001" },
        { kind: "source", key },
        { kind: "note", slug: "second-essay", noteAnchor: "n-gone" },
      ],
      database.db,
    );
    expect(labels.get("m.sample-essay.n-00000001")).toEqual({ label: "样例文章：测试用 · 注①", found: true });
    expect(labels.get(`s.${key}`)).toEqual({ label: "《网络主权：理论与实践（全文）》", found: true });
    expect(labels.get("n.second-essay.n-gone")).toEqual({ label: "second-essay · n-gone", found: false });
  });
});
