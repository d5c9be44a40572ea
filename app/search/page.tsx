import type { Metadata } from "next";
import { SearchForm } from "@/components/search/search-form";
import { SearchResults } from "@/components/search/search-results";
import { listSearchFilters, searchCorpus } from "@/lib/db/search-corpus";
import { parseSearchQuery } from "@/lib/search/parse-search-query";
import { readSearchParams, type SearchParams } from "@/lib/search/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "检索 Search" };

const EMPTY: SearchParams = { q: "", kind: undefined, page: 1, pageSize: 20 };

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const read = readSearchParams(await searchParams);
  const params = read.ok ? read.params : EMPTY;
  const query = read.ok && params.q.trim() !== "" ? parseSearchQuery(params.q) : null;
  const [options, result] = await Promise.all([
    listSearchFilters(),
    query?.ok
      ? searchCorpus({
          terms: query.terms.map((term) => term.folded),
          documentSlug: params.doc,
          kind: params.kind,
          conceptId: params.concept,
          page: params.page,
          pageSize: params.pageSize,
        })
      : null,
  ]);
  const problem = !read.ok ? read.reason : query && !query.ok ? query.reason : null;
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="font-serif text-3xl font-semibold">检索 · Search</h1>
      <div className="mt-6 max-w-3xl">
        <SearchForm params={params} options={options} />
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
