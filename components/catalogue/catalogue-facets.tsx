import { Unhydrated } from "@/components/reader/unhydrated";
import type { CatalogueFacets as Facets, FacetName } from "@/lib/db/list-catalogue";
import type { CatalogueQuery } from "@/lib/urls/route-params";
import { catalogueHref } from "@/lib/urls/app-urls";
import { FacetDisclosure } from "./facet-disclosure";
import "./catalogue-lists.css";

const FACET_NAMES: Record<FacetName, { zh: string; en: string }> = {
  journal: { zh: "期刊", en: "Journal" },
  year: { zh: "年份", en: "Year" },
  author: { zh: "作者", en: "Author" },
  concept: { zh: "概念", en: "Concept" },
  source: { zh: "引用文献", en: "Source cited" },
};
const ORDER: FacetName[] = ["journal", "year", "author", "concept", "source"];

/** The chosen value of a facet, as the query holds it. */
function chosenValue(query: CatalogueQuery, facet: FacetName): string | undefined {
  const value = query[facet];
  return value === undefined ? undefined : String(value);
}

/**
 * The catalogue's facets: each value a link narrowing the list (counts are of the current list), the
 * chosen one marked, with a link taking it away. Links, not a form: each narrowed list has its address.
 * Plain links written as static markup (Unhydrated): fifty values are some three hundred elements that nothing
 * in the browser changes, which React would otherwise send again in the RSC payload and hydrate. A value's row is
 * styled from catalogue-lists.css by its list's class, not by utilities on each of its elements.
 */
export function CatalogueFacets({ facets, query, chosenLabels }: { facets: Facets; query: CatalogueQuery; chosenLabels: Partial<Record<FacetName, string>> }) {
  const { page: _page, pageSize, ...filters } = query;
  const narrowed = (facet: FacetName, value: string | undefined) =>
    catalogueHref({ ...filters, pageSize, [facet]: facet === "year" && value !== undefined ? Number(value) : value });
  return (
    <FacetDisclosure open={ORDER.some((facet) => chosenValue(query, facet) !== undefined)}>
      <summary className="cursor-pointer font-serif text-lg font-semibold lg:cursor-default">
        筛选 <span lang="en" className="font-sans text-sm font-normal text-muted dark:text-night-muted">Narrow the list</span>
      </summary>
      {/* minmax(0, …) tracks: a long source title is cut short (truncate), never widening the column past the window. */}
      <Unhydrated className="mt-3 grid grid-cols-[minmax(0,1fr)] gap-5 sm:grid-cols-[repeat(2,minmax(0,1fr))] lg:grid-cols-[minmax(0,1fr)]">
        {ORDER.map((facet) => {
          const chosen = chosenValue(query, facet);
          const values = facets[facet];
          const headingId = `facet-${facet}`;
          return (
            <section key={facet} aria-labelledby={headingId} className="min-w-0" data-testid={`facet-${facet}`}>
              <h3 id={headingId} className="text-sm font-semibold">
                {FACET_NAMES[facet].zh} <span lang="en" className="font-normal text-muted dark:text-night-muted">{FACET_NAMES[facet].en}</span>
              </h3>
              {chosen !== undefined ? (
                <p className="mt-1.5 flex items-baseline gap-2 text-sm">
                  <span className="min-w-0 break-words font-semibold text-accent dark:text-night-accent" aria-current="true">
                    {chosenLabels[facet] ?? chosen}
                  </span>
                  <a href={narrowed(facet, undefined)} className="shrink-0 text-xs" data-testid="facet-remove">
                    ✕ <span lang="en">remove</span>
                    <span className="sr-only"> {FACET_NAMES[facet].en.toLowerCase()} filter</span>
                  </a>
                </p>
              ) : values.length === 0 ? (
                <p className="mt-1.5 text-xs text-muted dark:text-night-muted" lang="en">
                  None known in this list
                </p>
              ) : (
                <ul className="facet-values mt-1.5 grid grid-cols-[minmax(0,1fr)] gap-1 text-sm">
                  {values.map((value) => (
                    <li key={value.value}>
                      <a href={narrowed(facet, value.value)} title={value.label} data-testid="facet-value">
                        {value.label}
                      </a>
                      <span>
                        {value.count}
                        <span className="sr-only"> {value.count === 1 ? "document" : "documents"}</span>
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </Unhydrated>
    </FacetDisclosure>
  );
}
