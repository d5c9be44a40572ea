import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SearchForm } from "@/components/search/search-form";
import { DOCUMENT_COUNTS_SHOWN, SearchResults } from "@/components/search/search-results";
import { listSearchFilters, searchCorpus } from "@/lib/db/search-corpus";
import { parseSearchQuery } from "@/lib/search/parse-search-query";
import { readSearchParams, type SearchParams } from "@/lib/search/search-params";
import { searchPageHref } from "@/lib/urls/app-urls";
import { firstValues } from "@/lib/urls/query-values";
import { catalogueQuerySchema } from "@/lib/urls/route-params";
import { CATALOGUE_KEYS, SEARCH_KEYS } from "@/lib/urls/url-grammar";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "检索 Search" };

const EMPTY: SearchParams = { q: "", kind: undefined, page: 1, pageSize: 20 };

/** The words of a title typed for the document filter (`docq`), read as the catalogue reads its title words; malformed, none. */
const documentWords = catalogueQuerySchema.shape[CATALOGUE_KEYS.query];

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const read = readSearchParams(raw);
  const params = read.ok ? read.params : EMPTY;
  const words = documentWords.safeParse(firstValues(raw)[SEARCH_KEYS.documentQuery]);
  const query = read.ok && params.q.trim() !== "" ? parseSearchQuery(params.q) : null;
  const [filters, result] = await Promise.all([
    listSearchFilters({ doc: params.doc, words: words.success ? words.data : undefined }),
    query?.ok
      ? searchCorpus({
          terms: query.terms.map((term) => term.folded),
          documentSlug: params.doc,
          kind: params.kind,
          conceptId: params.concept,
          page: params.page,
          pageSize: params.pageSize,
          countsShown: DOCUMENT_COUNTS_SHOWN,
        })
      : null,
  ]);
  // Words typed without a script that name one title choose it: the search's address then names the document, as choosing it in the type-ahead does.
  const only = filters.document.matching === 1 ? filters.document.candidates[0] : undefined;
  if (only) redirect(searchPageHref({ ...params, doc: only.slug, page: 1 }));
  const problem = !read.ok ? read.reason : query && !query.ok ? query.reason : null;
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="font-serif text-3xl font-semibold">检索 · Search</h1>
      <div className="mt-6 max-w-3xl">
        <SearchForm params={params} concepts={filters.concepts} document={filters.document} />
      </div>
      {problem ? (
        <p role="alert" className="mt-6 text-accent dark:text-night-accent">
          Cannot search: {problem}.
        </p>
      ) : null}
      {result ? <SearchResults params={params} result={result} /> : null}
    </div>
  );
}
