import Link from "next/link";
import { EditorialCorrection, UncertainAttachment } from "@/components/reader/note-provenance";
import type { SourceCitation, SourceDocument } from "@/lib/db/get-source";
import { appendStep, type Trail } from "@/lib/trail/trail-param";
import { citingPassageHref, readerHref } from "@/lib/urls/app-urls";

/**
 * Every note citing the work, by document: the passage around the marker, the exact wording of the
 * citation, and links into the reader that carry the trail one step further.
 */
export function CitingNotes({ citations, documents, trail }: { citations: SourceCitation[]; documents: SourceDocument[]; trail: Trail }) {
  return (
    <div className="grid gap-8">
      {documents.map((document) => (
        <section key={document.slug} aria-labelledby={`cited-in-${document.slug}`} data-testid="citing-document" data-slug={document.slug}>
          <h3 id={`cited-in-${document.slug}`} className="font-serif text-lg font-semibold">
            <Link href={readerHref(document.slug)} className="hover:text-accent dark:hover:text-night-accent">
              {document.title}
            </Link>{" "}
            <span className="font-sans text-sm font-normal text-muted dark:text-night-muted">
              {document.citations} {document.citations === 1 ? "note" : "notes"}
            </span>
          </h3>
          <ol className="mt-3 grid gap-4">
            {citations
              .filter((citation) => citation.documentSlug === document.slug)
              .map((citation) => (
                <CitingNote key={citation.citationAnchor} citation={citation} trail={trail} />
              ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function CitingNote({ citation, trail }: { citation: SourceCitation; trail: Trail }) {
  const { block } = citation;
  const step = { kind: "note", slug: citation.documentSlug, noteAnchor: citation.noteAnchor } as const;
  return (
    <li className="rounded border border-rule p-4 dark:border-night-rule" data-testid="citing-note" data-note={citation.noteAnchor}>
      {block ? (
        <p className="font-serif leading-7" lang="zh-Hans">
          {block.excerpt.clippedStart ? "…" : ""}
          {block.excerpt.before}
          <sup className="px-0.5 font-sans text-xs text-accent dark:text-night-accent">{citation.noteLabel}</sup>
          {block.excerpt.after}
          {block.excerpt.clippedEnd ? "…" : ""}
        </p>
      ) : (
        <p className="text-sm text-muted dark:text-night-muted">No marker in the body calls this note.</p>
      )}
      <p className="mt-3 text-sm">
        <span className="text-muted dark:text-night-muted">
          Note {citation.noteLabel} (page {citation.notePage}
          {citation.noteStatus === "truncated" ? ", only its tail survives" : ""}) cites it as:
        </span>
      </p>
      <blockquote className="mt-1 border-l-2 border-rule pl-3 font-serif text-sm leading-6 dark:border-night-rule" lang="zh-Hans" data-testid="citation-raw">
        {citation.raw}
        {citation.repeatsAnchor ? (
          <span className="ml-2 font-sans text-xs text-muted dark:text-night-muted">(同上: repeats the citation before it)</span>
        ) : null}
      </blockquote>
      {citation.noteAttachment?.uncertain ? <UncertainAttachment attachment={citation.noteAttachment} /> : null}
      {citation.noteCorrection ? <EditorialCorrection correction={citation.noteCorrection} block /> : null}
      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link
          href={citingPassageHref({ trail, slug: citation.documentSlug, noteAnchor: citation.noteAnchor, blockAnchor: block?.anchor ?? null })}
          className="font-medium text-accent underline underline-offset-2 dark:text-night-accent"
          data-testid="open-citing-passage"
        >
          Open this citing passage
        </Link>
        <Link
          href={readerHref(citation.documentSlug, { trail: appendStep(trail, step), fragment: citation.noteAnchor })}
          className="underline decoration-rule underline-offset-2 dark:decoration-night-rule"
        >
          Go to note {citation.noteLabel}
        </Link>
      </p>
    </li>
  );
}
