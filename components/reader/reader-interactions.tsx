"use client";

import { CopyToast } from "./copy-toast";
import { LinkNotice } from "./link-notice";
import { PrintedPageDialog } from "./printed-page-dialog";
import { SelectionLinkButton } from "./selection-link-button";
import { useArrival } from "./use-arrival";
import { useCopyLink } from "./use-copy-link";
import { useFragmentResolution } from "./use-fragment-resolution";
import { useNoteHistory } from "./use-note-history";
import { useNotePopover } from "./use-note-popover";
import { useOpeningPosition } from "./use-opening-position";
import { useParagraphLinkButtons } from "./use-paragraph-link-buttons";
import { useSelectionLink } from "./use-selection-link";

/**
 * Everything in the reader that needs a script, working on the server-rendered text by delegation:
 * copying links (a paragraph's, a selection's), finding a link's target again when its anchor has moved,
 * search-hit highlighting, landing visibly wherever the address points, and note popovers in the history. In side by side it serves both panes
 * (`resolveFragment` off: there the panes keep their own positions).
 */
export function ReaderInteractions({ slug, hasQuote = false, resolveFragment = true }: { slug?: string; hasQuote?: boolean; resolveFragment?: boolean }) {
  const { copied, copy } = useCopyLink();
  useParagraphLinkButtons(copy, slug);
  const selection = useSelectionLink();
  useOpeningPosition(hasQuote);
  useArrival(slug, resolveFragment);
  const notice = useFragmentResolution(slug, resolveFragment);
  useNotePopover();
  useNoteHistory();

  return (
    <>
      {notice ? <LinkNotice key={notice.anchor} notice={notice} /> : null}
      {selection ? <SelectionLinkButton link={selection} onCopy={(href) => void copy(href)} /> : null}
      <CopyToast copied={copied} />
      <PrintedPageDialog />
    </>
  );
}
