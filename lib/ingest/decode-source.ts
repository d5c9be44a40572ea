import { IngestError } from "./ingest-error";

/**
 * Largest source accepted: 5 MiB. A long journal essay extracted to text is 50–150 KB; anything
 * near this limit is almost certainly not one essay (a whole volume, a database dump) and would
 * only make the parser slow for no benefit.
 */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

/** Share of C0 control bytes (other than tab, LF, CR, FF) above which a file is treated as binary. */
const MAX_CONTROL_SHARE = 0.01;

export interface DecodeOptions {
  maxBytes?: number;
}

/**
 * Source bytes → text. UTF-8 only, decoded strictly: a file in another encoding is refused with a
 * message that says what it probably is, rather than parsed into mojibake. Strips a BOM and turns
 * CRLF / lone CR into LF so later stages see one line-ending convention.
 */
export function decodeSource(bytes: Uint8Array, options: DecodeOptions = {}): string {
  const maxBytes = options.maxBytes ?? MAX_SOURCE_BYTES;
  if (bytes.length > maxBytes) {
    throw new IngestError(
      "too-large",
      `The file is ${formatBytes(bytes.length)}; the limit is ${formatBytes(maxBytes)} (one essay as plain text is far smaller).`,
    );
  }
  if (bytes.length === 0) throw new IngestError("empty", "The file is empty.");

  const utf16 = utf16ByteOrder(bytes);
  if (utf16) {
    throw new IngestError("not-utf8", `The file is not UTF-8; it looks like ${utf16} (it starts with a UTF-16 byte-order mark). Save it as UTF-8.`);
  }

  let controls = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      throw new IngestError("binary", "The file contains NUL bytes: it looks like a binary file (a PDF or Word file?), not extracted text.");
    }
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f) controls += 1;
  }
  if (controls / bytes.length > MAX_CONTROL_SHARE) {
    throw new IngestError("binary", "The file is full of control characters: it looks like a binary file, not extracted text.");
  }

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new IngestError("not-utf8", notUtf8Message(bytes));
  }

  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, "\n");
  if (text.trim() === "") throw new IngestError("empty", "The file holds only whitespace.");
  return text;
}

function utf16ByteOrder(bytes: Uint8Array): string | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return "UTF-16LE";
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return "UTF-16BE";
  return null;
}

/** Chinese text that is not UTF-8 is nearly always GBK/GB18030; say so when that decoding reads as Chinese. */
function notUtf8Message(bytes: Uint8Array): string {
  try {
    const asGb = new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    const han = asGb.match(/\p{Script=Han}/gu)?.length ?? 0;
    const visible = asGb.replace(/\s/g, "").length;
    if (visible > 0 && han / visible > 0.3) {
      return "The file is not UTF-8; the file looks like GBK/GB18030 Chinese text. Convert it first, e.g. `iconv -f GB18030 -t UTF-8`.";
    }
  } catch {
    // Not GB18030 either: fall through to the generic message.
  }
  return "The file is not valid UTF-8 (it may be Latin-1, Big5 or another legacy encoding). Save it as UTF-8.";
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
