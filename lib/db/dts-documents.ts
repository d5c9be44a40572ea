import "server-only";
import { getDocumentStructure } from "./get-document";
import { getDocumentProvenance } from "./get-document-provenance";
import { getDatabase, type Database } from "./prisma-client";
import { resolveAnchor } from "./resolve-anchor";

/**
 * What the Distributed Text Services endpoints (app/api/dts) read: the corpus's documents as DTS resources,
 * one document with what its TEI is made of, and where an identifier of an earlier version points now.
 */

const resourceSelect = { slug: true, title: true, authors: true, journal: true, issue: true, date: true, abstract: true } as const;

export interface DtsResourceRow {
  slug: string;
  title: string;
  authors: string[];
  journal: string | null;
  issue: string | null;
  date: string | null;
  abstract: string | null;
}

/** One page of the corpus's documents, in the order the home page lists them (date, then slug), and how many there are. */
export async function listDtsResources(page: { skip: number; take: number }, db: Database = getDatabase()): Promise<{ total: number; resources: DtsResourceRow[] }> {
  const [total, resources] = await Promise.all([
    db.document.count(),
    db.document.findMany({ orderBy: [{ date: "asc" }, { slug: "asc" }], skip: page.skip, take: page.take, select: resourceSelect }),
  ]);
  return { total, resources };
}

export async function getDtsResource(slug: string, db: Database = getDatabase()): Promise<DtsResourceRow | null> {
  return db.document.findUnique({ where: { slug }, select: resourceSelect });
}

/**
 * A document with everything its TEI is written from (lib/exchange/document-to-tei.ts), read as the TEI
 * export reads it: the document model, and the ingest's provenance with the concept mentions; null when no
 * document has that slug.
 */
export async function getDtsTeiSource(slug: string, db: Database = getDatabase()) {
  const [document, provenance] = await Promise.all([getDocumentStructure(slug, db), getDocumentProvenance(slug, db)]);
  // Both or neither: a re-ingest replaces a document's rows in one transaction.
  if (!document || !provenance) return null;
  return { document, ...provenance };
}

export type DtsRefResolution =
  | { status: "moved"; identifier: string; to: string }
  | { status: "orphaned"; identifier: string; quote: string }
  | { status: "unknown"; identifier: string };

/**
 * Where an identifier that is not a unit of the document's citation tree points now (`isUnit` says what the
 * tree holds): an anchor of an earlier version that moved goes where the reader sends it (the block its passage
 * now begins in), a citation's anchor (`<note>-c<i>`) to its note; a passage removed at a re-ingest is orphaned,
 * with the words it had. Never a guess: anything else is unknown.
 */
export async function resolveDtsRef(
  slug: string,
  identifier: string,
  isUnit: (identifier: string) => boolean,
  db: Database = getDatabase(),
): Promise<DtsRefResolution> {
  const document = await db.document.findUnique({ where: { slug }, select: { id: true } });
  if (!document) return { status: "unknown", identifier };
  const resolution = await resolveAnchor(document.id, identifier, db);
  const citationOf = /^(.+)-c\d+$/u.exec(identifier)?.[1];
  if (resolution.status === "moved" && isUnit(resolution.targetAnchor)) return { status: "moved", identifier, to: resolution.targetAnchor };
  if (resolution.status === "current" && citationOf !== undefined && isUnit(citationOf)) return { status: "moved", identifier, to: citationOf };
  if (resolution.status === "orphaned") return { status: "orphaned", identifier, quote: resolution.quote };
  return { status: "unknown", identifier };
}

/** How many documents the corpus holds (the corpus Collection's `totalChildren`). */
export async function countDtsResources(db: Database = getDatabase()): Promise<number> {
  return db.document.count();
}
