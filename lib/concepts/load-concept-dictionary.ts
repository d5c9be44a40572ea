import { readFileSync } from "node:fs";
import path from "node:path";
import { type ConceptDictionary, parseConceptDictionary } from "./concept-dictionary";

export const DEFAULT_CONCEPT_DICTIONARY_PATH = path.join(process.cwd(), "corpus", "concepts.json");

/** Reads and validates the dictionary file; throws on unreadable JSON or a ConceptDictionaryError. */
export function loadConceptDictionary(filePath: string = DEFAULT_CONCEPT_DICTIONARY_PATH): ConceptDictionary {
  const text = readFileSync(filePath, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${filePath} is not valid JSON: ${(error as Error).message}`);
  }
  return parseConceptDictionary(json);
}
