import Link from "next/link";
import { PaginationNav } from "@/components/catalogue/pagination-nav";
import { staticMarkup } from "@/components/reader/static-markup";
import type { ConcordanceLine } from "@/lib/db/get-concept";
import { conceptHref, searchHitHref } from "@/lib/urls/app-urls";
import type { ConcordanceSort, ConcordanceSortKey } from "./sort-concordance";

const COLUMN_NAMES: Record<ConcordanceSortKey, { zh: string; en: string }> = {
  document: { zh: "文献", en: "Document" },
  position: { zh: "位置", en: "Position" },
  left: { zh: "左语境", en: "Left context" },
  right: { zh: "右语境", en: "Right context" },
};

/**
 * Keyword in context: every mention on one line, keywords aligned in a column, each a link into the
 * reader at the mention. Sorting is a link (the server sorts, and cuts the page: getConcept), so it works
 * without JavaScript and the sorted view can be shared.
 */
export function Concordance({
  lines: sorted,
  total,
  sort,
  conceptId,
  page,
  pageSize,
}: {
  /** The lines of the page shown, in the order asked. */
  lines: ConcordanceLine[];
  /** Every mention's line, on every page. */
  total: number;
  sort: ConcordanceSort;
  conceptId: string;
  /** The page shown, from 1, of `pageSize` lines, in the order asked. */
  page: number;
  pageSize: number;
}) {
  const header = (key: ConcordanceSortKey, className: string) => {
    const active = sort.key === key;
    const nextOrder = active && sort.order === "asc" ? "desc" : "asc";
    const href = conceptHref(conceptId, { key, order: nextOrder });
    return (
      <th scope="col" className={className} aria-sort={active ? (sort.order === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={href} scroll={false} className="inline-flex items-center gap-1 whitespace-nowrap no-underline hover:underline" data-testid={`sort-${key}`}>
          {COLUMN_NAMES[key].zh}
          <span lang="en" className="font-normal text-muted dark:text-night-muted">
            {COLUMN_NAMES[key].en}
          </span>
          <span aria-hidden="true" className="text-xs">
            {active ? (sort.order === "asc" ? "▲" : "▼") : "↕"}
          </span>
          <span className="sr-only">{active ? `, sorted ${sort.order === "asc" ? "ascending" : "descending"}; reverse` : ", sort by this"}</span>
        </Link>
      </th>
    );
  };

  if (total === 0) return <p className="text-muted dark:text-night-muted">No mentions in the corpus.</p>;
  return (
    // Positioned, so that the screen-reader-only texts (absolutely placed) scroll and clip with the table
    // instead of widening the page on a phone.
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="concordance">
        <caption className="sr-only">
          Every mention in context: {total} lines{sorted.length < total ? `, ${sorted.length} on this page` : ""}, sorted by {COLUMN_NAMES[sort.key].en.toLowerCase()}, {sort.order === "asc" ? "ascending" : "descending"}
        </caption>
        <thead>
          <tr className="border-b border-rule text-left dark:border-night-rule">
            {header("document", "py-2 pr-3 font-semibold")}
            {header("position", "py-2 pr-3 font-semibold")}
            {header("left", "py-2 pr-1 text-right font-semibold")}
            <th scope="col" className="px-1 py-2 text-center font-semibold whitespace-nowrap">
              关键词 <span lang="en" className="font-normal text-muted dark:text-night-muted">Keyword</span>
            </th>
            {header("right", "py-2 pl-1 font-semibold")}
          </tr>
        </thead>
        {/* The lines as static markup (plain links): a page of fifty is some five hundred elements that nothing in the
            browser changes, which React would otherwise send again in the RSC payload and hydrate. */}
        <tbody dangerouslySetInnerHTML={{ __html: staticMarkup(sorted.map((line) => <ConcordanceRow key={line.mentionId} line={line} />)) }} />
      </table>
      <PaginationNav
        label="Pages of the concordance"
        page={page}
        pageSize={pageSize}
        total={total}
        hrefFor={(target) => conceptHref(conceptId, { key: sort.key, order: sort.order, page: target, pageSize })}
        testId="concordance-pages"
      />
    </div>
  );
}

/** One line of the concordance: document, place, left context, the keyword (a link into the reader at it), right context. */
function ConcordanceRow({ line }: { line: ConcordanceLine }) {
  return (
    <tr className="border-b border-rule/60 align-baseline dark:border-night-rule/60" data-testid="concordance-line">
      <td className="max-w-[9em] truncate py-1.5 pr-3 font-serif" title={line.documentTitle}>
        {line.documentTitle}
      </td>
      <td className="py-1.5 pr-3 whitespace-nowrap text-muted tabular-nums dark:text-night-muted">
        {line.place.sectionLabel ? `${line.place.sectionLabel} · ` : ""}
        {line.place.label}
      </td>
      <td className="py-1.5 pr-0.5 text-right font-serif whitespace-nowrap">{line.left}</td>
      <td className="px-0.5 py-1.5 text-center font-serif whitespace-nowrap">
        <a
          href={searchHitHref(line.documentSlug, line.anchor, line)}
          aria-label={`${line.keyword} — ${line.documentTitle} ${line.place.label}: open in the reader`}
          className="no-underline"
          data-testid="concordance-keyword"
        >
          <mark className="rounded-sm bg-accent-soft px-0.5 font-semibold text-accent hover:underline dark:bg-night-accent/20 dark:text-night-accent">
            {line.keyword}
          </mark>
        </a>
        {line.member && line.member.labelZh !== line.keyword ? (
          <span className="ml-1 text-xs text-muted dark:text-night-muted" title="Member item">
            ({line.member.labelZh})
          </span>
        ) : null}
      </td>
      <td className="py-1.5 pl-0.5 font-serif whitespace-nowrap">{line.right}</td>
    </tr>
  );
}
