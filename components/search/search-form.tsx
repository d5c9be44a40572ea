import type { SearchParams } from "@/lib/search/search-params";
import { PATHS, SEARCH_KEYS } from "@/lib/urls/url-grammar";

export interface SearchFilterOptions {
  documents: { slug: string; title: string }[];
  concepts: { id: string; labelZh: string; labelEn: string }[];
}

const selectClass =
  "mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5 text-sm dark:border-night-rule dark:bg-night";

/** A plain GET form: searching and filtering work without JavaScript. */
export function SearchForm({ params, options }: { params: SearchParams; options: SearchFilterOptions }) {
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
      {/* One column of minmax(0, 1fr) on phones: a select is as wide as its longest option unless its column is bounded. */}
      <fieldset className="grid min-w-0 grid-cols-1 gap-3 sm:grid-cols-3">
        <legend className="sr-only">Filters</legend>
        <label className="min-w-0 text-sm">
          Document
          <select name={SEARCH_KEYS.document} defaultValue={params.doc ?? ""} className={selectClass}>
            <option value="">All documents</option>
            {options.documents.map((document) => (
              <option key={document.slug} value={document.slug}>
                {document.title}
              </option>
            ))}
          </select>
        </label>
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
          <select name={SEARCH_KEYS.concept} defaultValue={params.concept ?? ""} className={selectClass}>
            <option value="">Any concept</option>
            {options.concepts.map((concept) => (
              <option key={concept.id} value={concept.id}>
                {concept.labelZh} · {concept.labelEn}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
    </form>
  );
}
