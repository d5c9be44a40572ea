import type { Footnote, Marker } from "@/lib/model/document-model";
import { segmentBlock, type BlockMark } from "@/lib/reader/segment-block";
import { NOTE_POPOVER_ID } from "./note-popover";

export interface BlockTextProps {
  text: string;
  markers: readonly Marker[];
  marks?: readonly BlockMark[];
  /** DOM id of each marker, by its index in `markers`. */
  markerIds: readonly string[];
  notes: ReadonlyMap<string, Footnote>;
  /** Prefix of every DOM id, so two panes can show the same document. */
  idPrefix: string;
}

/**
 * A block's text with its note markers in place. Each text run carries its offset in the block
 * (`data-o`), so a selection can be turned back into offsets of the stored text; markers are buttons
 * opening the document's note popover (native: Escape and outside clicks close it, focus returns to the marker).
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
        // The button stands alone in the text (a wrapper per marker was an element to send and hydrate for nothing).
        return (
          <button
            key={`m${index}`}
            type="button"
            id={id}
            popoverTarget={idPrefix + NOTE_POPOVER_ID}
            className="note-marker"
            aria-label={`注释 ${marker.label}${markerCaveat(note)}`}
            data-note={marker.footnoteAnchor}
            data-status={note?.status ?? "missing"}
            data-attachment={note?.attachment?.uncertain ? "uncertain" : undefined}
            data-label={marker.label}
            data-page={note?.page}
          >
            {marker.label}
          </button>
        );
      })}
    </>
  );
}

/** What a marker's accessible name adds about its note: lost, not located, or placed with less than certainty. */
function markerCaveat(note: Footnote | undefined): string {
  if (!note) return "";
  if (note.status === "missing") return "（原文缺失）";
  if (note.status === "unlocated") return "（未能定位）";
  return note.attachment?.uncertain ? "（归属存疑）" : "";
}
