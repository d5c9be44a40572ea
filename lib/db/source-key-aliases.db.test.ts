import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Citation, DocumentStructure } from "@/lib/model/document-model";
import { sampleDraft, sampleSource } from "@/tests/db/fixtures/sample-draft";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { getSource } from "./get-source";
import { loadDocument } from "./load-document";
type SourceProvenance = Parameters<typeof loadDocument>[1];
import { removeDocument } from "./remove-document";
import { resolveMovedSourceKey } from "./resolve-source-key";

/**
 * Old links to a source page keep working when its citations join another work: two outlets' reports of one
 * speech become one source when a second essay names the event (reported-event.ts), and the key the first
 * essay's source had is sent to the merged one; parted again, each key names its own source once more.
 */
function essayCiting(slug: string, citation: Partial<Citation>, sentence: string, sha: string): [DocumentStructure, SourceProvenance] {
  const draft = sampleDraft({ slug });
  draft.paragraphs[0] = { ...draft.paragraphs[0]!, text: sentence, markers: [{ label: "①", footnoteAnchor: "n-00000001", offset: sentence.length }] };
  const note = draft.footnotes[0]!;
  note.citations = [{ ...note.citations[0]!, ...citation, raw: `《${citation.title}》，${citation.container}，2018年4月21日。` }];
  note.text = note.citations[0]!.raw;
  return [draft, { ...sampleSource, sourceFile: `${slug}.txt`, sourceSha256: sha.repeat(64), manifest: null }];
}

const XINHUA = { title: "习近平：自主创新推进网络强国建设", container: "新华网", date: "2018-04-21", url: "http://www.xinhuanet.com/politics/2018-04/21/c_1122719810.htm" };
const GOV = { title: "习近平出席全国网络安全和信息化工作会议并发表重要讲话", container: "中国政府网", date: "2018-04-21", url: "http://www.gov.cn/xinwen/2018-04/21/content_5284783.htm" };

describe("source key aliases", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  const keyOf = async (slug: string) =>
    (await database.db.citation.findFirstOrThrow({ where: { document: { slug } }, select: { source: { select: { key: true } } } })).source!.key;

  it("send a key whose citations joined another work to that work, and forget it when the works part again", async () => {
    await loadDocument(...essayCiting("report-a", XINHUA, "例如，在2018年4月全国网络安全和信息化工作会议上，他强调推进变革。", "1"), database.db);
    const first = await keyOf("report-a");
    expect(await resolveMovedSourceKey(first, database.db)).toBeNull();

    // A second essay cites the other outlet's report of the same speech: one work now.
    await loadDocument(...essayCiting("report-b", GOV, "他强调要加强网络安全。", "2"), database.db);
    const merged = await keyOf("report-b");
    // The merged work is named by the other report's title (the smaller): the first key is the one moved.
    expect(merged).not.toBe(first);
    expect(await keyOf("report-a")).toBe(merged);
    const source = await getSource(merged, database.db);
    expect(source!.citations).toHaveLength(2);
    expect(await getSource(first, database.db)).toBeNull();
    expect(await resolveMovedSourceKey(first, database.db)).toBe(merged);

    // The second essay removed: the first essay's report is a work of its own again, under its own key.
    await removeDocument("report-b", database.db);
    expect(await keyOf("report-a")).toBe(first);
    expect(await resolveMovedSourceKey(first, database.db)).toBeNull();
    expect(await database.db.sourceKeyAlias.count({ where: { key: first } })).toBe(0);
    // The merged key, if it was another, is sent where its remaining citation went.
    expect(await resolveMovedSourceKey(merged, database.db)).toBe(first);
    // Both essays removed: the work is no longer in the corpus, and no key is sent anywhere.
    await removeDocument("report-a", database.db);
    for (const key of new Set([first, merged])) expect(await resolveMovedSourceKey(key, database.db)).toBeNull();
    expect(await database.db.sourceKeyAlias.count({ where: { OR: [{ key: first }, { key: merged }, { sourceKey: first }, { sourceKey: merged }] } })).toBe(0);
  });

  it("follow a key through several merges to the work its citations are in now", async () => {
    await loadDocument(...essayCiting("chain-a", { ...XINHUA, date: "2019-05-01", url: null, title: "甲某：推进网络强国建设" }, "在2019年5月数字中国建设峰会上，他指出方向。", "3"), database.db);
    const a = await keyOf("chain-a");
    await loadDocument(...essayCiting("chain-b", { ...GOV, date: "2019-05-01", url: null, title: "甲某出席数字中国建设峰会并致辞" }, "他指出方向。", "4"), database.db);
    const ab = await keyOf("chain-a");
    await loadDocument(...essayCiting("chain-c", { title: "甲某在数字中国建设峰会上的讲话", container: "人民网", date: "2019-05-01", url: null }, "他指出方向。", "5"), database.db);
    const abc = await keyOf("chain-c");
    expect(await keyOf("chain-a")).toBe(abc);
    for (const key of new Set([a, ab])) if (key !== abc) expect(await resolveMovedSourceKey(key, database.db)).toBe(abc);
  });
});
