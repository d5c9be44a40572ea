import { sourceToCslItem } from "@/lib/citations/csl-item";
import type { SourceRecord } from "@/lib/citations/group-sources";
import type { DocumentReference } from "./document-reference";

/**
 * Highwire Press `citation_*` meta tags of a reader page: what Google Scholar's crawler and reference
 * managers' page translators (Zotero's "Embedded Metadata", Mendeley's and EndNote's capture) read to
 * record the essay as a journal article rather than a bare web page. Pure: the essay's reference in, the
 * tags (name, content) in document order out. A field the data do not give is left out, never guessed.
 *
 * - `citation_author`: one tag per author, the name as printed. Google Scholar takes "Last, First" or
 *   "First Last"; a Chinese name is written family name first with no separator, which both read whole.
 * - `citation_publication_date`: Google Scholar's format, `2010/5/12`, or as much of it as is known
 *   (`2010/5`, `2010`).
 * - `citation_issue`: the issue number ("6" of 2023年第6期), as the field means; the year is in the date.
 * - `citation_firstpage`/`citation_lastpage` and `citation_pdf_url` only when known and kept.
 */
export type MetaTag = readonly [name: string, content: string];

export interface CitationMetaOptions {
  /** Absolute URL of the article's PDF, when one is kept (`GET /api/documents/<slug>/pdf`). */
  pdfUrl?: string | null;
}

/** "2023-06-05" → "2023/6/5"; "2023-06" → "2023/6"; "2023" → "2023"; anything else: null (left out). */
export function scholarPublicationDate(date: string | null): string | null {
  const match = date ? /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/u.exec(date.trim()) : null;
  if (!match) return null;
  const [, year, month, day] = match;
  const parts = [year!];
  if (month !== undefined) {
    if (Number(month) < 1 || Number(month) > 12) return year!;
    parts.push(String(Number(month)));
    if (day !== undefined && Number(day) >= 1 && Number(day) <= 31) parts.push(String(Number(day)));
  }
  return parts.join("/");
}

export function citationMetaTags(reference: DocumentReference, options: CitationMetaOptions = {}): MetaTag[] {
  const tags: MetaTag[] = [["citation_title", reference.title]];
  for (const author of reference.authors) tags.push(["citation_author", author]);
  if (reference.journal !== null) tags.push(["citation_journal_title", reference.journal]);
  if (reference.issue !== null) tags.push(["citation_issue", reference.issue]);
  const date = scholarPublicationDate(reference.date);
  if (date !== null) tags.push(["citation_publication_date", date]);
  if (reference.pages) {
    tags.push(["citation_firstpage", reference.pages.first]);
    if (reference.pages.last !== null) tags.push(["citation_lastpage", reference.pages.last]);
  }
  tags.push(["citation_language", reference.language]);
  if (reference.abstract !== null) tags.push(["citation_abstract", reference.abstract]);
  if (options.pdfUrl) tags.push(["citation_pdf_url", options.pdfUrl]);
  return tags.filter(([, content]) => content.trim() !== "");
}

/**
 * The tags as Next's metadata `other` field: one key per name, an array where a name repeats (Next writes
 * one `<meta name content>` per array item, in order, so authors keep their order).
 */
export function metaTagsAsMetadataOther(tags: readonly MetaTag[]): Record<string, string | string[]> {
  const grouped = new Map<string, string[]>();
  for (const [name, content] of tags) grouped.set(name, [...(grouped.get(name) ?? []), content]);
  return Object.fromEntries([...grouped].map(([name, contents]) => [name, contents.length === 1 ? contents[0]! : contents]));
}

/** "12-20", "12–20", "12" (what notes print); anything else ("第3版", "12, 15") is not split. */
const PAGE_RANGE = /^\s*(\d+)\s*(?:[-–—~]\s*(\d+)\s*)?$/u;

/**
 * Highwire tags of a cited work (a source page), only where they make a reference manager record the right
 * kind of item: a journal article whose journal is known (`citation_journal_title`), or a report or white paper
 * whose issuing body is (`citation_technical_report_institution`; the body decided as the citation exports
 * decide it, lib/citations/csl-item.ts). Any other work (a speech, a news report, a web page) gets none: Zotero
 * reads a lone `citation_title` as a journal article, which would misfile it; its JSON-LD still describes it.
 * Pages become first and last page only when they are a plain range.
 */
export function citedWorkMetaTags(source: SourceRecord): MetaTag[] {
  if (source.title === null) return [];
  const csl = sourceToCslItem(source);
  const journal = source.type === "journal-article" ? (csl["container-title"] ?? null) : null;
  const institution = source.type === "report" || source.type === "white-paper" ? (csl.publisher ?? null) : null;
  const typeTag: MetaTag | null = journal !== null ? ["citation_journal_title", journal] : institution !== null ? ["citation_technical_report_institution", institution] : null;
  if (typeTag === null) return [];
  const tags: MetaTag[] = [["citation_title", source.title], ...source.authors.map((author): MetaTag => ["citation_author", author]), typeTag];
  if (source.issue !== null) tags.push(["citation_issue", source.issue]);
  const date = scholarPublicationDate(source.date);
  if (date !== null) tags.push(["citation_publication_date", date]);
  const range = source.pages === null ? null : PAGE_RANGE.exec(source.pages);
  if (range) {
    tags.push(["citation_firstpage", range[1]!]);
    if (range[2] !== undefined) tags.push(["citation_lastpage", range[2]]);
  }
  const url = source.urls[0];
  if (url !== undefined) tags.push(["citation_public_url", url]);
  return tags.filter(([, content]) => content.trim() !== "");
}
