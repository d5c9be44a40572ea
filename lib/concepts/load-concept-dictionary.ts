import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { readSetting } from "@/lib/env";
import { type ConceptDictionary, parseConceptDictionary } from "./concept-dictionary";

/** The dictionary that ships with Duizhao, curated with the bundled essays (relative to the project root). */
export const BUNDLED_CONCEPT_DICTIONARY = "corpus/concepts.json";

/**
 * The dictionary of a corpus: `concepts.json` in the corpus folder (DUIZHAO_CORPUS_DIR) when it has one,
 * else the bundled one, so that a folder of texts alone is read with the dictionary Duizhao ships.
 */
export function conceptDictionaryPath(root: string = process.cwd(), corpusDir: string = readSetting("DUIZHAO_CORPUS_DIR")): string {
  const own = path.resolve(root, corpusDir, "concepts.json");
  return existsSync(own) ? own : path.join(root, BUNDLED_CONCEPT_DICTIONARY);
}

/** Reads and validates the dictionary file; throws on unreadable JSON or a ConceptDictionaryError. */
export function loadConceptDictionary(filePath: string = conceptDictionaryPath()): ConceptDictionary {
  const text = readFileSync(filePath, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${filePath} is not valid JSON: ${(error as Error).message}`);
  }
  return parseConceptDictionary(json);
}
