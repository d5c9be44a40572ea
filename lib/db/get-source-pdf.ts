import "server-only";
import { getDatabase, type Database } from "./prisma-client";

/** What the PDF route answers for a slug: the kept PDF, or why there is none. */
export type SourcePdfLookup =
  | { status: "found"; sha256: string; bytes: Uint8Array }
  | { status: "no-document" }
  /** The document was read from a text (or loaded without its PDF): there is no printed page to show. */
  | { status: "no-pdf"; sourceFile: string };

/**
 * The PDF kept with a document. With `ifNoneMatch` (the SHA-256 the client already has), the bytes are not
 * read when it is still the document's PDF: `bytes` is then empty and the route answers 304.
 */
export async function getSourcePdf(slug: string, options: { knownSha256?: string | null } = {}, db: Database = getDatabase()): Promise<SourcePdfLookup> {
  const document = await db.document.findUnique({ where: { slug }, select: { sourceFile: true, sourcePdfSha256: true } });
  if (!document) return { status: "no-document" };
  const sha256 = document.sourcePdfSha256;
  if (sha256 === null) return { status: "no-pdf", sourceFile: document.sourceFile };
  if (options.knownSha256 === sha256) return { status: "found", sha256, bytes: new Uint8Array() };
  const pdf = await db.sourcePdf.findUnique({ where: { sha256 }, select: { bytes: true } });
  if (!pdf) return { status: "no-pdf", sourceFile: document.sourceFile };
  return { status: "found", sha256, bytes: pdf.bytes };
}
