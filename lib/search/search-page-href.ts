import type { SearchParams } from "./search-params";

/** The search page's URL for these parameters; defaults and empty filters are left out. */
export function searchPageHref(params: Partial<SearchParams>): string {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  if (params.doc) query.set("doc", params.doc);
  if (params.kind) query.set("kind", params.kind);
  if (params.concept) query.set("concept", params.concept);
  if (params.page !== undefined && params.page > 1) query.set("page", String(params.page));
  if (params.pageSize !== undefined && params.pageSize !== 20) query.set("pageSize", String(params.pageSize));
  const search = query.toString();
  return search ? `/search?${search}` : "/search";
}
