import type { CatalogueQuery } from "@/lib/urls/route-params";
import { CATALOGUE_KEYS, PATHS } from "@/lib/urls/url-grammar";
import { TitleTypeAhead } from "./title-type-ahead";

/**
 * Title words for the catalogue: a plain GET form (Enter lists every match, keeping the chosen facets),
 * with titles suggested as one types; choosing a suggestion opens it.
 */
export function CatalogueSearchForm({ query }: { query: CatalogueQuery }) {
  const kept = ([CATALOGUE_KEYS.journal, CATALOGUE_KEYS.year, CATALOGUE_KEYS.author, CATALOGUE_KEYS.concept, CATALOGUE_KEYS.source] as const).flatMap((key) =>
    query[key] !== undefined ? [[key, String(query[key])] as const] : [],
  );
  return (
    <form role="search" action={PATHS.home} method="get" aria-label="Titles and authors" className="flex flex-wrap items-end gap-2" data-testid="catalogue-search">
      {kept.map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <div className="min-w-0 flex-1 basis-64">
        <TitleTypeAhead name={CATALOGUE_KEYS.query} label="Title or author" defaultValue={query.q ?? ""} placeholder="标题、作者 · title, author" testId="catalogue-type-ahead" />
      </div>
      <button type="submit" className="rounded border border-rule px-3 py-1.5 text-sm hover:border-accent dark:border-night-rule">
        查找 <span lang="en">Find</span>
      </button>
    </form>
  );
}
