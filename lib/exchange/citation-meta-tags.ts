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
  /** Absolute URL of the article's PDF, when one is kept (none is yet). */
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
