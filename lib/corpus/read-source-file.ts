import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { type CorrectionsFile, correctionsFileSchema } from "@/lib/ingest/corrections-file";
import { type DocumentManifest, documentManifestSchema } from "@/lib/ingest/document-manifest";

/** A manifest that cannot be read or fails validation: the file is not ingested. */
export class ManifestError extends Error {
  override name = "ManifestError";
}

/** A corrections file that cannot be read or fails validation: the text is not ingested. */
export class CorrectionsFileError extends Error {
  override name = "CorrectionsFileError";
}

export interface SourceFile {
  path: string;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  manifest: DocumentManifest | null;
  manifestPath: string | null;
  /** The editorial corrections kept beside the text, as validated; null when it has none. */
  corrections: CorrectionsFile | null;
  correctionsPath: string | null;
  /** SHA-256 of the corrections file's bytes: a changed file re-ingests an unchanged text. */
  correctionsSha256: string | null;
}

/** Where a source text's companions may be read from instead of the files beside it. */
export interface CompanionPaths {
  manifestPath?: string;
  correctionsPath?: string;
}

/** The manifest that sits beside a source text: `name.txt` → `name.manifest.json`. */
export function manifestPathFor(sourcePath: string): string {
  return sourcePath.replace(/\.[^./]+$/, "") + ".manifest.json";
}

/** The corrections file that sits beside a source text: `name.txt` → `name.corrections.json`. */
export function correctionsPathFor(sourcePath: string): string {
  return sourcePath.replace(/\.[^./]+$/, "") + ".corrections.json";
}

/**
 * A source text with its manifest and corrections file. Either companion is optional beside the text, but
 * one named explicitly must exist; one that is not valid JSON or fails its schema refuses the whole text
 * (ManifestError, CorrectionsFileError) with one line naming the file and the first problem's path.
 */
export async function readSourceFile(sourcePath: string, companions: CompanionPaths = {}): Promise<SourceFile> {
  const { manifestPath: explicitManifest, correctionsPath: explicitCorrections } = companions;
  const bytes = new Uint8Array(await fs.readFile(sourcePath));
  const manifestPath = explicitManifest ?? manifestPathFor(sourcePath);
  const manifest = await readCompanion(manifestPath, explicitManifest !== undefined, documentManifestSchema, manifestKind);
  const correctionsPath = explicitCorrections ?? correctionsPathFor(sourcePath);
  const corrections = await readCompanion(correctionsPath, explicitCorrections !== undefined, correctionsFileSchema, correctionsKind);
  return {
    path: sourcePath,
    fileName: path.basename(sourcePath),
    bytes,
    sha256: sha256(bytes),
    manifest: manifest?.value ?? null,
    manifestPath: manifest ? manifestPath : null,
    corrections: corrections?.value ?? null,
    correctionsPath: corrections ? correctionsPath : null,
    correctionsSha256: corrections ? sha256(corrections.bytes) : null,
  };
}

interface CompanionKind {
  /** How messages name the file: "manifest", "corrections file". */
  noun: string;
  refuse(message: string): Error;
}
const manifestKind: CompanionKind = { noun: "manifest", refuse: (message) => new ManifestError(message) };
const correctionsKind: CompanionKind = { noun: "corrections file", refuse: (message) => new CorrectionsFileError(message) };

async function readCompanion<T>(
  file: string,
  required: boolean,
  schema: z.ZodType<T>,
  kind: CompanionKind,
): Promise<{ value: T; bytes: Uint8Array } | null> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(file));
  } catch {
    if (required) throw kind.refuse(`${kind.noun} ${file} cannot be read`);
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw kind.refuse(`${kind.noun} ${file} is not valid JSON: ${oneLine((error as Error).message)}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw kind.refuse(`${kind.noun} ${file} is invalid at ${issuePath(issue?.path ?? [])}: ${oneLine(issue?.message ?? parsed.error.message)}`);
  }
  return { value: parsed.data, bytes };
}

/** `["corrections", 2, "label"]` → `corrections[2].label`; the empty path is `(root)`. */
export function issuePath(segments: readonly PropertyKey[]): string {
  if (segments.length === 0) return "(root)";
  return segments
    .map((segment, index) => (typeof segment === "number" ? `[${segment}]` : `${index === 0 ? "" : "."}${String(segment)}`))
    .join("");
}

const oneLine = (message: string): string => message.replace(/\s*\n\s*/g, " ");

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** The sources of a corpus folder, texts (`*.txt`) and PDFs (`*.pdf`), in name order. */
export async function listCorpusTexts(corpusDir: string): Promise<string[]> {
  const names = await fs.readdir(corpusDir);
  return names
    .filter((name) => name.endsWith(".txt") || name.toLowerCase().endsWith(".pdf"))
    .sort()
    .map((name) => path.join(corpusDir, name));
}
