import "server-only";
import { corpusVersion } from "./list-catalogue";
import { getDatabase, type Database } from "./prisma-client";

/**
 * The texts to read beside a document: those sharing the most with it, by the works they both cite
 * (Citation.sourceId) and the concepts they both mention (ConceptMention). Read from those rows directly,
 * not from the stored passage links, so that it stands whatever becomes of how links are stored.
 *
 * Each shared work or concept counts by how rare it is in the corpus, as an inverse document frequency,
 * ln(1 + N / df): a white paper cited by three essays says more about two of them than a concept every
 * essay mentions. The 1 + keeps every shared thing worth something in a corpus of two.
 */

export interface CompareSuggestion {
  slug: string;
  title: string;
  date: string | null;
  /** Distinct works both cite. */
  sharedSources: number;
  /** Distinct concepts both mention. */
  sharedConcepts: number;
  score: number;
}

/** Suggestions offered beside "Compare with…": a short list read at a glance, the type-ahead reaches the rest. */
export const COMPARE_SUGGESTIONS = 5;

/** Who holds what, for one corpus version: the posting lists of works and concepts, and the documents. */
interface SharingIndex {
  documents: Map<string, { slug: string; title: string; date: string | null }>;
  idBySlug: Map<string, string>;
  /** Per document, the works it cites and the concepts it mentions (distinct). */
  holds: Map<string, { sources: string[]; concepts: string[] }>;
  /** Per work (per concept), the documents holding it. */
  sourceDocuments: Map<string, string[]>;
  conceptDocuments: Map<string, string[]>;
}

/**
 * Built once per corpus version (the catalogue's, see list-catalogue.ts) from the distinct (document, work)
 * and (document, concept) pairs: some 10^5 rows at 1,000 essays, read in one pass instead of once per
 * suggestion (each of which would otherwise read every document of every concept it mentions).
 */
const indexes = new WeakMap<Database, { version: string; index: Promise<SharingIndex> }>();

async function sharingIndex(db: Database): Promise<SharingIndex> {
  const version = await corpusVersion(db);
  const known = indexes.get(db);
  if (known && known.version === version) return known.index;
  const index = buildSharingIndex(db);
  indexes.set(db, { version, index });
  // A failed build is not kept: the next request tries again.
  index.catch(() => indexes.get(db)?.index === index && indexes.delete(db));
  return index;
}

async function buildSharingIndex(db: Database): Promise<SharingIndex> {
  const [documents, sourcePairs, conceptPairs] = await Promise.all([
    db.document.findMany({ select: { id: true, slug: true, title: true, date: true } }),
    db.$queryRaw<{ doc: string; id: string }[]>`select distinct "documentId" as doc, "sourceId" as id from "Citation" where "sourceId" is not null`,
    db.$queryRaw<{ doc: string; id: string }[]>`select distinct "documentId" as doc, "conceptId" as id from "ConceptMention"`,
  ]);
  const holds = new Map(documents.map((d) => [d.id, { sources: [] as string[], concepts: [] as string[] }]));
  const postings = (pairs: { doc: string; id: string }[], kind: "sources" | "concepts") => {
    const lists = new Map<string, string[]>();
    for (const { doc, id } of pairs) {
      holds.get(doc)?.[kind].push(id);
      const list = lists.get(id);
      if (list) list.push(doc);
      else lists.set(id, [doc]);
    }
    return lists;
  };
  return {
    documents: new Map(documents.map(({ id, ...d }) => [id, d])),
    idBySlug: new Map(documents.map((d) => [d.slug, d.id])),
    holds,
    sourceDocuments: postings(sourcePairs, "sources"),
    conceptDocuments: postings(conceptPairs, "concepts"),
  };
}

/** The documents sharing most with `slug`, best first; empty when it shares nothing or does not exist. */
export async function suggestCompareTexts(slug: string, limit: number = COMPARE_SUGGESTIONS, db: Database = getDatabase()): Promise<CompareSuggestion[]> {
  const index = await sharingIndex(db);
  const me = index.idBySlug.get(slug);
  const mine = me === undefined ? undefined : index.holds.get(me);
  if (me === undefined || !mine) return [];
  const n = index.documents.size;
  const tally = new Map<string, { sharedSources: number; sharedConcepts: number; score: number }>();
  const add = (ids: string[], lists: Map<string, string[]>, field: "sharedSources" | "sharedConcepts") => {
    for (const id of ids) {
      const holders = lists.get(id) ?? [];
      const weight = Math.log(1 + n / holders.length);
      for (const other of holders) {
        if (other === me) continue;
        const entry = tally.get(other) ?? { sharedSources: 0, sharedConcepts: 0, score: 0 };
        entry[field] += 1;
        entry.score += weight;
        tally.set(other, entry);
      }
    }
  };
  add(mine.sources, index.sourceDocuments, "sharedSources");
  add(mine.concepts, index.conceptDocuments, "sharedConcepts");
  return [...tally]
    .map(([id, shared]) => ({ ...index.documents.get(id)!, ...shared }))
    // Best first; ties newest first (undated last, as "" sorts before any date), then by slug.
    .sort((a, b) => b.score - a.score || (b.date ?? "").localeCompare(a.date ?? "") || a.slug.localeCompare(b.slug))
    .slice(0, limit)
    .map(({ slug: s, title, date, sharedSources, sharedConcepts, score }) => ({ slug: s, title, date, sharedSources, sharedConcepts, score }));
}
