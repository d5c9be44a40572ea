import "server-only";
import type { MentionBlockKind } from "@/lib/derivations/find-mentions";
import type { DatabaseTransaction } from "./prisma-client";

/**
 * The texts of these blocks (headings, paragraphs, notes), keyed by document id and anchor (anchors are unique
 * in a document across kinds: h-, p-, n-). One query, whatever the number of blocks. Takes a client or the
 * loading transaction.
 */
export async function readBlockTexts(
  blocks: readonly { documentId: string; blockKind: MentionBlockKind; blockAnchor: string }[],
  db: DatabaseTransaction,
): Promise<Map<string, string>> {
  if (blocks.length === 0) return new Map();
  const of = (kind: MentionBlockKind) => {
    const wanted = blocks.filter((b) => b.blockKind === kind);
    return [wanted.map((b) => b.documentId), wanted.map((b) => b.blockAnchor)] as const;
  };
  const [hd, ha] = of("heading");
  const [pd, pa] = of("paragraph");
  const [fd, fa] = of("footnote");
  const rows = await db.$queryRaw<{ documentId: string; anchor: string; text: string }[]>`
    select b."documentId", b.anchor, b.text from "Heading" b join unnest(${hd}::text[], ${ha}::text[]) as c(d, a) on b."documentId" = c.d and b.anchor = c.a
    union all
    select b."documentId", b.anchor, b.text from "Paragraph" b join unnest(${pd}::text[], ${pa}::text[]) as c(d, a) on b."documentId" = c.d and b.anchor = c.a
    union all
    select b."documentId", b.anchor, b.text from "Footnote" b join unnest(${fd}::text[], ${fa}::text[]) as c(d, a) on b."documentId" = c.d and b.anchor = c.a`;
  return new Map(rows.map((row) => [`${row.documentId}\u0000${row.anchor}`, row.text]));
}
