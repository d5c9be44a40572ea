import fs from "node:fs";
import path from "node:path";
import { trueDocumentFromStructure, type DocumentStructure, type TrueDocument } from "./true-document";

/** Corpus essays whose structure was derived from an exact parse (derive-structure.ts), as TrueDocuments. */
export const CORPUS_STRUCTURES = { "corpus-001": "corpus-001-structure.json" } as const;

export function corpusDocument(name: keyof typeof CORPUS_STRUCTURES): TrueDocument {
  const file = path.join(import.meta.dirname, "fixtures", CORPUS_STRUCTURES[name]);
  return trueDocumentFromStructure(JSON.parse(fs.readFileSync(file, "utf8")) as DocumentStructure);
}
