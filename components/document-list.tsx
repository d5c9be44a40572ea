import type { CatalogueDocument } from "@/lib/db/list-catalogue";
import { bibliographyHref, readerHref } from "@/lib/urls/app-urls";

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
    <ul className="grid gap-5" aria-label="Documents">
      {documents.map((document) => (
        <li
          key={document.slug}
          className="rounded-lg border border-rule bg-white/60 p-5 dark:border-night-rule dark:bg-white/5"
          data-testid="document-card"
        >
          <h3 className="font-serif text-xl font-semibold leading-snug">
            <a href={readerHref(document.slug)} className="hover:text-accent dark:hover:text-night-accent">
              {document.title}
            </a>
          </h3>
          {document.titleEn ? (
            <p lang="en" className="mt-1 text-sm text-muted dark:text-night-muted">
              {document.titleEn}
            </p>
          ) : null}
          <p className="mt-2 text-sm">
            <span>{document.authors.length > 0 ? document.authors.join("、") : "作者不详 (author unknown)"}</span>
            <span className="text-muted dark:text-night-muted">
              {" · "}
              {[document.journal, document.issue].filter(Boolean).join("，") || "出处不详 (journal unknown)"}
              {document.date ? ` · ${document.date}` : ""}
            </span>
          </p>
          {document.abstract ? (
            <p className="mt-3 line-clamp-3 font-serif text-[0.95rem] leading-7 text-ink/85 dark:text-night-ink/85">
              {document.abstract}
            </p>
          ) : null}
          <dl className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-xs text-muted dark:text-night-muted">
            <div className="flex gap-1">
              <dt>Paragraphs</dt>
              <dd className="font-medium text-ink dark:text-night-ink">{document.counts.paragraphs}</dd>
            </div>
            <div className="flex gap-1">
              <dt>Notes</dt>
              <dd className="font-medium text-ink dark:text-night-ink">{document.counts.footnotes}</dd>
            </div>
            <div className="flex gap-1">
              <dt>Sources cited</dt>
              <dd className="font-medium text-ink dark:text-night-ink">
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
