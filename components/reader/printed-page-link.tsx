import type { PdfPlacement } from "@/lib/model/document-model";
import { encodeFolios, encodePageBoxes, printedPageLabel } from "@/lib/reader/printed-page";
import { sourcePdfHref } from "@/lib/urls/app-urls";

/** The attributes the page view (printed-page-dialog.tsx) reads from a control and from the body around it. */
export const PRINTED_PAGE_ATTRIBUTES = {
  /** On the control: the PDF page to open (1-based). */
  page: "data-printed-page",
  /** On the control: the block's line boxes (lib/reader/printed-page.ts's encoding). */
  boxes: "data-page-boxes",
  /** On the control: how the block is named ("¶ 3", "note ②"). */
  block: "data-block-name",
  /** On the document body: the printed page number of each PDF page that shows one. */
  folios: "data-pdf-folios",
} as const;

/**
 * "¶ 3 on the printed page: p. 27" ("p. 27" shown): opens a paragraph's or note's page of the essay's PDF with the block outlined
 * (printed-page-dialog.tsx, once the reader's script runs). A link to the PDF at that page before then, or
 * opened in a new tab: the browser's own viewer shows the same page.
 */
export function PrintedPageLink({
  slug,
  placement,
  folios,
  blockName,
  className,
}: {
  slug: string;
  placement: PdfPlacement;
  folios: ReadonlyMap<number, string>;
  blockName: string;
  className?: string;
}) {
  const label = printedPageLabel(placement.pages, folios);
  return (
    <a
      href={sourcePdfHref(slug, placement.pages[0])}
      className={`printed-page-link inline-flex min-h-6 items-center gap-1 underline-offset-2 hover:underline ${className ?? ""}`}
      lang="en"
      aria-haspopup="dialog"
      title="On the printed page"
      {...{ [PRINTED_PAGE_ATTRIBUTES.page]: placement.pages[0], [PRINTED_PAGE_ATTRIBUTES.boxes]: encodePageBoxes(placement.boxes), [PRINTED_PAGE_ATTRIBUTES.block]: blockName }}
    >
      <PageGlyph />
      {/* Named from its content, the visible label inside ("¶ 3 on the printed page: p. 27"), as axe asks of a link. */}
      <span className="sr-only">{`${blockName} on the printed page:`}</span>
      {label}
    </a>
  );
}

/** The folios of a document's pages, for the document body's attribute. */
export function foliosAttribute(folios: ReadonlyMap<number, string>): Record<string, string> {
  return { [PRINTED_PAGE_ATTRIBUTES.folios]: encodeFolios(folios) };
}

/** A page with a folded corner, drawn small beside the page label. */
function PageGlyph() {
  return (
    <svg aria-hidden="true" width="10" height="12" viewBox="0 0 10 12" fill="none" stroke="currentColor" strokeWidth="1.2">
      <path d="M1 1h5l3 3v7H1z" />
      <path d="M6 1v3h3" />
    </svg>
  );
}
