import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { DocumentStructure } from "@/lib/model/document-model";
import { parseDocument } from "@/lib/ingest/parse-document";
import { invariantViolations } from "@/tests/layout-simulator/layout-invariants";
import type { LayoutTruth } from "@/tests/layout-simulator/layout-truth";
import { scoreParse } from "@/tests/layout-simulator/score-parse";
import type { PdfCaseOutcome } from "./pdf-case";

/**
 * Text as poppler's `pdftotext` prints a PDF (Debian: `apt-get install poppler-utils`), which is how many users
 * will bring an essay: the default mode (reading order, a block's lines without blank lines between them, a
 * blank line between blocks, a form feed ending each page), `-layout` (lines placed by their x: indents as
 * spaces, wide gaps inside justified lines) and `-raw` (content-stream order, a new line wherever the font
 * changes). The text then takes the text path (parseDocument), as `npm run ingest -- file.txt` would.
 */
export const PDFTOTEXT_MODES = ["default", "layout", "raw"] as const;
export type PdftotextMode = (typeof PDFTOTEXT_MODES)[number];

const PDFTOTEXT = process.env.PDFTOTEXT_PATH ?? "pdftotext";

/** pdftotext's version line, or null when it is not installed. */
export function pdftotextVersion(): string | null {
  // pdftotext -v prints its version on stderr (and exits 99 in older versions).
  const run = spawnSync(PDFTOTEXT, ["-v"], { encoding: "utf8" });
  if (run.error !== undefined) return null;
  return `${run.stderr}${run.stdout}`.split("\n")[0]!.trim() || PDFTOTEXT;
}

/** The text pdftotext prints for these PDF bytes in one mode, as UTF-8. */
export async function pdftotext(bytes: Uint8Array, mode: PdftotextMode): Promise<Uint8Array> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhao-pdftotext-"));
  try {
    const file = path.join(dir, "in.pdf");
    fs.writeFileSync(file, bytes);
    const args = [...(mode === "default" ? [] : [`-${mode}`]), "-enc", "UTF-8", file, "-"];
    const { stdout } = await promisify(execFile)(PDFTOTEXT, args, { encoding: "buffer", maxBuffer: 64 * 1024 * 1024 });
    return new Uint8Array(stdout);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Parses extracted text on the text path and scores the parse against the truth of what was printed. */
export function scoreExtractedText(text: Uint8Array, truth: LayoutTruth, fileName = "extracted.txt"): Omit<PdfCaseOutcome, "pages" | "bytes"> {
  const started = performance.now();
  let draft: DocumentStructure | null = null;
  let error: string | null = null;
  try {
    draft = parseDocument({ bytes: text, fileName });
  } catch (thrown) {
    error = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  }
  const parseMs = performance.now() - started;
  if (draft === null) return { truth, draft, error, score: null, violations: [{ invariant: "no-body-text-lost", detail: `parser threw ${error}` }], parseMs };
  const score = scoreParse(draft, truth);
  return { truth, draft, error, score, violations: invariantViolations(score), parseMs };
}
