/**
 * Why a source file was refused. Codes are stable (the CLI and API report them); messages are one
 * line, written for the person who supplied the file.
 */
export type IngestErrorCode =
  | "empty"
  | "not-utf8"
  | "binary"
  | "too-large"
  | "no-structure"
  // PDFs (lib/ingest/pdf): a password, no text layer (a scan), a file pdf.js cannot read, embedded JavaScript.
  | "encrypted"
  | "no-text-layer"
  | "damaged"
  | "scripted";

export class IngestError extends Error {
  readonly code: IngestErrorCode;

  constructor(code: IngestErrorCode, message: string) {
    super(message);
    this.name = "IngestError";
    this.code = code;
  }
}
