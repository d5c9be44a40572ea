import { z } from "zod";
import { queryValue, type QueryInput } from "@/lib/urls/query-values";
import { CONCORDANCE_KEYS } from "@/lib/urls/url-grammar";

export const CONCORDANCE_SORTS = ["document", "position", "left", "right"] as const;
export type ConcordanceSortKey = (typeof CONCORDANCE_SORTS)[number];
export type SortOrder = "asc" | "desc";

export interface ConcordanceSort {
  key: ConcordanceSortKey;
  order: SortOrder;
}

export const DEFAULT_SORT: ConcordanceSort = { key: "document", order: "asc" };

const sortParams = z.object({
  sort: z.enum(CONCORDANCE_SORTS).catch(DEFAULT_SORT.key),
  order: z.enum(["asc", "desc"]).catch(DEFAULT_SORT.order),
});

/** The sort a URL asks for; anything unreadable falls back to corpus order rather than failing the page. */
export function readConcordanceSort(query: QueryInput): ConcordanceSort {
  const parsed = sortParams.parse({ sort: queryValue(query, CONCORDANCE_KEYS.sort), order: queryValue(query, CONCORDANCE_KEYS.order) });
  return { key: parsed.sort, order: parsed.order };
}

export interface SortableLine {
  /** Index in corpus order (document, then reading order). */
  index: number;
  /** 0–1 through its document. */
  fraction: number;
  left: string;
  right: string;
}

const collator = new Intl.Collator("zh", { sensitivity: "base", numeric: true });

/**
 * Lines of a keyword-in-context concordance in the asked order. Left context sorts by the characters
 * nearest the keyword first (the text read backwards), as concordancers do: that groups lines by what
 * precedes the keyword (尊重网络主权, 维护网络主权…). Ties keep corpus order, whatever the direction.
 */
export function sortConcordance<L extends SortableLine>(lines: readonly L[], sort: ConcordanceSort): L[] {
  const sign = sort.order === "desc" ? -1 : 1;
  const reversed = new Map(lines.map((line) => [line, [...line.left].reverse().join("")]));
  const compare = (a: L, b: L): number => {
    switch (sort.key) {
      case "document":
        return 0;
      case "position":
        return a.fraction - b.fraction;
      case "left":
        return collator.compare(reversed.get(a) ?? "", reversed.get(b) ?? "");
      case "right":
        return collator.compare(a.right, b.right);
    }
  };
  return [...lines].sort((a, b) => sign * compare(a, b) || (sort.key === "document" ? sign : 1) * (a.index - b.index));
}
