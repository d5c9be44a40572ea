import type { FootnoteDraft, MarkerDraft } from "@/lib/ingest/document-draft";
import { segmentBlock, type BlockMark } from "@/lib/reader/segment-block";

export interface BlockTextProps {
  text: string;
  markers: readonly MarkerDraft[];
  marks?: readonly BlockMark[];
  /** DOM id of each marker, by its index in `markers`. */
  markerIds: readonly string[];
  notes: ReadonlyMap<string, FootnoteDraft>;
  /** Prefix of every DOM id, so two panes can show the same document. */
  idPrefix: string;
}

/**
 * A block's text with its note markers in place. Each text run carries its offset in the block
 * (`data-o`), so a selection can be turned back into offsets of the stored text; markers are buttons
 * opening their note in a native popover (Escape and outside clicks close it, focus returns to the marker).
 */
export function BlockText({ text, markers, marks = [], markerIds, notes, idPrefix }: BlockTextProps) {
  return (
    <>
      {segmentBlock(text, markers, marks).map((segment) => {
        if (segment.kind === "text") {
          let content: React.ReactNode = segment.text;
          // A compound's enumeration holds its items' mentions: nested marks of one concept would say nothing more.
          for (const { concept, tone, ends } of segment.concepts) {
            content = (
              <mark data-concept={concept} data-tone={tone} data-end={ends ? "" : undefined}>
                {content}
              </mark>
            );
          }
          if (segment.marks.includes("search-hit")) content = <mark data-search-hit="">{content}</mark>;
          if (segment.marks.includes("quote")) content = <mark data-quote="">{content}</mark>;
          return (
            <span key={`t${segment.start}`} data-o={segment.start}>
              {content}
            </span>
          );
        }
        const { marker, index } = segment;
        const note = notes.get(marker.footnoteAnchor);
        const id = idPrefix + (markerIds[index] ?? `ref-${marker.footnoteAnchor}-${index}`);
        const popoverId = `${id}-note`;
        return (
          <span key={`m${index}`} className="note-ref">
            <button
              type="button"
              id={id}
              popoverTarget={popoverId}
              className="note-marker"
              aria-label={`注释 ${marker.label}${note?.status === "missing" ? "（原文缺失）" : ""}`}
              data-note={marker.footnoteAnchor}
              data-status={note?.status ?? "missing"}
            >
              {marker.label}
            </button>
            <span popover="auto" id={popoverId} role="dialog" aria-label={`注释 ${marker.label}`} className="note-popover">
              <span className="mb-1 flex items-baseline justify-between gap-3 text-xs text-muted dark:text-night-muted">
                <span>
                  注释 {marker.label}
                  {note ? <span lang="en"> · printed page {note.page}</span> : null}
                </span>
                <a href={`#${idPrefix}${marker.footnoteAnchor}`} className="underline underline-offset-2" data-note-link="">
                  <span lang="en">In the notes list ↓</span>
                </a>
              </span>
              {note ? (
                // The note's text is rendered once, in the notes list; opening the popover copies it here
                // (ReaderInteractions). Without JavaScript the link above leads to it.
                <span data-note-body={idPrefix + marker.footnoteAnchor} />
              ) : (
                <span lang="en">This marker&apos;s note was not found.</span>
              )}
            </span>
          </span>
        );
      })}
    </>
  );
}
