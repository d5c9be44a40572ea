"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import { printedPageLabel } from "@/lib/reader/printed-page";
import type { PageRect, RenderedPage } from "./printed-page-render";
import { usePrintedPageOpener, type PrintedPageRequest } from "./use-printed-page-opener";

type Shown = { status: "loading" } | { status: "shown"; page: RenderedPage } | { status: "failed"; reason: string };

/**
 * The printed page beside the text: a modal dialog with a paragraph's or note's page of the essay's PDF, drawn
 * by pdf.js (loaded on the first open, never before), the block's lines outlined and the journal's page number
 * named. Previous and next page turn within the PDF. Escape, the close button or a click outside closes it,
 * and focus goes back to the control that opened it. One per page: the reader and both panes of side by side.
 */
export function PrintedPageDialog() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const sheetRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [request, setRequest] = useState<PrintedPageRequest | null>(null);
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState<Shown>({ status: "loading" });
  // Twice the dialog's width: a phone shows a whole journal page at a size too small to read.
  const [zoomed, setZoomed] = useState(false);
  const titleId = useId();
  const statusId = useId();

  const open = useCallback((next: PrintedPageRequest) => {
    setRequest(next);
    setPage(next.page);
    setZoomed(false);
    setShown({ status: "loading" });
  }, []);
  usePrintedPageOpener(open);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!request || !dialog || dialog.open) return;
    dialog.showModal();
    closeRef.current?.focus();
  }, [request]);

  useEffect(() => {
    const dialog = dialogRef.current;
    const canvas = canvasRef.current;
    const sheet = sheetRef.current;
    if (!request || !dialog || !canvas || !sheet) return;
    let current = true;
    setShown({ status: "loading" });
    import("./printed-page-render")
      .then(({ renderPrintedPage }) => renderPrintedPage(request.pdfUrl, page, canvas, sheet.clientWidth, request.boxes))
      .then((rendered) => {
        if (current) setShown({ status: "shown", page: rendered });
      })
      .catch((error: unknown) => {
        if (!current || (error instanceof Error && error.name === "RenderingCancelledException")) return;
        setShown({ status: "failed", reason: describeFailure(error) });
      });
    return () => {
      current = false;
    };
  }, [request, page, zoomed]);

  // The block's first line in view once its page is drawn: a note at the page's foot is otherwise below the fold on a phone.
  useEffect(() => {
    if (shown.status !== "shown" || shown.page.rects.length === 0) return;
    sheetRef.current?.querySelector("[data-page-box]")?.scrollIntoView({ block: "center" });
  }, [shown]);

  const onClose = () => {
    const opener = request?.opener;
    setRequest(null);
    if (opener?.isConnected) opener.focus();
  };

  const pageCount = shown.status === "shown" ? shown.page.pageCount : null;
  const folio = request?.folios.get(page);
  const printed = request ? printedPageLabel([page, page], request.folios) : "";
  const onThisPage = request?.boxes.some((box) => box.page === page) ?? false;

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={statusId}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (event.target === dialogRef.current) dialogRef.current.close();
      }}
      className="printed-page-dialog m-auto max-h-[calc(100dvh-1rem)] w-[min(100vw-1rem,52rem)] max-w-none overflow-hidden rounded-lg border border-rule bg-paper p-0 text-ink shadow-xl backdrop:bg-[rgb(0_0_0/0.45)] dark:border-night-rule dark:bg-night dark:text-night-ink"
    >
      {request ? (
        <div className="flex max-h-[calc(100dvh-1rem)] flex-col" lang="en">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-rule px-4 py-2 dark:border-night-rule">
            <h2 id={titleId} className="mr-auto text-base font-semibold">
              <span lang="zh-Hans">原刊页面</span> · {request.blockName} on the printed page
            </h2>
            <PageTurner
              page={page}
              pageCount={pageCount}
              printed={folio !== undefined ? printed : null}
              pdfUrl={request.pdfUrl}
              onPage={setPage}
              onClose={() => dialogRef.current?.close()}
              closeRef={closeRef}
              zoomed={zoomed}
              onZoom={() => setZoomed((z) => !z)}
            />
          </div>
          <p id={statusId} role="status" className="px-4 py-1 text-xs text-muted dark:text-night-muted">
            {statusText(shown, request.blockName, onThisPage)}
          </p>
          {/* Focusable: a keyboard scrolls the page where it is taller than the window (a phone). */}
          <div className="min-h-0 flex-1 overflow-auto px-2 pb-2 sm:px-4 sm:pb-4" tabIndex={0} role="region" aria-label="The printed page">
            <div
              ref={sheetRef}
              className="relative mx-auto bg-white shadow"
              style={{ width: zoomed ? `${ZOOM * 100}%` : "100%", aspectRatio: shown.status === "shown" ? String(shown.page.aspect) : "0.707" }}
            >
              <canvas
                ref={canvasRef}
                className="block h-full w-full"
                role="img"
                aria-label={`${folio !== undefined ? `Printed page ${folio}` : `PDF page ${page}`} of the essay${onThisPage ? `, ${request.blockName} outlined` : ""}`}
              />
              {shown.status === "shown" ? shown.page.rects.map((rect, k) => <BoxOutline key={k} rect={rect} />) : null}
            </div>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}

/** Previous and next page, where the reader is (printed and PDF page), the whole PDF, and Close. */
function PageTurner({
  page,
  pageCount,
  printed,
  pdfUrl,
  onPage,
  onClose,
  closeRef,
  zoomed,
  onZoom,
}: {
  page: number;
  pageCount: number | null;
  printed: string | null;
  pdfUrl: string;
  onPage: (page: number) => void;
  onClose: () => void;
  closeRef: React.RefObject<HTMLButtonElement | null>;
  zoomed: boolean;
  onZoom: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-1 text-sm">
      <button type="button" className={BUTTON} onClick={() => onPage(Math.max(1, page - 1))} disabled={page <= 1} aria-label="Previous page">
        ‹
      </button>
      <span className="min-w-[9rem] whitespace-nowrap text-center tabular-nums" aria-live="polite" data-page-position="">
        {printed !== null ? `${printed} · ` : ""}PDF page {page}
        {pageCount !== null ? ` of ${pageCount}` : ""}
      </span>
      <button type="button" className={BUTTON} onClick={() => pageCount !== null && onPage(Math.min(pageCount, page + 1))} disabled={pageCount === null || page >= pageCount} aria-label="Next page">
        ›
      </button>
      <button type="button" className={`${BUTTON} px-2`} aria-pressed={zoomed} onClick={onZoom}>
        Zoom
      </button>
      <a href={`${pdfUrl}#page=${page}`} target="_blank" rel="noopener" className={`${BUTTON} px-2`}>
        PDF
        <span className="sr-only"> (the whole file, in a new tab)</span>
      </a>
      <button ref={closeRef} type="button" className={`${BUTTON} px-2`} onClick={onClose}>
        Close
      </button>
    </div>
  );
}

/** What the dialog says about the page it shows (a live status). */
function statusText(shown: Shown, blockName: string, onThisPage: boolean): string {
  if (shown.status === "loading") return "Drawing the page…";
  if (shown.status === "failed") return `The page cannot be shown: ${shown.reason}`;
  return onThisPage ? `${blockName} is outlined.` : `${blockName} is not on this page.`;
}

/** How much larger the zoomed page is drawn than the dialog is wide. */
const ZOOM = 2;

const BUTTON =
  "inline-flex min-h-8 min-w-8 items-center whitespace-nowrap justify-center rounded border border-rule hover:border-accent disabled:opacity-40 dark:border-night-rule dark:hover:border-night-accent";

function BoxOutline({ rect }: { rect: PageRect }) {
  return (
    <div
      data-page-box=""
      aria-hidden="true"
      className="pointer-events-none absolute rounded-sm outline-[1.5px] outline-offset-1 outline-accent"
      style={{ left: `${rect.left}%`, top: `${rect.top}%`, width: `${rect.width}%`, height: `${rect.height}%`, backgroundColor: "rgb(138 43 29 / 0.08)" }}
    />
  );
}

/** Why a page could not be drawn, in a reader's words: the PDF gone (404 with its reason), unreachable, or unreadable. */
function describeFailure(error: unknown): string {
  if (error instanceof Error && error.name === "ResponseException") {
    const status = (error as Error & { status?: number }).status;
    return status === 404 ? "the essay's PDF is not kept (it was read from a text, or loaded without its PDF)." : `the PDF could not be fetched (HTTP ${status ?? "error"}).`;
  }
  if (error instanceof Error && error.name === "InvalidPDFException") return "the PDF cannot be read.";
  return "the PDF could not be loaded; try again.";
}
