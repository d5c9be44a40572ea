/** The id of the reader's text (DocumentBody), where the skip link lands. */
export const DOCUMENT_TEXT_ID = "document-text";

/**
 * "Skip to the text": the first stop of the keyboard in the reader, past the outline, the title block and
 * the side-by-side form, so the first note marker is a few Tab presses in, not dozens. Hidden until focused.
 */
export function SkipToText() {
  return (
    <a
      href={`#${DOCUMENT_TEXT_ID}`}
      className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-paper focus:p-2 focus:shadow dark:focus:bg-night"
      data-skip-to-text=""
    >
      跳到正文 · <span lang="en">Skip to the text</span>
    </a>
  );
}
