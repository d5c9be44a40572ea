import Link from "next/link";
import { CatalogueFacets } from "@/components/catalogue/catalogue-facets";
import { CatalogueSearchForm } from "@/components/catalogue/catalogue-search-form";
import { PaginationNav } from "@/components/catalogue/pagination-nav";
import { DocumentList } from "@/components/document-list";
import { Unhydrated } from "@/components/reader/unhydrated";
import { SideBySideForm } from "@/components/side-by-side-form";
import { describeChosenFacets, listCatalogueDocuments, listCatalogueFacets } from "@/lib/db/list-catalogue";
import { catalogueHref } from "@/lib/urls/app-urls";
import { firstValues } from "@/lib/urls/query-values";
import { catalogueQuerySchema, type CatalogueQuery } from "@/lib/urls/route-params";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The corpus as a catalogue: title type-ahead, facets with counts, one page of documents at a time. */
export default async function HomePage({ searchParams }: Props) {
  const parsed = catalogueQuerySchema.safeParse(firstValues(await searchParams));
  // A hand-edited link with a value that cannot be read shows the whole catalogue, and says why.
  const query: CatalogueQuery = parsed.success ? parsed.data : catalogueQuerySchema.parse({});
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  // A blank form field is read as absent (its key may remain, undefined): only values given narrow the list.
  const narrowed = Object.values(filters).some((value) => value !== undefined);
  const [list, facets, chosenLabels] = await Promise.all([
    // The corpus's size beside a narrowed list's: counted (not listed) in the list's own statement.
    listCatalogueDocuments(query, undefined, { withCorpusSize: narrowed }),
    listCatalogueFacets(filters),
    describeChosenFacets(filters),
  ]);
  const corpusSize = list.corpusSize ?? list.total;
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="font-serif text-3xl font-semibold">语料 · The corpus</h1>
      <p lang="en" className="mt-2 max-w-2xl text-muted dark:text-night-muted">
        Essays on global cyberspace governance, with their notes, cited sources and shared concepts. Find one by its title, author, journal, year, the
        concepts it mentions or the works it cites; open it to read it, or read two side by side.
      </p>
      {!parsed.success ? (
        <p role="status" className="mt-3 rounded bg-accent-soft px-3 py-2 text-sm dark:bg-white/10" data-testid="catalogue-notice">
          Some parts of this link could not be read ({parsed.error.issues.map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`).join("; ")}), so the
          whole catalogue is shown.
        </p>
      ) : null}
      <div className="mt-6 grid gap-4">
        <CatalogueSearchForm query={query} />
        <SideBySideForm documentCount={corpusSize} />
      </div>
      <div className="mt-8 lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-10">
        <aside aria-label="Facets" className="mb-8 min-w-0 lg:mb-0">
          <CatalogueFacets facets={facets} query={query} chosenLabels={chosenLabels} />
        </aside>
        <section aria-labelledby="documents-heading" className="min-w-0">
          <h2 id="documents-heading" className="text-sm text-muted dark:text-night-muted" data-testid="catalogue-count">
            {narrowed ? `${list.total} of ${corpusSize} documents` : `${list.total} ${list.total === 1 ? "document" : "documents"}`}
            {narrowed ? (
              <>
                {" · "}
                <Link href={catalogueHref({ pageSize: query.pageSize })}>
                  <span lang="en">show all</span>
                </Link>
              </>
            ) : null}
          </h2>
          <Unhydrated className="mt-3">
            <DocumentList documents={list.documents} empty={list.total > 0 ? "past-last" : narrowed && corpusSize > 0 ? "filters" : "corpus"} />
          </Unhydrated>
          <PaginationNav
            label="Pages of documents"
            page={list.page}
            pageSize={list.pageSize}
            total={list.total}
            hrefFor={(page) => catalogueHref({ ...query, page })}
          />
        </section>
      </div>
    </div>
  );
}
