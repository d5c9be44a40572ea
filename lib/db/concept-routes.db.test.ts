import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getConceptRoute } from "@/app/api/concepts/[id]/route";
import { GET as listConceptsRoute } from "@/app/api/concepts/route";
import { sampleDraft, sampleSource } from "@/tests/db/fixtures/sample-draft";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { loadDocument } from "./load-document";

const origin = "http://duizhao.test";
const request = (path: string) => new Request(`${origin}${path}`);
const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

/** The concept list and a concept's concordance page as the API answers them: pages with totals, 400 with a reason. */
describe("concept routes", () => {
  let database: TestDatabase;
  let previousUrl: string | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDocument(sampleDraft(), sampleSource, database.db);
    // The routes use the app's client, which reads DATABASE_URL.
    previousUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = database.url;
  });
  afterAll(async () => {
    process.env.DATABASE_URL = previousUrl;
    await database.drop();
  });

  it("pages the concepts with the dictionary's total, and refuses malformed paging with a reason", async () => {
    type Answer = { total: number; page: number; pageSize: number; concepts: { id: string }[] };
    const all = (await (await listConceptsRoute(request("/api/concepts"))).json()) as Answer;
    expect(all.concepts.length).toBe(all.total);
    expect(all.total).toBeGreaterThan(10);
    const second = (await (await listConceptsRoute(request("/api/concepts?page=2&pageSize=5"))).json()) as Answer;
    expect(second).toMatchObject({ total: all.total, page: 2, pageSize: 5 });
    expect(second.concepts.map((c) => c.id)).toEqual(all.concepts.slice(5, 10).map((c) => c.id));
    for (const bad of ["page=0", "page=x", "pageSize=101", "pageSize=0", "page=1.5"]) {
      const answer = await listConceptsRoute(request(`/api/concepts?${bad}`));
      expect(answer.status, bad).toBe(400);
      expect(((await answer.json()) as { error: string }).error).toMatch(/page/);
    }
  });

  it("answers a concordance page in the order asked, and 400 for an order it does not know", async () => {
    const ok = await getConceptRoute(request("/api/concepts/cyber-sovereignty?sort=right&order=desc&pageSize=2"), params({ id: "cyber-sovereignty" }));
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { sort: string; order: string; pageSize: number; mentionsTotal: number; mentions: unknown[] };
    expect(body).toMatchObject({ sort: "right", order: "desc", pageSize: 2 });
    expect(body.mentions.length).toBe(Math.min(2, body.mentionsTotal));
    for (const bad of ["sort=alphabet", "order=up", "page=-1"]) {
      const answer = await getConceptRoute(request(`/api/concepts/cyber-sovereignty?${bad}`), params({ id: "cyber-sovereignty" }));
      expect(answer.status, bad).toBe(400);
    }
  });
});
