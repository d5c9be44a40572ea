import Link from "next/link";
import { TitleTypeAhead } from "@/components/catalogue/title-type-ahead";
import type { SearchDocumentChoice } from "@/lib/db/search-corpus";
import { ConceptSelect } from "./concept-select";
import type { SearchParams } from "@/lib/search/search-params";
import { searchPageHref } from "@/lib/urls/app-urls";
import { PATHS, SEARCH_KEYS } from "@/lib/urls/url-grammar";

export interface SearchConcept {
  id: string;
  labelZh: string;
  labelEn: string;
}

const selectClass =
  "mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5 text-sm dark:border-night-rule dark:bg-night";

/**
 * The document filter: the document chosen, with a link back to all of them; or a title field with
 * suggestions as one types (the catalogue's type-ahead, over `GET /api/documents?q=`), which without a
 * script sends the words typed (`docq`) and the page answers with the matching titles to choose from.
 */
function DocumentFilter({ params, document }: { params: SearchParams; document: SearchDocumentChoice }) {
  if (document.chosen) {
    return (
      <div className="min-w-0 text-sm" data-testid="search-document-chosen">
        <span className="block">Document</span>
        <input type="hidden" name={SEARCH_KEYS.document} value={document.chosen.slug} />
        <p className="mt-1 min-w-0 break-words">
          {document.chosen.title === null ? (
            <span lang="en">No document has the name “{document.chosen.slug}”</span>
          ) : (
            <span className="font-serif" lang="zh-Hans">
              {document.chosen.title}
            </span>
          )}{" "}
          <Link href={searchPageHref({ ...params, doc: undefined, page: 1 })} className="text-xs" lang="en">
            all documents
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="min-w-0 text-sm" data-testid="search-document-filter">
      <TitleTypeAhead name={SEARCH_KEYS.documentQuery} label="Document (words of its title)" defaultValue={document.words ?? ""} pick={{ name: SEARCH_KEYS.document }} placeholder="All documents · 标题" />
      {document.words !== null ? (
        document.candidates.length > 0 ? (
          <fieldset className="mt-2 grid gap-1">
            <legend lang="en" className="text-xs text-muted dark:text-night-muted">
              {document.matching > document.candidates.length
                ? `The first ${document.candidates.length} of ${document.matching} titles matching “${document.words}”: choose one and search again`
                : `Titles matching “${document.words}”: choose one and search again`}
            </legend>
            {document.candidates.map((candidate, index) => (
              <label key={candidate.slug} className="flex items-baseline gap-2">
                <input type="radio" name={SEARCH_KEYS.document} value={candidate.slug} defaultChecked={index === 0} />
                <span className="min-w-0 break-words font-serif" lang="zh-Hans">
                  {candidate.title}
                </span>
              </label>
            ))}
          </fieldset>
        ) : (
          <p role="status" lang="en" className="mt-2 text-muted dark:text-night-muted">
            No title matches “{document.words}”: searching all documents.
          </p>
        )
      ) : null}
    </div>
  );
}

/** A plain GET form: searching and filtering work without JavaScript. */
export function SearchForm({ params, concepts, document }: { params: SearchParams; concepts: readonly SearchConcept[]; document: SearchDocumentChoice }) {
  return (
    <form role="search" action={PATHS.search} method="get" className="grid gap-4" aria-label="Search the corpus">
      <div>
        <label htmlFor="search-q" className="block text-sm font-medium">
          检索 <span className="text-muted dark:text-night-muted">Search the corpus</span>
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id="search-q"
            name={SEARCH_KEYS.query}
            type="search"
            defaultValue={params.q}
            maxLength={100}
            autoComplete="off"
            aria-describedby="search-q-help"
            className="min-w-0 flex-1 rounded border border-rule bg-white px-3 py-2 font-serif text-lg dark:border-night-rule dark:bg-night"
          />
          <button
            type="submit"
            className="rounded bg-accent px-4 py-2 text-sm font-medium text-white hover:opacity-90 dark:bg-night-accent dark:text-night"
          >
            Search
          </button>
        </div>
        <p id="search-q-help" className="mt-1 text-xs text-muted dark:text-night-muted">
          Any characters, found wherever they occur (punctuation, spacing, width and case are ignored). Several terms
          separated by spaces must all occur in one passage; &quot;quote&quot; a phrase to keep it together.
        </p>
      </div>
      {/* One column of minmax(0, 1fr) on phones: a select or a long title is as wide as its longest line unless its column is bounded. */}
      <fieldset className="grid min-w-0 grid-cols-1 gap-3 sm:grid-cols-3">
        <legend className="sr-only">Filters</legend>
        <DocumentFilter params={params} document={document} />
        <label className="min-w-0 text-sm">
          Kind of passage
          <select name={SEARCH_KEYS.kind} defaultValue={params.kind ?? ""} className={selectClass}>
            <option value="">Headings, paragraphs and notes</option>
            <option value="heading">Headings</option>
            <option value="paragraph">Paragraphs</option>
            <option value="footnote">Notes</option>
          </select>
        </label>
        <label className="min-w-0 text-sm">
          Concept
          <ConceptSelect
            name={SEARCH_KEYS.concept}
            value={params.concept ?? ""}
            className={selectClass}
            options={concepts.map((concept) => [concept.id, concept.labelZh, concept.labelEn] as const)}
          />
        </label>
      </fieldset>
    </form>
  );
}
