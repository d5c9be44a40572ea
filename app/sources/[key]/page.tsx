import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { CitingNotes } from "@/components/sources/citing-notes";
import { ExportLinks } from "@/components/sources/export-links";
import { SourceEvidenceList } from "@/components/sources/source-evidence";
import { SourceName } from "@/components/sources/source-name";
import { SourceRecordView } from "@/components/sources/source-record-view";
import { TrailBreadcrumb } from "@/components/trail/trail-breadcrumb";
import { exportSources } from "@/lib/citations/export-sources";
import { describeTrail } from "@/lib/db/describe-trail";
import { getSource } from "@/lib/db/get-source";
import { resolveMovedSourceKey } from "@/lib/db/resolve-source-key";
import { toSourceRecord } from "@/lib/db/source-record";
import { citedWorkMetaTags, metaTagsAsMetadataOther } from "@/lib/exchange/citation-meta-tags";
import { citedWorkJsonLd, jsonLdScriptText } from "@/lib/exchange/scholarly-article-json-ld";
import { absoluteUrl } from "@/lib/http/public-url";
import { readTrail, trailOnSource } from "@/lib/trail/trail-param";
import { bibliographyHref, sourceExportHref, sourceHref } from "@/lib/urls/app-urls";
import { sourceKeySegment } from "@/lib/urls/route-params";
import { SOURCE_KEYS } from "@/lib/urls/url-grammar";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load(key: string) {
  const parsed = sourceKeySegment.safeParse(key);
  return parsed.success ? getSource(parsed.data) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const source = await load((await params).key);
  if (!source) return { title: "Source not found" };
  // Highwire tags where they file the work as the right kind of item; a trail's query names the same work.
  return {
    // An untitled work goes by the words of the note citing it, never by its internal key (issue 17).
    title: source.title ?? source.citedAs ?? "A cited work",
    alternates: { canonical: sourceHref(source.key) },
    other: metaTagsAsMetadataOther(citedWorkMetaTags(toSourceRecord(source))),
  };
}

export default async function SourcePage({ params, searchParams }: Props) {
  const { key } = await params;
  const source = await load(key);
  const given = readTrail((await searchParams)[SOURCE_KEYS.trail]);
  if (!source) {
    // A work whose citations joined another source since the link was made: its page is that source's.
    const parsed = sourceKeySegment.safeParse(key);
    const moved = parsed.success ? await resolveMovedSourceKey(parsed.data) : null;
    if (moved) redirect(sourceHref(moved, given.trail));
    notFound();
  }
  const trail = trailOnSource(given.trail, source.key);
  const labels = await describeTrail(trail);
  const reference = exportSources([toSourceRecord(source)], "gbt7714").body.trim().replace(/^\[1\]\s*/u, "");
  const shared = source.documents.length > 1;

  return (
    <article className="mx-auto max-w-4xl px-4 py-10" data-testid="source-page" data-source-key={source.key}>
      {/* schema.org description of the cited work; jsonLdScriptText escapes what could end the script. */}
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: jsonLdScriptText(citedWorkJsonLd(toSourceRecord(source), { sourcePageUrl: absoluteUrl(sourceHref(source.key)) })) }}
      />
      <TrailBreadcrumb trail={trail} labels={labels} invalid={given.invalid} />
      <p className="text-sm text-muted dark:text-night-muted">
        <Link href={bibliographyHref()} className="underline decoration-rule underline-offset-2 dark:decoration-night-rule">
          Bibliography
        </Link>{" "}
        · Cited work
      </p>
      <h1 className="mt-1 font-serif text-2xl font-semibold leading-snug" lang="zh-Hans">
        <SourceName title={source.title} citedAs={source.citedAs} />
      </h1>

      <section aria-labelledby="record" className="mt-6">
        <h2 id="record" className="sr-only">
          Record
        </h2>
        <SourceRecordView source={source} />
      </section>

      <section aria-labelledby="cite" className="mt-8 rounded bg-white/60 p-4 dark:bg-white/5">
        <h2 id="cite" className="text-sm font-semibold">
          Cite it (GB/T 7714-2015)
        </h2>
        <p className="mt-1 font-serif text-sm leading-6" lang="zh-Hans" data-testid="gbt-reference">
          {reference}
        </p>
        <div className="mt-3">
          <ExportLinks label="Download" href={(format) => sourceExportHref(source.key, format)} />
        </div>
      </section>

      <section aria-labelledby="grouping" className="mt-8">
        <h2 id="grouping" className="font-semibold">
          Why these notes cite one work
        </h2>
        <div className="mt-2">
          <SourceEvidenceList confidence={source.confidence} evidence={source.evidence} citations={source.citations.length} />
        </div>
      </section>

      <section aria-labelledby="citing" className="mt-10">
        <h2 id="citing" className="font-semibold">
          Cited in {source.citations.length} {source.citations.length === 1 ? "note" : "notes"} of {source.documents.length}{" "}
          {source.documents.length === 1 ? "document" : "documents"}
        </h2>
        {shared ? (
          <p className="mt-1 text-sm text-muted dark:text-night-muted" data-testid="shared-by">
            Shared by{" "}
            {source.documents.map((document, index) => (
              <span key={document.slug}>
                {index > 0 ? "、" : ""}
                <Link href={bibliographyHref({ doc: document.slug })} className="underline decoration-rule underline-offset-2 dark:decoration-night-rule">
                  {document.title}
                </Link>
              </span>
            ))}
          </p>
        ) : null}
        <div className="mt-4">
          <CitingNotes citations={source.citations} documents={source.documents} trail={trail} />
        </div>
      </section>
    </article>
  );
}
