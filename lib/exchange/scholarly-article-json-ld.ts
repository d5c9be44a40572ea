import { sourceToCslItem } from "@/lib/citations/csl-item";
import type { SourceRecord, SourceType } from "@/lib/citations/group-sources";
import type { DocumentReference } from "./document-reference";

/**
 * schema.org JSON-LD of a reader page (the essay, a ScholarlyArticle) and of a source page (the cited
 * work), for search engines and linked-data harvesters. Pure. Unknown stays absent: no field is filled with a
 * placeholder, and a type is only as specific as the data say.
 */

export type JsonLd = { [key: string]: JsonLdValue };
type JsonLdValue = string | number | JsonLd | JsonLdValue[];

/** One file the essay is available as (the TEI, BibTeX, RIS exports). */
export interface Encoding {
  contentUrl: string;
  /** Its media type, as served. */
  encodingFormat: string;
}

const SCHEMA_ORG = "https://schema.org";

/** Where an article stood: its issue (with its number) of its periodical, as far as each is known. */
function articlePlacement(journal: string | null, issue: string | null): JsonLd | null {
  const periodical: JsonLd | null = journal !== null ? { "@type": "Periodical", name: journal } : null;
  if (issue !== null) return { "@type": "PublicationIssue", issueNumber: issue, ...(periodical ? { isPartOf: periodical } : {}) };
  return periodical;
}

/**
 * The essay as a ScholarlyArticle: `url` and `@id` its reader page, `isPartOf` its PublicationIssue of its
 * Periodical, `encoding` the files it is exported as. Authors are people: a corpus essay is signed by its
 * scholars, as printed.
 */
export function scholarlyArticleJsonLd(reference: DocumentReference, where: { readerUrl: string; encodings: readonly Encoding[] }): JsonLd {
  const article: JsonLd = {
    "@context": SCHEMA_ORG,
    "@type": "ScholarlyArticle",
    "@id": where.readerUrl,
    url: where.readerUrl,
    name: reference.title,
    headline: reference.title,
    inLanguage: reference.language,
  };
  if (reference.authors.length > 0) article.author = reference.authors.map((name) => ({ "@type": "Person", name }));
  if (reference.date !== null) article.datePublished = reference.date;
  const placement = articlePlacement(reference.journal, reference.issue);
  if (placement) article.isPartOf = placement;
  if (reference.pages) {
    article.pageStart = reference.pages.first;
    if (reference.pages.last !== null) article.pageEnd = reference.pages.last;
  }
  if (reference.abstract !== null) article.abstract = reference.abstract;
  if (where.encodings.length > 0) {
    article.encoding = where.encodings.map(({ contentUrl, encodingFormat }) => ({ "@type": "MediaObject", contentUrl, encodingFormat }));
  }
  return article;
}

/**
 * The schema.org type of a cited work: as specific as the grouping's type says, CreativeWork when it says
 * nothing (a speech has no schema.org type of its own; "other" is unknown).
 */
const CITED_WORK_TYPE: Record<SourceType, string> = {
  "journal-article": "ScholarlyArticle",
  "news-report": "NewsArticle",
  book: "Book",
  report: "Report",
  "white-paper": "Report",
  law: "Legislation",
  "web-page": "WebPage",
  speech: "CreativeWork",
  other: "CreativeWork",
};

/**
 * A cited work (a source page's subject) as JSON-LD. Its publisher and container follow the decisions the
 * citation exports make (lib/citations/csl-item.ts: a book's or a report's issuing body publishes, a journal or
 * a site contains), so the page and its BibTeX agree. Authors carry no @type: the notes do not say whether a
 * name is a person or an institution (国务院新闻办公室). `mainEntityOfPage` is the Duizhao page about the work;
 * `url` is the work's own address when a note gives one.
 */
export function citedWorkJsonLd(source: SourceRecord, where: { sourcePageUrl: string }): JsonLd {
  const csl = sourceToCslItem(source);
  const work: JsonLd = { "@context": SCHEMA_ORG, "@type": CITED_WORK_TYPE[source.type], mainEntityOfPage: where.sourcePageUrl };
  if (source.title !== null) work.name = source.title;
  if (source.type === "journal-article" || source.type === "news-report") {
    if (source.title !== null) work.headline = source.title;
  }
  if (source.authors.length > 0) work.author = source.authors.map((name) => ({ name }));
  if (source.date !== null) work.datePublished = source.date;
  if (csl.language) work.inLanguage = csl.language;
  if (csl.publisher) work.publisher = { "@type": "Organization", name: csl.publisher };
  const container = csl["container-title"];
  if (source.type === "journal-article") {
    const placement = articlePlacement(container ?? null, source.issue);
    if (placement) work.isPartOf = placement;
  } else if (container) {
    work.isPartOf = { "@type": "CreativeWork", name: container };
  }
  if (source.pages !== null) work.pagination = source.pages;
  if (source.versions.length > 0) work.version = source.versions.join(", ");
  const [url, ...others] = source.urls;
  if (url !== undefined) work.url = url;
  if (others.length > 0) work.sameAs = others;
  return work;
}

/**
 * The text of a `<script type="application/ld+json">`: JSON in which nothing can end the script or open
 * markup. `<`, `>` and `&` are written as \u escapes (still the same JSON strings), so corpus text holding
 * `</script>` or `<!--` stays inside its string; U+2028/U+2029 too, which some JavaScript parsers refuse raw.
 */
export function jsonLdScriptText(value: JsonLd): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/gu, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
