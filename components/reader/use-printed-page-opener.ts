"use client";

import { useEffect } from "react";
import type { PageBox } from "@/lib/reader/printed-page";
import { decodeFolios, decodePageBoxes } from "@/lib/reader/printed-page";
import { PRINTED_PAGE_ATTRIBUTES } from "./printed-page-link";

/** What a printed-page control asks to show. */
export interface PrintedPageRequest {
  /** The PDF's address (without the `#page=` the control's link carries for the browser's viewer). */
  pdfUrl: string;
  page: number;
  boxes: PageBox[];
  blockName: string;
  /** The printed page number of each PDF page that shows one. */
  folios: Map<number, string>;
  /** Focus goes back here when the view closes. */
  opener: HTMLElement;
}

/**
 * Clicks on printed-page controls (`data-printed-page`), wherever they are rendered (the reader, either pane
 * of side by side), by delegation: one listener however many paragraphs. A click with a modifier (new tab,
 * new window) is left to the browser, which opens the PDF itself at that page.
 */
export function usePrintedPageOpener(open: (request: PrintedPageRequest) => void): void {
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const control = (event.target as Element | null)?.closest<HTMLAnchorElement>(`a[${PRINTED_PAGE_ATTRIBUTES.page}]`);
      if (!control) return;
      const page = Number(control.getAttribute(PRINTED_PAGE_ATTRIBUTES.page));
      if (!Number.isInteger(page) || page < 1) return;
      event.preventDefault();
      const url = new URL(control.href);
      url.hash = "";
      open({
        pdfUrl: url.pathname + url.search,
        page,
        boxes: decodePageBoxes(control.getAttribute(PRINTED_PAGE_ATTRIBUTES.boxes) ?? ""),
        blockName: control.getAttribute(PRINTED_PAGE_ATTRIBUTES.block) ?? "",
        folios: decodeFolios(control.closest(`[${PRINTED_PAGE_ATTRIBUTES.folios}]`)?.getAttribute(PRINTED_PAGE_ATTRIBUTES.folios) ?? ""),
        opener: control,
      });
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [open]);
}
