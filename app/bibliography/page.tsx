import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PaginationNav } from "@/components/catalogue/pagination-nav";
import { BibliographyFilters } from "@/components/sources/bibliography-filters";
import { BibliographyList } from "@/components/sources/bibliography-list";
import { ExportLinks } from "@/components/sources/export-links";
import { listSources, SOURCE_SORTS, sourceListQuerySchema, type SourceListQuery } from "@/lib/db/list-sources";
import { bibliographyExportHref, bibliographyHref } from "@/lib/urls/app-urls";
import { firstValues } from "@/lib/urls/query-values";
import { bibliographyPageSchema } from "@/lib/urls/route-params";
import { BIBLIOGRAPHY_KEYS } from "@/lib/urls/url-grammar";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Bibliography 参考文献" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BibliographyPage({ searchParams }: Props) {
  const { [BIBLIOGRAPHY_KEYS.page]: rawPage, [BIBLIOGRAPHY_KEYS.pageSize]: rawPageSize, ...raw } = firstValues(await searchParams);
  const parsed = sourceListQuerySchema.safeParse(raw);
  // A bad parameter (hand-edited link) shows the unfiltered list of the same scope, and says why.
  const fallbackDoc = sourceListQuerySchema.shape.doc.safeParse(raw.doc);
  const query: SourceListQuery = parsed.success ? parsed.data : { sort: "title", doc: fallbackDoc.success ? fallbackDoc.data : undefined };
  // A bad page is the first page: the list is still there to be read.
  const paging = bibliographyPageSchema.safeParse({ page: rawPage, pageSize: rawPageSize });
  const { page, pageSize } = paging.success ? paging.data : bibliographyPageSchema.parse({});
  // Only the page shown is read in full (listSources orders every source by what it sorts by alone).
  const list = await listSources(query, undefined, { page: { page, pageSize } });
  if (!list) notFound();
  const shown = list.sources;

  return (
    <div className="mx-auto max-w-4xl px-4 py-10" data-testid="bibliography-page">
      <h1 className="font-serif text-3xl font-semibold">参考文献 · Bibliography</h1>
      <p className="mt-2 text-muted dark:text-night-muted">
        {list.document ? (
          <>
            Works cited in <span className="font-serif text-ink dark:text-night-ink">{list.document.title}</span>
          </>
        ) : (
          "Works cited across the corpus"
        )}
        {" — "}
        <span data-testid="bibliography-count">
          {list.matching === list.total ? `${list.total} works` : `${list.matching} of ${list.total} works`}
        </span>
      </p>
      {!parsed.success || !paging.success ? (
        <p role="status" className="mt-3 rounded bg-accent-soft px-3 py-2 text-sm dark:bg-white/10" data-testid="bibliography-notice">
          Some filters in this link could not be read (
          {[...(parsed.success ? [] : parsed.error.issues), ...(paging.success ? [] : paging.error.issues)].map((issue) => issue.path.join(".")).join(", ")}), so
          the full list is shown.
        </p>
      ) : null}

      {/* The scope: the whole corpus, or one essay's works (each essay's catalogue card, and each entry's citing essays, lead here). */}
      <nav aria-label="Scope" className="mt-5 flex flex-wrap gap-2 text-sm">
        <Link
          href={bibliographyHref()}
          aria-current={list.document ? undefined : "page"}
          className="rounded border border-rule px-2 py-0.5 no-underline aria-[current=page]:border-accent aria-[current=page]:text-accent dark:border-night-rule"
        >
          Whole corpus
        </Link>
        {list.document ? (
          <Link
            href={bibliographyHref({ doc: list.document.slug })}
            aria-current="page"
            className="max-w-xs truncate rounded border border-rule px-2 py-0.5 font-serif no-underline aria-[current=page]:border-accent aria-[current=page]:text-accent dark:border-night-rule"
          >
            {list.document.title}
          </Link>
        ) : null}
      </nav>

      <div className="mt-6 grid gap-4">
        <BibliographyFilters query={query} types={list.types} years={list.years} />
        <p className="flex flex-wrap gap-x-3 text-sm" aria-label="Sort by">
          <span className="text-muted dark:text-night-muted">Sort:</span>
          {SOURCE_SORTS.map((sort) => (
            <Link
              key={sort}
              href={bibliographyHref({ ...query, sort, dir: undefined })}
              aria-current={query.sort === sort ? "true" : undefined}
              className="underline decoration-rule underline-offset-2 aria-[current=true]:font-semibold aria-[current=true]:text-accent dark:decoration-night-rule"
            >
              {{ title: "title", date: "date", type: "type", cited: "times cited" }[sort]}
            </Link>
          ))}
        </p>
        <ExportLinks label="Export this list" href={(format) => bibliographyExportHref(query, format)} />
      </div>

      <div className="mt-8">
        <BibliographyList sources={shown} />
        <PaginationNav
          label="Pages of the bibliography"
          page={page}
          pageSize={pageSize}
          total={list.matching}
          hrefFor={(target) => bibliographyHref({ ...query, page: target, pageSize })}
        />
      </div>
    </div>
  );
}
