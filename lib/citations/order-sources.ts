import { SOURCE_TYPES, type SourceType } from "./group-sources";

/** The orders a list of sources can be read in (the bibliography's and the sources API's `sort`). */
export const SOURCE_SORTS = ["title", "date", "type", "cited"] as const;
export type SourceSort = (typeof SOURCE_SORTS)[number];

/** What ordering reads of a source. */
export interface OrderedSource {
  key: string;
  /** Null for a work no note gives a title for. */
  title: string | null;
  /** An untitled work's name: the words a note cites it by. */
  citedAs: string | null;
  date: string | null;
  type: SourceType;
  timesCited: number;
}

/** Chinese titles by pinyin, as a Chinese library files them; numbers by value (第2期 before 第10期). */
const collator = new Intl.Collator("zh-Hans-CN-u-co-pinyin", { numeric: true });

/**
 * Whether a source has nothing to be ordered by under `sort`: no title (by title), no date (by date). Those
 * come after the rest in either direction, as a library files them: a work with no title cannot be looked
 * up by one, and the words it is named by instead start with whatever its note starts with (a year, a
 * journal's name), so filed among the titles it would stand where no reader looks for it (an untitled
 * work cited as "2018年…" came first of all, before every title).
 */
function lacks(sort: SourceSort, source: OrderedSource): boolean {
  if (sort === "title") return source.title === null;
  if (sort === "date") return source.date === null;
  return false;
}

function compareBy(sort: SourceSort, a: OrderedSource, b: OrderedSource): number {
  switch (sort) {
    case "title":
      // Untitled works, among themselves, by the words they are named by, as they are shown.
      return collator.compare(a.title ?? a.citedAs ?? "", b.title ?? b.citedAs ?? "");
    case "date":
      return (a.date ?? "").localeCompare(b.date ?? "");
    case "type":
      return SOURCE_TYPES.indexOf(a.type) - SOURCE_TYPES.indexOf(b.type);
    case "cited":
      return a.timesCited - b.timesCited;
  }
}

/**
 * The comparator of a sorted list of sources: by `sort` in `dir` (default: titles A→Z, dates old→new,
 * most cited first), the sources lacking what it sorts by last in either direction; ties by title (an
 * untitled work by its words), then key, so the order is the same on every request.
 */
export function sourceOrder(sort: SourceSort, dir?: "asc" | "desc"): (a: OrderedSource, b: OrderedSource) => number {
  const descending = (dir ?? (sort === "cited" ? "desc" : "asc")) === "desc";
  return (a, b) => {
    const missing = Number(lacks(sort, a)) - Number(lacks(sort, b));
    if (missing !== 0) return missing;
    const primary = compareBy(sort, a, b);
    return (descending ? -primary : primary) || Number(lacks("title", a)) - Number(lacks("title", b)) || compareBy("title", a, b) || a.key.localeCompare(b.key);
  };
}
