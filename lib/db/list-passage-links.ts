import "server-only";
import { getDatabase, type Database } from "./prisma-client";

export const LINK_KINDS = ["shared_source", "shared_passage", "concept_overlap"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface LinkEnd {
  blockKind: "heading" | "paragraph" | "footnote";
  anchor: string;
  start: number | null;
  end: number | null;
}

export interface PassageLinkView {
  id: string;
  kind: LinkKind;
  left: LinkEnd;
  right: LinkEnd;
  confidence: number;
  /** As stored, with left/right-named fields swapped when the link was stored the other way round. */
  evidence: unknown;
}

export interface PassageLinks {
  left: { slug: string; title: string };
  right: { slug: string; title: string };
  counts: Record<LinkKind, number>;
  links: PassageLinkView[];
}

export type PassageLinksResult = PassageLinks | { missing: string[] };

/**
 * The links between two documents, seen from `left` to `right`. The loader stores each pair once (in
 * its own order), so links stored as right→left are flipped, evidence included, and both orders of
 * asking give the same links mirrored. Returns the unknown slugs when a document does not exist.
 */
export async function listPassageLinks(
  query: { left: string; right: string; kind?: LinkKind },
  db: Database = getDatabase(),
): Promise<PassageLinksResult> {
  const documents = await db.document.findMany({
    where: { slug: { in: [query.left, query.right] } },
    select: { id: true, slug: true, title: true },
  });
  const left = documents.find((d) => d.slug === query.left);
  const right = documents.find((d) => d.slug === query.right);
  if (!left || !right) return { missing: [query.left, query.right].filter((slug) => !documents.some((d) => d.slug === slug)) };

  const rows = await db.passageLink.findMany({
    where: {
      OR: [
        { leftDocumentId: left.id, rightDocumentId: right.id },
        { leftDocumentId: right.id, rightDocumentId: left.id },
      ],
      ...(query.kind ? { kind: query.kind } : {}),
    },
    orderBy: [{ kind: "asc" }, { confidence: "desc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      leftDocumentId: true,
      leftKind: true,
      leftAnchor: true,
      leftStart: true,
      leftEnd: true,
      rightKind: true,
      rightAnchor: true,
      rightStart: true,
      rightEnd: true,
      confidence: true,
      evidence: true,
    },
  });

  const links = rows.map((row) => {
    const stored: PassageLinkView = {
      id: row.id,
      kind: row.kind,
      left: { blockKind: row.leftKind, anchor: row.leftAnchor, start: row.leftStart, end: row.leftEnd },
      right: { blockKind: row.rightKind, anchor: row.rightAnchor, start: row.rightStart, end: row.rightEnd },
      confidence: row.confidence,
      evidence: row.evidence,
    };
    return row.leftDocumentId === left.id ? stored : flipLink(stored);
  });
  const counts = Object.fromEntries(LINK_KINDS.map((kind) => [kind, links.filter((l) => l.kind === kind).length])) as Record<LinkKind, number>;
  return { left: { slug: left.slug, title: left.title }, right: { slug: right.slug, title: right.title }, counts, links };
}

/** The same link seen from the other document. */
export function flipLink(link: PassageLinkView): PassageLinkView {
  return { ...link, left: link.right, right: link.left, evidence: flipEvidence(link.evidence) };
}

/**
 * Evidence names its sides in its keys (leftText, rightNote, rankInLeft…); a flipped link must say the
 * same thing about the same passages, so those keys trade places. Values are left alone.
 */
export function flipEvidence(evidence: unknown): unknown {
  if (typeof evidence !== "object" || evidence === null || Array.isArray(evidence)) return evidence;
  return Object.fromEntries(Object.entries(evidence).map(([key, value]) => [swapSide(key), value]));
}

function swapSide(key: string): string {
  return key.replace(/^(left|right)(?=[A-Z]|$)|(Left|Right)(?=[A-Z]|$)/u, (side: string) => SIDE_SWAP[side] ?? side);
}

const SIDE_SWAP: Record<string, string> = { left: "right", right: "left", Left: "Right", Right: "Left" };
