/**
 * What a reference manager makes of a page's Highwire `citation_*` meta tags: a small re-statement of the rules
 * of Zotero's "Embedded Metadata" translator (zotero/translators, Embedded Metadata.js), which Zotero, and
 * through its translation server many other tools, run on any page without a site-specific translator; plus the
 * name splitting Zotero's Chinese-site translators (CNKI, Wanfang) apply to Chinese names. The tests read
 * Duizhao's pages with it to check that "Save to Zotero" records the journal article the page is.
 *
 * Rules restated (not copied):
 * - Item type: `citation_journal_title` → journalArticle; `citation_technical_report_institution` → report;
 *   `citation_conference_title`/`citation_conference` → conferencePaper; `citation_book_title` → bookSection;
 *   `citation_dissertation_institution` → thesis; otherwise `citation_title` guesses journalArticle and
 *   `citation_isbn` book; no citation tag at all: a web page.
 * - Fields: title, date (`citation_publication_date`, `citation_date`, `citation_cover_date`; else
 *   `citation_online_date`, `citation_year`), publicationTitle, issue, volume, language, abstractNote,
 *   publisher; pages = firstpage[-lastpage]; a `citation_pdf_url` becomes a PDF attachment.
 * - Creators: every `citation_author` (and `citation_authors`, split at semicolons), in order. "Last, First"
 *   splits at the comma; a Latin name splits at its last space (last name after it); a transliterated Western
 *   name written with `·` splits at the last dot; a Chinese name without separator takes its first character as
 *   the last name and the rest as the first name (Zotero's Chinese translators' rule, which also splits a
 *   compound surname such as 欧阳 after its first character).
 */

export interface MetaTagInput {
  name: string;
  content: string;
}

export interface ZoteroCreator {
  creatorType: "author";
  firstName: string;
  lastName: string;
}

export interface ZoteroItem {
  itemType: string;
  title?: string;
  creators: ZoteroCreator[];
  publicationTitle?: string;
  issue?: string;
  volume?: string;
  date?: string;
  pages?: string;
  language?: string;
  abstractNote?: string;
  publisher?: string;
  attachments: { title: string; url: string; mimeType: string }[];
}

const TYPE_BY_TAG: Record<string, string> = {
  citation_journal_title: "journalArticle",
  citation_technical_report_institution: "report",
  citation_conference_title: "conferencePaper",
  citation_conference: "conferencePaper",
  citation_book_title: "bookSection",
  citation_dissertation_institution: "thesis",
};

const FIELD_BY_TAG: Record<string, keyof ZoteroItem> = {
  citation_title: "title",
  citation_publication_date: "date",
  citation_cover_date: "date",
  citation_date: "date",
  citation_journal_title: "publicationTitle",
  citation_volume: "volume",
  citation_issue: "issue",
  citation_publisher: "publisher",
  citation_abstract: "abstractNote",
  citation_language: "language",
};

const LATIN = /[A-Za-z]/u;

/** One author string as Zotero's creator. */
export function zoteroCreator(name: string): ZoteroCreator {
  const author = name.trim().replace(/\s+/gu, " ");
  const comma = author.indexOf(",");
  if (comma !== -1) return { creatorType: "author", lastName: author.slice(0, comma).trim(), firstName: author.slice(comma + 1).trim() };
  const lastSpace = author.lastIndexOf(" ");
  if (LATIN.test(author) && lastSpace !== -1) return { creatorType: "author", firstName: author.slice(0, lastSpace), lastName: author.slice(lastSpace + 1) };
  const lastDot = author.lastIndexOf("·");
  if (lastDot > 0) return { creatorType: "author", firstName: author.slice(0, lastDot), lastName: author.slice(lastDot + 1) };
  if (lastSpace !== -1) return { creatorType: "author", firstName: author.slice(0, lastSpace), lastName: author.slice(lastSpace + 1) };
  const characters = [...author];
  return { creatorType: "author", lastName: characters[0] ?? "", firstName: characters.slice(1).join("") };
}

/** The item Zotero's Embedded Metadata translator would save from these meta tags (names as in the page). */
export function zoteroItemFromMetaTags(tags: readonly MetaTagInput[]): ZoteroItem {
  const citation = tags
    .map(({ name, content }) => ({ name: name.slice(Math.max(0, name.lastIndexOf("citation_"))), content: content.trim() }))
    .filter(({ name, content }) => name.startsWith("citation_") && content !== "");
  const first = (name: string) => citation.find((tag) => tag.name === name)?.content;

  let itemType: string | undefined;
  let guess: string | undefined;
  for (const { name } of citation) {
    itemType ??= TYPE_BY_TAG[name];
    if (name === "citation_title" || name === "citation_series_title") guess ??= "journalArticle";
    if (name === "citation_isbn") guess = "book";
  }

  const item: ZoteroItem = { itemType: itemType ?? guess ?? "webpage", creators: [], attachments: [] };
  for (const [name, field] of Object.entries(FIELD_BY_TAG)) {
    const value = first(name);
    if (value !== undefined) (item as unknown as Record<string, string>)[field] = value.replace(/\s+/gu, " ");
  }
  item.date ??= first("citation_online_date") ?? first("citation_year");

  for (const { name, content } of citation) {
    if (name !== "citation_author" && name !== "citation_authors") continue;
    for (const author of content.split(/\s*;\s*/u)) if (/[^\s,.;-]/u.test(author)) item.creators.push(zoteroCreator(author));
  }

  const firstPage = first("citation_firstpage");
  const lastPage = first("citation_lastpage");
  if (firstPage) item.pages = lastPage ? `${firstPage}-${lastPage}` : firstPage;
  const pdf = first("citation_pdf_url");
  if (pdf) item.attachments.push({ title: "Full Text PDF", url: pdf, mimeType: "application/pdf" });
  return item;
}
