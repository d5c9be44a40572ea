/**
 * Why a source file was refused. Codes are stable (the CLI and API report them); messages are one
 * line, written for the person who supplied the file.
 */
export type IngestErrorCode = "empty" | "not-utf8" | "binary" | "too-large" | "no-structure";

export class IngestError extends Error {
  readonly code: IngestErrorCode;

  constructor(code: IngestErrorCode, message: string) {
    super(message);
    this.name = "IngestError";
    this.code = code;
  }
}
