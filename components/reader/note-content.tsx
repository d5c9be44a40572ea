import type { CitationDraft, FootnoteDraft } from "@/lib/ingest/document-draft";
import { safeOutboundUrl } from "@/lib/reader/safe-outbound-url";
import type { BlockMark } from "@/lib/reader/segment-block";
import { BlockText } from "./block-text";

const noNotes: ReadonlyMap<string, FootnoteDraft> = new Map();

/**
 * What a note says, as the popover and the notes list both show it: its text and its citations, or a
 * plain statement that the source lost it. Corpus text is rendered as React text only.
 */
export function NoteContent({
  note,
  calledFrom,
  citationIdPrefix,
  sourceHrefs,
  marks,
}: {
  note: FootnoteDraft;
  /** Where the marker stands, for a missing note: "¶ 12". */
  calledFrom: string | null;
  /** Give citations their anchors as DOM ids, with this prefix (the notes list does; popovers must not duplicate them). */
  citationIdPrefix?: string;
  /** The cited work's page, with the footnote trail, by citation anchor. */
  sourceHrefs?: ReadonlyMap<string, string>;
  /** Highlights in the note's text (a search hit, a quoted passage, concept mentions). */
  marks?: readonly BlockMark[];
}) {
  return (
    <>
      {note.status === "missing" ? (
        <span className="block text-muted dark:text-night-muted" data-note-status="missing">
          <span className="font-medium text-ink dark:text-night-ink">原文缺失</span>
          <span lang="en"> · The note&apos;s text is missing from the source.</span>
          <span lang="en" className="block text-sm">
            {`Its marker ${note.label} stands ${calledFrom ? `in ${calledFrom}` : "in the text"}, on printed page ${note.page}.`}
          </span>
        </span>
      ) : (
        <span className="block" data-note-status={note.status}>
          {note.status === "truncated" ? (
            <span lang="en" className="mr-1 rounded-sm bg-rule px-1 text-xs text-muted dark:bg-night-rule dark:text-night-muted">
              残缺 · truncated: only part of this note survives
            </span>
          ) : null}
          <span lang="zh-Hans" data-block={note.anchor}>
            <BlockText text={note.text} markers={[]} marks={marks} markerIds={[]} notes={noNotes} idPrefix={citationIdPrefix ?? ""} />
          </span>
        </span>
      )}
      {note.citations.length > 0 ? (
        <span className="mt-2 block border-t border-rule pt-2 text-sm dark:border-night-rule">
          <span className="sr-only">Citations:</span>
          {note.citations.map((citation) => (
            <CitationLine
              key={citation.anchor}
              citation={citation}
              id={citationIdPrefix !== undefined ? citationIdPrefix + citation.anchor : undefined}
              sourceHref={sourceHrefs?.get(citation.anchor)}
            />
          ))}
        </span>
      ) : null}
    </>
  );
}

function CitationLine({ citation, id, sourceHref }: { citation: CitationDraft; id?: string; sourceHref?: string }) {
  const href = safeOutboundUrl(citation.url);
  const parts = [
    citation.authors.length > 0 ? citation.authors.join("、") : null,
    citation.title ? `《${citation.title}》` : null,
    citation.container,
    citation.date,
    citation.pages ? `第${citation.pages}页` : null,
  ].filter((part): part is string => Boolean(part));
  return (
    <span id={id} className="citation block scroll-mt-24 py-0.5" data-citation={citation.anchor}>
      <span>{parts.length > 0 ? parts.join("，") : citation.raw}</span>
      {citation.repeats ? <span lang="en" className="text-muted dark:text-night-muted"> (同上 · ibid.)</span> : null}
      {href ? (
        <>
          {" "}
          <a
            href={href}
            rel="noopener noreferrer"
            target="_blank"
            className="break-all text-accent underline decoration-1 underline-offset-2 dark:text-night-accent"
          >
            {href}
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        </>
      ) : citation.url ? (
        <span className="break-all text-muted dark:text-night-muted"> {citation.url}</span>
      ) : null}
      {sourceHref ? (
        <>
          {" "}
          <a href={sourceHref} className="whitespace-nowrap text-xs underline underline-offset-2" data-source-link="">
            出处 · <span lang="en">source and where else it is cited</span> →
          </a>
        </>
      ) : null}
    </span>
  );
}
