import Link from "next/link";
import type { SourceListItem } from "@/lib/db/list-sources";
import { bibliographyHref, sourceHref } from "@/lib/urls/app-urls";
import { OutboundLink } from "./outbound-link";
import { SourceName } from "./source-name";
import { SOURCE_TYPE_LABELS } from "./source-labels";

/** The bibliography's entries: each work, what it is, and where it is cited (per document, with counts). */
export function BibliographyList({ sources }: { sources: SourceListItem[] }) {
  if (sources.length === 0) {
    return <p className="text-muted dark:text-night-muted">No cited work matches these filters.</p>;
  }
  return (
    <ol className="grid gap-5" aria-label="Cited works" data-testid="bibliography-entries">
      {sources.map((source) => (
        <li key={source.key} className="border-b border-rule pb-4 dark:border-night-rule" data-testid="bibliography-entry" data-source-key={source.key}>
          <p className="font-serif text-[1.05rem] leading-7" lang="zh-Hans">
            {source.authors.length > 0 ? `${source.authors.join("、")}：` : ""}
            <Link href={sourceHref(source.key)} className="font-semibold hover:text-accent dark:hover:text-night-accent">
              <SourceName title={source.title} citedAs={source.citedAs} />
            </Link>
            {source.container ? `，${source.container}` : ""}
            {source.date ? `，${source.date}` : ""}
          </p>
          <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-muted dark:text-night-muted">
            <span data-testid="entry-type">
              {SOURCE_TYPE_LABELS[source.type].zh} ({SOURCE_TYPE_LABELS[source.type].en})
            </span>
            <span data-testid="times-cited">
              cited {source.timesCited} {source.timesCited === 1 ? "time" : "times"}
            </span>
          </p>
          {source.urls.length > 0 ? (
            <ul className="mt-1 grid gap-0.5 text-xs">
              {source.urls.map((url) => (
                <li key={url}>
                  <OutboundLink url={url} />
                </li>
              ))}
            </ul>
          ) : null}
          <p className="mt-1 text-xs">
            <span className="text-muted dark:text-night-muted">Cited in: </span>
            {source.citedIn.map((document, index) => (
              <span key={document.slug} data-testid="cited-in" data-slug={document.slug}>
                {index > 0 ? "; " : ""}
                <Link href={bibliographyHref({ doc: document.slug })} className="underline decoration-rule underline-offset-2 dark:decoration-night-rule">
                  {document.title}
                </Link>{" "}
                ({document.citations})
              </span>
            ))}
          </p>
        </li>
      ))}
    </ol>
  );
}
