"use client";
import { staticMarkup } from "@/components/reader/static-markup";
import type { SearchParams } from "@/lib/search/search-params";
import { searchPageHref } from "@/lib/urls/app-urls";

/** One document's row beside the hits: its slug, its title and its number of hits. */
export type DocumentCountRow = readonly [slug: string, title: string, count: number];

/**
 * The per-document counts beside the hits (up to fifty rows at 1,000 essays): plain links that nothing in the
 * browser changes, placed by React as one string and never hydrated, as Unhydrated places them (static-markup.ts
 * says why). Unlike Unhydrated, the markup is not a prop: it is written here, from the rows, on the server and
 * again in the browser, so the RSC payload carries the slugs, titles and counts (about 4 KiB at 1,000 essays)
 * instead of the rows' markup escaped a second time (11.5 KiB of the 78 KiB search page). The same escaping
 * either side, so hydration finds the markup it would write and leaves it as it is.
 */
export function DocumentCounts({ params, rows }: { params: SearchParams; rows: readonly DocumentCountRow[] }) {
  const markup = staticMarkup(
    // Styled from search-results.css.
    <ul className="search-counts" data-testid="search-counts">
      {rows.map(([slug, title, count]) => (
        <li key={slug}>
          <a href={searchPageHref({ ...params, doc: slug, page: 1 })} title={title}>
            {title}
          </a>
          <span>{count}</span>
        </li>
      ))}
    </ul>,
  );
  return <div dangerouslySetInnerHTML={{ __html: markup }} />;
}
