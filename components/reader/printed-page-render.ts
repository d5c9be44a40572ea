import { getDocument, GlobalWorkerOptions, version, type PDFDocumentProxy, type RenderTask } from "pdfjs-dist";
import type { PageBox } from "@/lib/reader/printed-page";
import { pdfjsAssetsHref } from "@/lib/urls/app-urls";

/**
 * pdf.js in the browser, loaded only when a reader first asks for a printed page (printed-page-dialog.tsx
 * imports this module dynamically): the display build, its worker from the app's own origin, no eval (the
 * CSP has none), no XFA, no wasm decoders (the CSP compiles no WebAssembly; pdf.js falls back), and nothing
 * in the PDF run — pdf.js renders pages and never executes a PDF's JavaScript without a scripting sandbox,
 * which is not loaded.
 */

const assets = pdfjsAssetsHref(version);
const documents = new Map<string, Promise<PDFDocumentProxy>>();

function openPdf(url: string): Promise<PDFDocumentProxy> {
  let pending = documents.get(url);
  if (!pending) {
    // One worker for every PDF of the page, created on first use, from the app's own origin.
    if (!GlobalWorkerOptions.workerPort) GlobalWorkerOptions.workerPort = new Worker(`${assets}build/pdf.worker.min.mjs`, { type: "module" });
    pending = getDocument({
      url,
      isEvalSupported: false,
      enableXfa: false,
      useWasm: false,
      cMapUrl: `${assets}cmaps/`,
      cMapPacked: true,
      standardFontDataUrl: `${assets}standard_fonts/`,
      verbosity: 0,
    }).promise;
    // A failed load is not kept: the next open asks again.
    pending.catch(() => documents.delete(url));
    documents.set(url, pending);
  }
  return pending;
}

/** A box on the rendered page, as percentages of its width and height (so it stays on its line at any size). */
export interface PageRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface RenderedPage {
  pageCount: number;
  /** The page's width over its height, as shown (rotation applied). */
  aspect: number;
  /** The block's boxes on this page. */
  rects: PageRect[];
}

let running: RenderTask | null = null;

/**
 * Draws page `pageNumber` of the PDF at `url` into `canvas`, `cssWidth` CSS pixels wide at the screen's pixel
 * density, cancelling a drawing still under way (a reader who pages quickly). The block's `boxes` (PDF points
 * from the unrotated page's top-left corner, as the ingest measured them) come back as percentages of the page as shown.
 */
export async function renderPrintedPage(url: string, pageNumber: number, canvas: HTMLCanvasElement, cssWidth: number, boxes: readonly PageBox[]): Promise<RenderedPage> {
  const pdf = await openPdf(url);
  const number = Math.min(Math.max(1, pageNumber), pdf.numPages);
  const page = await pdf.getPage(number);
  const unit = page.getViewport({ scale: 1 });
  const scale = (cssWidth / unit.width) * Math.min(window.devicePixelRatio || 1, MAX_PIXEL_RATIO);
  const viewport = page.getViewport({ scale });
  running?.cancel();
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  const task = page.render({ canvas, viewport });
  running = task;
  try {
    await task.promise;
  } finally {
    if (running === task) running = null;
  }
  const [left, , , top] = page.view as [number, number, number, number];
  const rects = boxes
    .filter((box) => box.page === number)
    .map((box) => {
      const [x1, y1, x2, y2] = unit.convertToViewportRectangle([left + box.x, top - box.y, left + box.x + box.width, top - box.y - box.height]) as [number, number, number, number];
      const percent = (value: number, whole: number) => (100 * value) / whole;
      return {
        left: percent(Math.min(x1, x2), unit.width),
        top: percent(Math.min(y1, y2), unit.height),
        width: percent(Math.abs(x2 - x1), unit.width),
        height: percent(Math.abs(y2 - y1), unit.height),
      };
    });
  return { pageCount: pdf.numPages, aspect: unit.width / unit.height, rects };
}

/**
 * Pixel density drawn at, at most: a 3× phone screen would draw a page of nine times the pixels of a 1×
 * screen for text that reads as well at two; memory on a phone is the limit.
 */
const MAX_PIXEL_RATIO = 2;
