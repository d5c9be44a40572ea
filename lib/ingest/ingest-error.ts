export type IngestErrorCode = "empty" | "not-utf8" | "binary" | "too-large" | "no-structure" | "manifest" | "invalid-draft";

/** Input the pipeline refuses, explained in one line for the person who gave it. */
export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "IngestError";
  }
}
