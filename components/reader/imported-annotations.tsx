import type { ImportedAnnotationView } from "@/lib/db/list-imported-annotations";
import { passageHref } from "@/lib/urls/app-urls";

/** The heading's id, for the landmark's name and for links to the list. */
export const IMPORTED_ANNOTATIONS_ID = "imported-annotations";

/**
 * The Web Annotations imported on this document (`npm run annotations -- import`): each anchored one with a
 * link to its words in the text, the notes about the whole document, then the orphans with the words they
 * quote and why they are attached nowhere. What annotators wrote is untrusted: rendered as React text only.
 * Nothing is shown when the document has none.
 */
export function ImportedAnnotations({ slug, annotations }: { slug: string; annotations: readonly ImportedAnnotationView[] }) {
  if (annotations.length === 0) return null;
  const anchored = annotations.filter((annotation) => annotation.status === "anchored");
  const whole = annotations.filter((annotation) => annotation.status === "document");
  const orphans = annotations.filter((annotation) => annotation.status === "orphaned");
  return (
    <aside className="notes-list mt-10" aria-labelledby={IMPORTED_ANNOTATIONS_ID} data-imported-annotations="">
      <h2 id={IMPORTED_ANNOTATIONS_ID} className="notes-title">
        导入的批注 · Imported annotations
      </h2>
      <p lang="en" className="mt-1 text-sm text-muted dark:text-night-muted">
        {countOf(annotations.length, "annotation")} imported from other annotation tools (W3C Web Annotation, Hypothesis): {anchored.length} on
        passages of the text, {whole.length} on the whole document, {countOf(orphans.length, "orphan")}.
      </p>
      {anchored.length > 0 ? (
        <ol className="mt-3 grid gap-3" data-annotation-group="anchored">
          {anchored.map((annotation) => (
            <li key={annotation.externalId} data-imported-annotation={annotation.externalId} data-status="anchored">
              {annotation.anchor ? (
                <a className="font-serif underline decoration-dotted underline-offset-4" lang="zh-Hans" href={linkTo(slug, annotation.anchor)}>
                  “{annotation.anchor.text}”
                </a>
              ) : null}
              {annotation.reason ? (
                <span lang="en" className="block text-sm text-muted dark:text-night-muted" data-anchoring-note="">
                  {annotation.reason}
                  {annotation.quote && annotation.quote !== annotation.anchor?.text ? <> · quoted as “{annotation.quote}”</> : null}
                </span>
              ) : null}
              <AnnotationBody annotation={annotation} />
            </li>
          ))}
        </ol>
      ) : null}
      {whole.length > 0 ? (
        <>
          <h3 lang="en" className="mt-4 text-sm font-semibold">
            On the whole document
          </h3>
          <ul className="mt-2 grid gap-3" data-annotation-group="document">
            {whole.map((annotation) => (
              <li key={annotation.externalId} data-imported-annotation={annotation.externalId} data-status="document">
                <AnnotationBody annotation={annotation} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {orphans.length > 0 ? (
        <>
          <h3 lang="en" className="mt-4 text-sm font-semibold">
            Orphans: not attached to the text
          </h3>
          <ul className="mt-2 grid gap-3" data-annotation-group="orphaned">
            {orphans.map((annotation) => (
              <li key={annotation.externalId} data-imported-annotation={annotation.externalId} data-status="orphaned">
                {annotation.quote ? (
                  <blockquote lang="zh-Hans" className="font-serif">
                    “{annotation.quote}”
                  </blockquote>
                ) : null}
                <span lang="en" className="block text-sm text-muted dark:text-night-muted" data-orphan-reason="">
                  {annotation.reason}
                </span>
                <AnnotationBody annotation={annotation} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </aside>
  );
}

/** What the annotator wrote, the tags, and who and when, each only when given. */
function AnnotationBody({ annotation }: { annotation: ImportedAnnotationView }) {
  const byline = [annotation.creator, annotation.created?.slice(0, 10)].filter(Boolean).join(", ");
  return (
    <>
      {annotation.bodyText ? <p className="mt-1 whitespace-pre-line text-sm">{annotation.bodyText}</p> : null}
      {annotation.tags.length > 0 || byline ? (
        <p className="mt-1 flex flex-wrap gap-1.5 text-xs text-muted dark:text-night-muted">
          {annotation.tags.map((tag) => (
            <span key={tag} className="rounded border border-rule px-1.5 dark:border-night-rule">
              {tag}
            </span>
          ))}
          {byline ? <span>{byline}</span> : null}
        </p>
      ) : null}
    </>
  );
}

/** A passage link to the words as they stand now (the part in the block they start in). */
function linkTo(slug: string, anchor: NonNullable<ImportedAnnotationView["anchor"]>): string {
  const exact = anchor.text.split("\n")[0] ?? anchor.text;
  return passageHref(slug, { exact, prefix: "", suffix: "", blockAnchor: anchor.block, offset: anchor.offset });
}

function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
