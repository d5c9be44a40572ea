import type { Citation, Footnote } from "@/lib/model/document-model";
import { safeOutboundUrl } from "@/lib/reader/safe-outbound-url";
import type { BlockMark } from "@/lib/reader/segment-block";
import { BlockText } from "./block-text";
import { EditorialCorrection, UncertainAttachment } from "./note-provenance";

const noNotes: ReadonlyMap<string, Footnote> = new Map();

/**
 * What a note says, as the popover and the notes list both show it: its text and its citations, or a
 * plain statement that the source lost it or that it could not be located; an uncertain attachment and an
 * editorial correction are said in words. Corpus text is rendered as React text only.
 */
export function NoteContent({
  note,
  calledFrom,
  unattachedHref,
  citationIdPrefix,
  sourceHrefs,
  marks,
}: {
  note: Footnote;
  /** Where the marker stands, for a missing or unlocated note: "¶ 12". */
  calledFrom: string | null;
  /** For an unlocated note: the unattached note texts of its page, when there are any. */
  unattachedHref?: string | null;
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
        <span className="note-status" data-note-status="missing">
          <span className="note-status-name">原文缺失</span>
          <span lang="en"> · The note&apos;s text is missing from the source (lost in extraction).</span>
          <span lang="en" className="note-status-where">
            {`Its marker ${note.label} stands ${calledFrom ? `in ${calledFrom}` : "in the text"}, on printed page ${note.page}.`}
          </span>
        </span>
      ) : note.status === "unlocated" ? (
        <UnlocatedNote note={note} calledFrom={calledFrom} unattachedHref={unattachedHref ?? null} />
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
      {note.attachment?.uncertain ? <UncertainAttachment attachment={note.attachment} /> : null}
      {note.correction ? <EditorialCorrection correction={note.correction} block /> : null}
      {note.citations.length > 0 ? (
        <span className="note-citations">
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

/** A marker whose page kept note texts that could not be placed: its note may be among them. */
function UnlocatedNote({ note, calledFrom, unattachedHref }: { note: Footnote; calledFrom: string | null; unattachedHref: string | null }) {
  return (
    <span className="note-status" data-note-status="unlocated">
      <span className="note-status-name">未能定位</span>
      <span lang="en">
        {` · Note not located: printed page ${note.page} has note texts that could not be placed with certainty, and this note may be among them.`}
      </span>
      <span lang="en" className="note-status-where">
        {`Its marker ${note.label} stands ${calledFrom ? `in ${calledFrom}` : "in the text"}.`}
        {unattachedHref ? (
          <>
            {" "}
            <a href={unattachedHref} className="underline underline-offset-2" data-unattached-link="">
              {`The unattached note texts of page ${note.page} ↓`}
            </a>
          </>
        ) : null}
      </span>
    </span>
  );
}

function CitationLine({ citation, id, sourceHref }: { citation: Citation; id?: string; sourceHref?: string }) {
  const href = safeOutboundUrl(citation.url);
  const parts = [
    citation.authors.length > 0 ? citation.authors.join("、") : null,
    citation.title ? `《${citation.title}》` : null,
    citation.container,
    citation.date,
    citation.pages ? `第${citation.pages}页` : null,
  ].filter((part): part is string => Boolean(part));
  return (
    <span id={id} className="citation" data-citation={citation.anchor}>
      <span>{parts.length > 0 ? parts.join("，") : citation.raw}</span>
      {citation.repeats ? <span lang="en" className="text-muted dark:text-night-muted"> (同上 · ibid.)</span> : null}
      {href ? (
        <>
          {" "}
          <a
            href={href}
            rel="noopener noreferrer"
            target="_blank"
            className="citation-url"
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
          <a href={sourceHref} className="source-link" data-source-link="">
            出处 · <span lang="en">source and where else it is cited</span> →
          </a>
        </>
      ) : null}
    </span>
  );
}
