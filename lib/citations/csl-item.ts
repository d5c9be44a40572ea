import type { SourceRecord, SourceType } from "./group-sources";

/** The CSL-JSON fields this project writes (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export interface CslName {
  literal?: string;
  family?: string;
  given?: string;
}

export interface CslItem {
  id: string;
  /** The key a BibTeX file cites it by (set per file: see export-sources.ts). */
  "citation-key"?: string;
  type: string;
  title?: string;
  author?: CslName[];
  issued?: { "date-parts": number[][] };
  accessed?: { "date-parts": number[][] };
  "container-title"?: string;
  publisher?: string;
  "publisher-place"?: string;
  issue?: string;
  page?: string;
  URL?: string;
  language?: string;
  genre?: string;
  note?: string;
  version?: string;
}

const CJK = /[\u3400-\u9FFF]/u;

/** "2015-12-16" → [[2015, 12, 16]]; null when the date is not ISO-like. */
export function dateParts(date: string | null): { "date-parts": number[][] } | undefined {
  const m = date ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/u.exec(date) : null;
  if (!m) return undefined;
  return { "date-parts": [[m[1], m[2], m[3]].filter((p): p is string => p !== undefined).map(Number)] };
}

/**
 * Names as literals: a Chinese name has no given/family split to invert, and an institution
 * (国务院新闻办公室, "World Economic Forum") must not be inverted either.
 */
export function cslNames(names: readonly string[]): CslName[] {
  return names.map((literal) => ({ literal }));
}

/** A newspaper (人民日报) rather than a news website (新华网): only it takes GB/T's [N]. */
const NEWSPAPER = /报$/u;
const WEBSITE = /(网|网站|官网|中心|CC)$/u;

/**
 * CSL type for a source type. Anything read online takes a type the GB/T style marks [EB/OL] or [R/OL]:
 * the essays cite news sites' pages, not printed newspapers.
 */
export function cslType(type: SourceType, container: string | null, hasUrl: boolean): string {
  switch (type) {
    case "journal-article":
      return "article-journal";
    case "book":
      return "book";
    case "report":
    case "white-paper":
      return "report";
    case "law":
      return "legislation";
    case "news-report":
      return container && NEWSPAPER.test(container) && !hasUrl ? "article-newspaper" : "webpage";
    case "speech":
    case "web-page":
      return hasUrl ? "webpage" : "document";
    default:
      return "document";
  }
}

const GENRE: Partial<Record<SourceType, string>> = { speech: "讲话", "white-paper": "白皮书" };

/** What an untitled work's record says of itself, in the language of the note it comes from. */
export const UNTITLED_NOTE = {
  zh: "注释未给出题名，此为注释原文",
  en: "The notes give no title: this is the note's own wording",
} as const;

/** A cited work, with the words of a note citing it when the notes give no title (lib/db's `citedAs`). */
export type CitableSource = SourceRecord & { citedAs?: string | null };

/** The language a text is written in, as CSL and BibLaTeX name it: Chinese when it has Han characters. */
export function languageOf(text: string): "zh-CN" | "en" {
  return CJK.test(text) ? "zh-CN" : "en";
}

/**
 * A work as CSL-JSON. A work whose title no note gives (a note's tail, its title lost) is cited as what it
 * is: the note's own words as its title, a plain document (its journal and pages are only those words
 * read back), said so in a note, in the note's language; never its internal key.
 */
export function sourceToCslItem(source: CitableSource, options: { accessed?: string } = {}): CslItem {
  if (!source.title && source.citedAs && !source.container && source.urls.length === 0) return untitledCslItem(source, source.citedAs);
  const url = source.urls[0];
  const type = cslType(source.type, source.container, url !== undefined);
  const title = source.title ?? source.container ?? url ?? source.citedAs ?? source.key;
  const item: CslItem = { id: source.key, type, title, language: languageOf(source.title ?? source.citedAs ?? title) };
  if (source.authors.length > 0) item.author = cslNames(source.authors);
  const issued = dateParts(source.date);
  if (issued) item.issued = issued;
  if (source.container) {
    // A publisher, or an issuing body that is not a website, publishes; a journal or a site contains. A
    // report's hosting site is left out: GB/T would print it as the book a chapter was taken from ("//").
    if (type === "book" || (type === "report" && !WEBSITE.test(source.container))) item.publisher = source.container;
    else if (type !== "report") item["container-title"] = source.container;
  }
  if (source.issue) item.issue = source.issue;
  if (source.pages) item.page = source.pages;
  if (url) item.URL = url;
  if (url && options.accessed) item.accessed = dateParts(options.accessed);
  const genre = GENRE[source.type];
  if (genre) item.genre = genre;
  if (source.versions.length > 0) item.version = source.versions.join(", ");
  return item;
}

function untitledCslItem(source: CitableSource, words: string): CslItem {
  const language = languageOf(words);
  const item: CslItem = { id: source.key, type: "document", title: words, language, note: UNTITLED_NOTE[language === "zh-CN" ? "zh" : "en"] };
  if (source.authors.length > 0) item.author = cslNames(source.authors);
  const issued = dateParts(source.date);
  if (issued) item.issued = issued;
  return item;
}
