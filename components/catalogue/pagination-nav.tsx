import Link from "next/link";
import { pageCount, pageNumbers } from "@/lib/paging/page-window";

/**
 * Previous, numbered and next links of a paged list, as a labelled navigation landmark: the current page
 * is marked (`aria-current="page"`) and not a link, and each link says which page it opens to a screen
 * reader. Plain links: every page has its address, works without a script and can be shared.
 */
export function PaginationNav({
  label,
  page,
  pageSize,
  total,
  hrefFor,
  testId = "pagination",
  noun,
}: {
  /** What is paged, for the landmark's name ("Pages of documents"). */
  label: string;
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
  testId?: string;
  /** What the rows are, after the count ("1–25 of 1300 places"); nothing when the page says so already. */
  noun?: string;
}) {
  const last = pageCount(total, pageSize);
  if (last <= 1 && page <= 1) return null;
  const step = "rounded border border-rule px-2.5 py-1 no-underline hover:border-accent dark:border-night-rule";
  const from = Math.min(total, (page - 1) * pageSize + 1);
  const to = Math.min(total, page * pageSize);
  return (
    <nav aria-label={label} className="mt-6 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm" data-testid={testId}>
      <p className="text-muted dark:text-night-muted" data-testid={`${testId}-range`}>
        {page > last ? `Page ${page} is past the last (${last})` : `${from}–${to} of ${total}${noun ? ` ${noun}` : ""}`}
      </p>
      <ul className="flex flex-wrap items-center gap-1.5">
        {page > 1 ? (
          <li>
            <Link href={hrefFor(Math.min(page - 1, last))} rel="prev" className={step}>
              ← <span lang="en">Previous</span>
              <span className="sr-only"> page</span>
            </Link>
          </li>
        ) : null}
        {pageNumbers(Math.min(page, last), last).map((number, index) =>
          number === null ? (
            <li key={`gap-${index}`} aria-hidden="true" className="px-1 text-muted dark:text-night-muted">
              …
            </li>
          ) : number === page ? (
            <li key={number}>
              <span aria-current="page" className="rounded border border-accent px-2.5 py-1 font-semibold text-accent dark:border-night-accent dark:text-night-accent">
                <span className="sr-only">Page </span>
                {number}
              </span>
            </li>
          ) : (
            <li key={number}>
              <Link href={hrefFor(number)} className={step}>
                <span className="sr-only">Page </span>
                {number}
              </Link>
            </li>
          ),
        )}
        {page < last ? (
          <li>
            <Link href={hrefFor(page + 1)} rel="next" className={step}>
              <span lang="en">Next</span>
              <span className="sr-only"> page</span> →
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
