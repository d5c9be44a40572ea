import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { ZodError } from "zod";
import { type DocumentManifest, documentManifestSchema } from "@/lib/ingest/document-manifest";

/** A manifest that cannot be read or fails validation: the file is not ingested. */
export class ManifestError extends Error {
  override name = "ManifestError";
}

export interface SourceFile {
  path: string;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  manifest: DocumentManifest | null;
  manifestPath: string | null;
}

/** The manifest that sits beside a source text: `name.txt` → `name.manifest.json`. */
export function manifestPathFor(sourcePath: string): string {
  return sourcePath.replace(/\.[^./]+$/, "") + ".manifest.json";
}

export async function readSourceFile(sourcePath: string, explicitManifest?: string): Promise<SourceFile> {
  const bytes = new Uint8Array(await fs.readFile(sourcePath));
  const manifestPath = explicitManifest ?? manifestPathFor(sourcePath);
  const manifest = await readManifest(manifestPath, explicitManifest !== undefined);
  return {
    path: sourcePath,
    fileName: path.basename(sourcePath),
    bytes,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    manifest,
    manifestPath: manifest ? manifestPath : null,
  };
}

async function readManifest(file: string, required: boolean): Promise<DocumentManifest | null> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    if (required) throw new ManifestError(`manifest ${file} cannot be read`);
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`manifest ${file} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return documentManifestSchema.parse(json);
  } catch (error) {
    const issue = (error as ZodError).issues?.[0];
    const where = issue?.path.length ? issue.path.join(".") : "(root)";
    throw new ManifestError(`manifest ${file} is invalid at ${where}: ${issue?.message ?? String(error)}`);
  }
}

/** The source texts of a corpus folder, in name order. */
export async function listCorpusTexts(corpusDir: string): Promise<string[]> {
  const names = await fs.readdir(corpusDir);
  return names
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => path.join(corpusDir, name));
}
