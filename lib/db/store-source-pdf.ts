import "server-only";
import type { DatabaseTransaction } from "./prisma-client";

/** A PDF as an ingest hands it to the loader: its bytes, their SHA-256 (hex) and each page's size in PDF points. */
export interface SourcePdfInput {
  sha256: string;
  bytes: Uint8Array;
  pageSizes: readonly { width: number; height: number }[];
}

/**
 * Keeps a PDF inside the loading transaction, once per content: the same bytes already stored (for this
 * document or another made from them) are left untouched, so re-ingesting them writes nothing here.
 */
export async function storeSourcePdf(pdf: SourcePdfInput, tx: DatabaseTransaction): Promise<void> {
  const stored = await tx.sourcePdf.findUnique({ where: { sha256: pdf.sha256 }, select: { sha256: true } });
  if (stored) return;
  await tx.sourcePdf.create({
    data: {
      sha256: pdf.sha256,
      // Prisma's Bytes column takes a Uint8Array over its own ArrayBuffer.
      bytes: new Uint8Array(pdf.bytes),
      byteCount: pdf.bytes.length,
      pageCount: pdf.pageSizes.length,
      pageSizes: pdf.pageSizes.map(({ width, height }) => ({ width, height })),
    },
  });
}

/**
 * Removes a kept PDF that no document refers to any more (its last document removed, or re-ingested from
 * other bytes or from a text). A PDF another document still refers to stays. Inside the transaction that
 * dropped the reference, so a failed load or removal leaves it as it was.
 */
export async function forgetUnreferencedPdf(sha256: string | null, tx: DatabaseTransaction): Promise<void> {
  if (sha256 === null) return;
  await tx.sourcePdf.deleteMany({ where: { sha256, documents: { none: {} } } });
}
