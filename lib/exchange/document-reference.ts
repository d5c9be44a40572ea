import { cslNames, dateParts, type CslItem } from "@/lib/citations/csl-item";
import { exportSources, type ExportFormat, type ExportResult } from "@/lib/citations/export-sources";
import type { DocumentStructure } from "@/lib/model/document-model";
import { foliosByPage } from "@/lib/reader/printed-page";

/**
 * A corpus essay as a reference: what a reference manager records about the essay itself (not about the
 * works its notes cite, which lib/citations exports). One derivation, shared by the reader's harvestable
 * metadata (citation_* tags, schema.org JSON-LD) and the essay's BibTeX/RIS export, so that Zotero saving
 * the page and a researcher downloading the file get the same record. Pure; unknown stays absent.
 *
 * Every corpus text is an article taken from a journal PDF (README: "essays as they come out of journal
 * PDFs"), so the type is always a journal article, even when the manifest could not name the journal.
 */
export interface DocumentReference {
  slug: string;
  title: string;
  /** As printed, in order: a Chinese name whole (家族名 and given name are never split here). */
  authors: string[];
  journal: string | null;
  /** The issue as printed ("2023年第6期"). */
  printedIssue: string | null;
  /** The issue number a reference manager's "issue" field expects ("6"); the printed issue when it is not of the 年第N期 form. */
  issue: string | null;
  /** ISO-like, as precise as known: "2023", "2023-06", "2023-06-15". */
  date: string | null;
  abstract: string | null;
  /** ISO 639-1: the corpus is Chinese-language scholarship (the TEI export says xml:lang="zh" too). */
  language: "zh";
  /**
   * Printed first and last page: for an essay read from a PDF, the folios of the first and last pages its blocks
   * stand on (the last left out when that page shows none); null when the first page's folio is not known (a
   * text source keeps no folios per block) — never counted back from a later page.
   */
  pages: { first: string; last: string | null } | null;
}

/** "2023年第6期" (spacing as PDFs extract it, "2023 年 第 6 期", too) or "第6期": the issue number. */
const PRINTED_ISSUE = /^\s*(?:\d{4}\s*年\s*)?第\s*(\d{1,4})\s*期\s*$/u;

/** The issue number of a printed issue; the printed form itself when it is not 年第N期. */
export function issueNumber(printed: string | null): string | null {
  if (printed === null) return null;
  const trimmed = printed.trim();
  if (trimmed === "") return null;
  return PRINTED_ISSUE.exec(trimmed)?.[1] ?? trimmed;
}

export function documentReference(document: DocumentStructure): DocumentReference {
  return {
    slug: document.slug,
    title: document.title,
    authors: document.authors,
    journal: document.journal,
    printedIssue: document.issue,
    issue: issueNumber(document.issue),
    date: document.date,
    abstract: document.abstract,
    language: "zh",
    pages: printedPages(document),
  };
}

/** The journal's first and last page of an essay read from a PDF, from its blocks' pages and their folios. */
function printedPages(document: DocumentStructure): DocumentReference["pages"] {
  const placements = [...document.headings, ...document.paragraphs, ...document.footnotes].flatMap((block) => (block.placement ? [block.placement] : []));
  if (placements.length === 0) return null;
  const folios = foliosByPage(document);
  const first = folios.get(Math.min(...placements.map((placement) => placement.pages[0])));
  const last = folios.get(Math.max(...placements.map((placement) => placement.pages[1])));
  if (first === undefined) return null;
  return { first, last: last !== undefined && last !== first ? last : null };
}

/** The essay as a CSL-JSON item (the reader's URL as its URL), the form lib/citations formats from. */
export function documentCslItem(reference: DocumentReference, readerUrl: string): CslItem & { abstract?: string } {
  const item: CslItem & { abstract?: string } = { id: reference.slug, type: "article-journal", title: reference.title, language: "zh-CN" };
  if (reference.authors.length > 0) item.author = cslNames(reference.authors);
  const issued = dateParts(reference.date);
  if (issued) item.issued = issued;
  if (reference.journal !== null) item["container-title"] = reference.journal;
  if (reference.issue !== null) item.issue = reference.issue;
  if (reference.pages) item.page = reference.pages.last ? `${reference.pages.first}-${reference.pages.last}` : reference.pages.first;
  if (reference.abstract !== null) item.abstract = reference.abstract;
  item.URL = readerUrl;
  return item;
}

/** The essay as a file in one of the formats sources are exported in (BibLaTeX, RIS, CSL-JSON, GB/T 7714). */
export function exportDocumentReference(reference: DocumentReference, format: ExportFormat, readerUrl: string): ExportResult {
  return exportSources([documentCslItem(reference, readerUrl)], format);
}
