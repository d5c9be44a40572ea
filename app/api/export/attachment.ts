import type { ExportResult } from "@/lib/citations/export-sources";

/** RFC 5987 value-chars: percent-encode everything but attr-char (encodeURIComponent leaves ' ( ) * alone). */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/gu, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A file name safe in any file system and in a quoted header value: ASCII letters, digits, - _ . only. */
export function asciiFileName(name: string): string {
  const safe = name
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]+/gu, "-")
    .replace(/-{2,}/gu, "-")
    .replace(/^[-.]+|-+$/gu, "");
  return safe.length > 0 ? safe.slice(0, 120) : "download";
}

/** A name for people: the given (Chinese) words, without characters file systems refuse. */
function displayFileName(name: string): string {
  return [...name.replace(/[\\/:*?"<>|\u0000-\u001f]+/gu, " ").replace(/\s+/gu, " ").trim()].slice(0, 80).join("");
}

/**
 * `Content-Disposition: attachment` with an ASCII `filename` for old clients and an RFC 5987 `filename*`
 * carrying the readable (Chinese) name.
 */
export function contentDisposition(readable: string, ascii: string, extension: string): string {
  const fallback = `${asciiFileName(ascii)}.${extension}`;
  const name = displayFileName(readable);
  const utf8 = `${name.length > 0 ? name : asciiFileName(ascii)}.${extension}`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(utf8)}`;
}

export function attachmentResponse(result: ExportResult, names: { readable: string; ascii: string }, headers: Record<string, string> = {}): Response {
  return new Response(result.body, {
    status: 200,
    headers: {
      "Content-Type": result.contentType,
      "Content-Disposition": contentDisposition(names.readable, names.ascii, result.fileExtension),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
      ...headers,
    },
  });
}
