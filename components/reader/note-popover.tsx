/** The id (after the pane's prefix) of a document's one note popover. */
export const NOTE_POPOVER_ID = "note-popover";

/**
 * The one popover that shows a document's notes, whichever marker opened it: ReaderInteractions fills
 * it with that marker's note, copied from the notes list, where each note is rendered once (a popover
 * per marker doubled the page's elements). Without JavaScript it points to the lists.
 */
export function NotePopover({ idPrefix }: { idPrefix: string }) {
  return (
    <div popover="auto" id={idPrefix + NOTE_POPOVER_ID} role="dialog" aria-label="注释 · Note" className="note-popover" data-note-popover="">
      <span lang="en" className="text-sm">
        Each note is listed at the end of its section.
      </span>
    </div>
  );
}
