import Link from "next/link";
import type { SearchHit, SearchResult } from "@/lib/db/search-corpus";
import type { SearchParams } from "@/lib/search/search-params";
import { readerHref, searchPageHref } from "@/lib/urls/app-urls";
import { Unhydrated } from "@/components/reader/unhydrated";
import { DocumentCounts } from "./document-counts";
import { KwicLine } from "./kwic-line";
import "./search-results.css";

const KIND_LABEL: Record<SearchHit["kind"], string> = { heading: "heading", paragraph: "paragraph", footnote: "note" };

/** Documents listed with their hit counts beside the hits, most hits first: a column's worth; the rest are counted. */
export const DOCUMENT_COUNTS_SHOWN = 50;

/** Runs of consecutive hits from one document (hits arrive grouped by document, in rank order). */
function groupByDocument(hits: SearchHit[]): { slug: string; title: string; hits: SearchHit[] }[] {
  const groups: { slug: string; title: string; hits: SearchHit[] }[] = [];
  for (const hit of hits) {
    const last = groups.at(-1);
    if (last && last.slug === hit.documentSlug) last.hits.push(hit);
    else groups.push({ slug: hit.documentSlug, title: hit.documentTitle, hits: [hit] });
  }
  return groups;
}

export function SearchResults({ params, result }: { params: SearchParams; result: SearchResult }) {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const countOf = new Map(result.counts.map((c) => [c.documentSlug, c.count]));
  const approx = result.totalRelation === "gte";
  if (result.total === 0) {
    return (
      <p role="status" className="mt-8 text-muted dark:text-night-muted">
        No passage contains {params.q ? <q className="font-serif">{params.q}</q> : "that"}
        {params.doc || params.kind || params.concept ? " with these filters" : ""}.
      </p>
    );
  }
  return (
    // minmax(0, …): a long KWIC line or title wraps inside its column instead of widening it past the page.
    <div className="mt-8 grid grid-cols-1 gap-8 md:grid-cols-[14rem_minmax(0,1fr)]">
      <nav aria-label="Hits per document" className="text-sm">
        <h2 className="font-medium">By document</h2>
        <DocumentCounts params={params} rows={result.counts.slice(0, DOCUMENT_COUNTS_SHOWN).map((count) => [count.documentSlug, count.documentTitle, count.count] as const)} />
        {result.documents > DOCUMENT_COUNTS_SHOWN ? (
          <p className="mt-2 text-muted dark:text-night-muted">and {result.documents - DOCUMENT_COUNTS_SHOWN} more documents</p>
        ) : null}
      </nav>
      <section aria-labelledby="search-summary">
        {/* A live region around the heading (a heading cannot itself be a status): the count is announced on each search. */}
        <div role="status">
          <h2 id="search-summary" className="text-sm text-muted dark:text-night-muted">
            {approx ? "More than " : ""}
            {result.total.toLocaleString("en")} {result.total === 1 ? "hit" : "hits"} in {approx ? "at least " : ""}
            {result.documents} {result.documents === 1 ? "document" : "documents"}
            {approx ? " (counting stops after 1,000 passages: add a term or a filter to narrow the search)" : ""} · page{" "}
            {result.page} of {pages}
          </h2>
        </div>
        {/* The page's hits as static markup (plain links), as the counts beside them. */}
        <Unhydrated>
          {groupByDocument(result.hits).map((group) => (
            <article key={`${group.slug}-${group.hits[0]?.anchor}`} className="mt-6" data-testid="search-group" data-document={group.slug}>
              <h3 className="font-serif text-lg font-semibold">
                <a href={readerHref(group.slug)}>{group.title}</a>{" "}
                <span className="font-sans text-sm font-normal text-muted dark:text-night-muted">
                  {countOf.get(group.slug) ?? group.hits.length} hits
                </span>
              </h3>
              <ol className="search-hits">
                {group.hits.map((hit) => (
                  <li key={`${hit.anchor}-${hit.blockStart}-${hit.term}`} data-testid="search-hit">
                    <a href={hit.href}>
                      <span className="hit-kind">{KIND_LABEL[hit.kind]}</span>
                      <KwicLine hit={hit} />
                    </a>
                  </li>
                ))}
              </ol>
            </article>
          ))}
        </Unhydrated>
        <Pagination params={params} page={result.page} pages={pages} />
      </section>
    </div>
  );
}

function Pagination({ params, page, pages }: { params: SearchParams; page: number; pages: number }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages of results" className="mt-8 flex items-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={searchPageHref({ ...params, page: page - 1 })} rel="prev">
          ← Previous
        </Link>
      ) : null}
      <span className="text-muted dark:text-night-muted">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={searchPageHref({ ...params, page: page + 1 })} rel="next">
          Next →
        </Link>
      ) : null}
    </nav>
  );
}
