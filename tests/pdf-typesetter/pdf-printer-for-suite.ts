import { afterAll, beforeAll } from "vitest";
import { openPdfPrinter, type PdfPrinter } from "./print-pdf";

/**
 * One Chromium printer for a test file: opened before its tests, closed after them. Returns a getter, as the
 * printer exists only once `beforeAll` has run.
 */
export function pdfPrinterForSuite(): () => PdfPrinter {
  let printer: PdfPrinter | undefined;
  beforeAll(async () => {
    printer = await openPdfPrinter();
  }, 60_000);
  afterAll(async () => {
    await printer?.close();
  });
  return () => {
    if (!printer) throw new Error("the PDF printer is opened in beforeAll");
    return printer;
  };
}
