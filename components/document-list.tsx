import type { CatalogueDocument } from "@/lib/db/list-catalogue";
import { bibliographyHref, readerHref } from "@/lib/urls/app-urls";
import "./catalogue/catalogue-lists.css";

/** A catalogue card's document, as the catalogue query gives it. */
export type DocumentListItem = CatalogueDocument;

/** Why a page of the catalogue has no documents: the corpus has none, the filters keep none, or the page is past the last. */
export type EmptyReason = "corpus" | "filters" | "past-last";

const EMPTY_MESSAGES: Record<Exclude<EmptyReason, "corpus">, string> = {
  filters: "No document matches all of these; take a filter away.",
  "past-last": "This page is past the last one; go back to an earlier page.",
};

/**
 * A page of the catalogue: documents, each with its metadata, counts and a way in. Plain elements and links only,
 * so the page can write it as static markup (Unhydrated): twenty cards are some four hundred elements that React
 * would otherwise send again in the page's RSC payload and hydrate, though nothing in them changes in the browser.
 * Styled from catalogue-lists.css by the list's class, not per card (the markup still travels twice).
 */
export function DocumentList({ documents, empty = "corpus" }: { documents: readonly DocumentListItem[]; empty?: EmptyReason }) {
  if (documents.length === 0) {
    return empty === "corpus" ? (
      <p className="text-muted dark:text-night-muted">
        The corpus is empty. Put source texts in <code>corpus/</code> and run <code>npm run ingest</code>.
      </p>
    ) : (
      <p lang="en" className="text-muted dark:text-night-muted" data-testid="catalogue-empty">
        {EMPTY_MESSAGES[empty]}
      </p>
    );
  }
  return (
    <ul className="catalogue-cards" aria-label="Documents">
      {documents.map((document) => (
        <li key={document.slug} data-testid="document-card">
          <h3>
            <a href={readerHref(document.slug)}>{document.title}</a>
          </h3>
          {document.titleEn ? (
            <p lang="en" className="card-title-en">
              {document.titleEn}
            </p>
          ) : null}
          <p className="card-byline">
            <span>{document.authors.length > 0 ? document.authors.join("、") : "作者不详 (author unknown)"}</span>
            <span>
              {" · "}
              {[document.journal, document.issue].filter(Boolean).join("，") || "出处不详 (journal unknown)"}
              {document.date ? ` · ${document.date}` : ""}
            </span>
          </p>
          {document.abstract ? <p className="card-abstract">{document.abstract}</p> : null}
          <dl className="card-counts">
            <div>
              <dt>Paragraphs</dt>
              <dd>{document.counts.paragraphs}</dd>
            </div>
            <div>
              <dt>Notes</dt>
              <dd>{document.counts.footnotes}</dd>
            </div>
            <div>
              <dt>Sources cited</dt>
              <dd>
                {/* The essay's own bibliography: the way to scope it to one essay. */}
                <a href={bibliographyHref({ doc: document.slug })} aria-label={`${document.counts.sources} sources cited: the bibliography of this essay`}>
                  {document.counts.sources}
                </a>
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
