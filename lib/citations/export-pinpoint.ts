import type { PdfPlacement } from "@/lib/model/document-model";
import { cslNames, dateParts, type CslItem } from "./csl-item";
import { exportSources, type ExportFormat, type ExportResult } from "./export-sources";

export interface PinpointInput {
  document: {
    title: string;
    authors: readonly string[];
    journal: string | null;
    /** As printed, e.g. "2023年第6期" or "6". */
    issue: string | null;
    date: string | null;
    slug: string;
  };
  /** The printed page of the paragraph or selection. */
  page: number | string | null;
  /** Deep link to the paragraph. */
  url: string;
  quote?: string;
}

/**
 * The journal's page numbers of a block read from a PDF, as a citation prints them: "27", or "27-28" for a
 * block that runs over a page; null when the pages do not all show a folio (which one lacks it is not said,
 * and a page number is never guessed).
 */
export function printedPagesOfPlacement(placement: PdfPlacement | null | undefined): string | null {
  if (!placement) return null;
  const [first, last] = placement.pages;
  if (placement.folios.length !== last - first + 1) return null;
  const from = placement.folios[0]!;
  const to = placement.folios[placement.folios.length - 1]!;
  return from === to ? from : `${from}-${to}`;
}

/** Where a printed page of a block begins in its text, and its page numbers as far as known. */
export interface PinpointPage {
  offset: number;
  /** The page as the document's layout counts them (a PDF's own page number), when known. */
  layoutPage: number | null;
  /** The journal's page number printed on it, when known. */
  journalPage: number | string | null;
}

/**
 * The journal's page number(s) of a selection [start, end) inside a block that runs over a page: the page it
 * starts on ("28"), or "27-28" when it runs over too. Null when a page it stands on has no known number (the
 * caller then cites the block's pages, which hold the selection).
 */
export function printedPagesOfSelection(pages: readonly PinpointPage[], start: number, end: number): string | null {
  // The page a character stands on: the last to begin at or before it (pages that begin at the same offset
  // hold none of the text before the later one).
  const pageAt = (offset: number) => pages.filter((page) => page.offset <= offset).pop() ?? pages[0];
  const first = pageAt(start);
  const last = pageAt(Math.max(start, end - 1));
  if (first?.journalPage == null || last?.journalPage == null) return null;
  const from = String(first.journalPage);
  const to = String(last.journalPage);
  return from === to ? from : `${from}-${to}`;
}

/** The essay as a CSL item whose page and URL point at one paragraph or selection. */
export function pinpointCslItem(input: PinpointInput): CslItem {
  const { document } = input;
  const item: CslItem = {
    id: document.slug,
    type: document.journal ? "article-journal" : "document",
    title: document.title,
    language: /[\u3400-\u9FFF]/u.test(document.title) ? "zh-CN" : "en",
    URL: input.url,
  };
  if (document.authors.length > 0) item.author = cslNames(document.authors);
  if (document.journal) item["container-title"] = document.journal;
  const issue = document.issue ? (/第\s*(\d+)\s*期/u.exec(document.issue)?.[1] ?? document.issue) : null;
  if (issue) item.issue = issue;
  const year = document.date ?? /(\d{4})\s*年/u.exec(document.issue ?? "")?.[1] ?? null;
  const issued = dateParts(year);
  if (issued) item.issued = issued;
  if (input.page !== null) item.page = String(input.page);
  if (input.quote) item.note = input.quote;
  return item;
}

/** A citation of one paragraph or selection, in any export format; GB/T text is preceded by the quote. */
export function pinpointCitation(input: PinpointInput, format: ExportFormat): ExportResult {
  const result = exportSources([pinpointCslItem(input)], format);
  if (format === "gbt7714") {
    const reference = result.body.trim().replace(/^\[1\]\s*/u, "");
    return { ...result, body: input.quote ? `“${input.quote}”\n${reference}\n` : `${reference}\n` };
  }
  return result;
}
