import type { SourceType } from "@/lib/citations/group-sources";
import type { SourceListQuery, SourceSort } from "@/lib/db/list-sources";
import { BIBLIOGRAPHY_KEYS, PATHS } from "@/lib/urls/url-grammar";
import { SOURCE_TYPE_LABELS } from "./source-labels";

const SORT_LABELS: Record<SourceSort, string> = { title: "Title", date: "Date", type: "Type", cited: "Times cited" };

const field = "rounded border border-rule bg-paper px-2 py-1 text-sm dark:border-night-rule dark:bg-night";

/** A plain GET form: filters and order live in the URL, and work without JavaScript. */
export function BibliographyFilters({ query, types, years }: { query: SourceListQuery; types: SourceType[]; years: number[] }) {
  return (
    <form method="get" action={PATHS.bibliography} className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter and sort" data-testid="bibliography-filters">
      {query.doc ? <input type="hidden" name={BIBLIOGRAPHY_KEYS.document} value={query.doc} /> : null}
      <label className="grid gap-1">
        <span className="text-muted dark:text-night-muted">Type</span>
        <select name={BIBLIOGRAPHY_KEYS.type} defaultValue={query.type ?? ""} className={field}>
          <option value="">All types</option>
          {types.map((type) => (
            <option key={type} value={type}>
              {SOURCE_TYPE_LABELS[type].zh} ({SOURCE_TYPE_LABELS[type].en})
            </option>
          ))}
        </select>
      </label>
      <label className="grid gap-1">
        <span className="text-muted dark:text-night-muted">Year</span>
        <select name={BIBLIOGRAPHY_KEYS.year} defaultValue={query.year !== undefined ? String(query.year) : ""} className={field}>
          <option value="">All years</option>
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </label>
      <label className="grid gap-1">
        <span className="text-muted dark:text-night-muted">Sort by</span>
        <select name={BIBLIOGRAPHY_KEYS.sort} defaultValue={query.sort} className={field}>
          {(Object.keys(SORT_LABELS) as SourceSort[]).map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </label>
      <label className="grid gap-1">
        <span className="text-muted dark:text-night-muted">Order</span>
        <select name={BIBLIOGRAPHY_KEYS.dir} defaultValue={query.dir ?? ""} className={field}>
          <option value="">Natural</option>
          <option value="asc">Ascending</option>
          <option value="desc">Descending</option>
        </select>
      </label>
      <button type="submit" className="rounded bg-accent px-3 py-1.5 font-medium text-white dark:bg-night-accent dark:text-night">
        Apply
      </button>
    </form>
  );
}
