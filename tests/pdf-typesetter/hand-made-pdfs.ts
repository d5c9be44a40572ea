/**
 * Small PDFs written object by object, for the refusals Chromium cannot print: one with a JavaScript action
 * that runs on opening, one protected by a password, one whose only page is a drawing (no text layer, as a
 * scan has none). Each is a valid PDF 1.4 file with a correct cross-reference table, so that what makes it
 * refused is the one thing it is made to show.
 */

interface PdfParts {
  /** The page's content stream. */
  content: string;
  /** Extra entries of the document catalog, e.g. an /OpenAction. */
  catalogExtra?: string;
  /** An /Encrypt dictionary (object 6) and the file identifier it is bound to. */
  encrypt?: { dictionary: string; id: string };
}

function buildPdf(parts: PdfParts): Uint8Array {
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R ${parts.catalogExtra ?? ""} >>`,
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${parts.content.length} >>\nstream\n${parts.content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ...(parts.encrypt ? [parts.encrypt.dictionary] : []),
  ];
  let body = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  const encryptEntries = parts.encrypt ? ` /Encrypt 6 0 R /ID [<${parts.encrypt.id}> <${parts.encrypt.id}>]` : "";
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encryptEntries} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(body, (ch) => ch.charCodeAt(0));
}

const TEXT_CONTENT = "BT /F1 12 Tf 72 500 Td (A page of text.) Tj ET";

/** A valid one-page PDF with a line of text (truncated, it is a damaged PDF). */
export function textPdf(): Uint8Array {
  return buildPdf({ content: TEXT_CONTENT });
}

/** Text on its page, and a document-level JavaScript action that would run on opening. */
export function pdfWithJavaScript(): Uint8Array {
  return buildPdf({ content: TEXT_CONTENT, catalogExtra: "/OpenAction << /S /JavaScript /JS (app.alert\\('opened'\\);) >>" });
}

/**
 * The same action with its names written with `#xx` escapes (`/Java#53cript`, `/J#53`), which PDF readers decode:
 * invisible to a scan of the raw bytes, so only pdf.js's own reading of the actions can refuse it.
 */
export function pdfWithEscapedJavaScript(): Uint8Array {
  return buildPdf({ content: TEXT_CONTENT, catalogExtra: "/OpenAction << /S /Java#53cript /J#53 (app.alert\\('opened'\\);) >>" });
}

/**
 * Protected by a user password (standard security handler, 40-bit RC4): the /U entry does not match what an
 * empty password gives, so no reader opens it without the password.
 */
export function passwordProtectedPdf(): Uint8Array {
  const filler = "28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A";
  return buildPdf({
    content: TEXT_CONTENT,
    encrypt: { dictionary: `<< /Filter /Standard /V 1 /R 2 /O <${filler}> /U <${filler.split("").reverse().join("")}> /P -44 >>`, id: "0123456789ABCDEF0123456789ABCDEF" },
  });
}

/** One page whose only content is a filled rectangle: pages as images, with no text layer. */
export function imageOnlyPdf(): Uint8Array {
  return buildPdf({ content: "0.5 g 40 40 340 515 re f" });
}

/** The first `share` of a PDF's bytes: a download or copy cut short. */
export function truncatedPdf(bytes: Uint8Array, share = 0.5): Uint8Array {
  return bytes.slice(0, Math.floor(bytes.length * share));
}
