import "server-only";
import { z } from "zod";
import { EVIDENCE_KINDS, SOURCE_TYPES, type SourceRecord } from "@/lib/citations/group-sources";

/** The columns of a Source row every source query reads. */
export const sourceRowSelect = {
  key: true,
  title: true,
  authors: true,
  type: true,
  date: true,
  container: true,
  urls: true,
  confidence: true,
  evidence: true,
} as const;

export interface SourceRow {
  key: string;
  title: string | null;
  authors: string[];
  type: string;
  date: string | null;
  container: string | null;
  urls: string[];
  confidence: number;
  evidence: unknown;
  /** The citations of it, when the query read their words (for a work no note gives a title for). */
  citations?: readonly { raw?: string }[];
}

const mergeSchema = z.object({ kind: z.enum(EVIDENCE_KINDS), detail: z.string() });

/** The merges that parse: one of a kind this version does not know is left out, the rest kept. */
function knownMerges(merges: unknown[]): z.infer<typeof mergeSchema>[] {
  return merges.flatMap((merge) => {
    const parsed = mergeSchema.safeParse(merge);
    return parsed.success ? [parsed.data] : [];
  });
}

// Written by rebuild-corpus-derivations.ts; read defensively so an older row never breaks a page.
const evidenceSchema = z.object({
  merges: z.array(z.unknown()).catch([]).transform(knownMerges),
  versions: z.array(z.string()).catch([]),
  issue: z.string().nullable().catch(null),
  pages: z.string().nullable().catch(null),
});

const sourceTypeSchema = z.enum(SOURCE_TYPES).catch("other");

/**
 * A source as the pages show it: the grouping's record without its citation list, and for a work no note
 * gives a title for, the words a note cites it by (`citedAs`): what it is cited and exported as, never its key.
 */
export type SourceDetails = Omit<SourceRecord, "citations"> & { citedAs: string | null };

/** The words an untitled work is cited by: of its citations' words, the first in code-point order (the same every time). */
function citedAsOf(row: SourceRow): string | null {
  if (row.title) return null;
  const words = (row.citations ?? []).flatMap((citation) => (citation.raw?.trim() ? [citation.raw.trim()] : []));
  return words.sort()[0] ?? null;
}

export function toSourceDetails(row: SourceRow): SourceDetails {
  const parsed = evidenceSchema.safeParse(row.evidence);
  const evidence = parsed.success ? parsed.data : { merges: [], versions: [], issue: null, pages: null };
  return {
    key: row.key,
    title: row.title,
    authors: row.authors,
    type: sourceTypeSchema.parse(row.type),
    date: row.date,
    container: row.container,
    issue: evidence.issue,
    pages: evidence.pages,
    versions: evidence.versions,
    urls: row.urls,
    confidence: row.confidence,
    evidence: evidence.merges,
    citedAs: citedAsOf(row),
  };
}

/** The shape the exporters take (citations are not exported; they only mark the item as a source). */
export function toSourceRecord(details: SourceDetails): SourceRecord & { citedAs: string | null } {
  return { ...details, citations: [] };
}

/** The year of an ISO-like date ("2015-12-16" → 2015). */
export function yearOf(date: string | null): number | null {
  const match = date ? /^(\d{4})/u.exec(date) : null;
  return match ? Number(match[1]) : null;
}
