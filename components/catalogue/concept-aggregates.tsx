import Link from "next/link";
import type { ConceptAggregates } from "@/lib/db/concept-catalogue-aggregates";
import { catalogueHref, conceptHref } from "@/lib/urls/app-urls";

const BY = {
  year: { zh: "按年份", en: "By year", column: "Year" },
  journal: { zh: "按期刊", en: "By journal", column: "Journal" },
} as const;

/**
 * The concept index by year or by journal: each cell the number of essays of that year (journal)
 * mentioning the concept, and a link to them in the catalogue. The table scrolls sideways in its own
 * box when the columns outgrow a phone; the page does not.
 */
export function ConceptAggregatesTable({ by, aggregates }: { by: "year" | "journal"; aggregates: ConceptAggregates }) {
  const names = BY[by];
  const headingId = `concepts-by-${by}`;
  if (aggregates.values.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="mt-8" data-testid={`concepts-by-${by}`}>
      <h2 id={headingId} className="font-serif text-xl font-semibold">
        {names.zh} <span lang="en" className="font-sans text-base font-normal text-muted dark:text-night-muted">{names.en}: essays mentioning each concept</span>
      </h2>
      {/* Positioned, so the screen-reader-only text of far columns is clipped by this box instead of widening the page;
          named apart from its section (two landmarks of one name are one too many). */}
      <div
        className="relative mt-3 max-h-[32rem] overflow-auto rounded border border-rule dark:border-night-rule"
        tabIndex={0}
        role="region"
        aria-label={`${names.en}: the table (scrolls)`}
      >
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">
            For each concept, how many essays of each {names.column.toLowerCase()} mention it; each number opens those essays in the catalogue.
          </caption>
          <thead className="sticky top-0 bg-paper dark:bg-night">
            <tr className="border-b border-rule text-left dark:border-night-rule">
              <th scope="col" className="px-2 py-1.5 font-semibold">
                概念 <span lang="en" className="font-normal text-muted dark:text-night-muted">Concept</span>
              </th>
              <th scope="col" className="px-2 py-1.5 text-right font-semibold">
                <span lang="en">All</span>
              </th>
              {aggregates.values.map((column) => (
                <th key={column.value} scope="col" className="max-w-[8em] truncate px-2 py-1.5 text-right font-semibold tabular-nums" title={`${column.value}: ${column.documents} essays`}>
                  {column.value}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {aggregates.rows.map((row) => (
              <tr key={row.id} className="border-b border-rule/60 dark:border-night-rule/60" data-concept={row.id}>
                <th scope="row" className="px-2 py-1 text-left font-serif font-normal whitespace-nowrap">
                  <Link href={conceptHref(row.id)}>{row.labelZh}</Link>
                </th>
                <td className="px-2 py-1 text-right tabular-nums">
                  <Link href={catalogueHref({ concept: row.id })} aria-label={`${row.documents} essays mentioning ${row.labelEn}`}>
                    {row.documents}
                  </Link>
                </td>
                {aggregates.values.map((column) => {
                  const count = row.byValue[column.value];
                  return (
                    <td key={column.value} className="px-2 py-1 text-right tabular-nums">
                      {count ? (
                        <Link
                          href={catalogueHref(by === "year" ? { concept: row.id, year: Number(column.value) } : { concept: row.id, journal: column.value })}
                          aria-label={`${count} ${count === 1 ? "essay" : "essays"} of ${column.value} mentioning ${row.labelEn}`}
                          data-testid="aggregate-cell"
                        >
                          {count}
                        </Link>
                      ) : (
                        <>
                          <span aria-hidden="true" className="text-muted/60 dark:text-night-muted/60">
                            ·
                          </span>
                          <span className="sr-only">none</span>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
