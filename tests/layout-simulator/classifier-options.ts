/**
 * The command line the layout classifiers share (classify-missed-notes.ts, classify-paragraph-misses.ts,
 * classify-wording-evidence.ts): which seeds, which marker styles, invented documents or a corpus essay's structure.
 */
import { parseArgs } from "node:util";
import type { MarkerStyle } from "./layout-parameters";
import { CORPUS_STRUCTURES, corpusDocument } from "./corpus-structure";
import type { TrueDocument } from "./true-document";

export interface ClassifierOptions {
  first: number;
  count: number;
  examples: number;
  styles: MarkerStyle[];
  /** The corpus essay whose structure is typeset instead of invented documents, when `--corpus` names one, and that structure. */
  corpus: string | undefined;
  document: TrueDocument | undefined;
  verbose: boolean;
}

/** `--first N --count N [--style circled|bracket] [--corpus corpus-001] [--examples N] [--verbose]`. */
export function readClassifierOptions(defaults: { first: string }): ClassifierOptions {
  const { values } = parseArgs({
    options: {
      first: { type: "string", default: defaults.first },
      count: { type: "string", default: "1000" },
      style: { type: "string" },
      corpus: { type: "string" },
      examples: { type: "string", default: "4" },
      verbose: { type: "boolean", default: false },
    },
  });
  if (values.style !== undefined && values.style !== "circled" && values.style !== "bracket") throw new Error(`--style must be circled or bracket, got ${values.style}`);
  const corpus = values.corpus;
  if (corpus !== undefined && !(corpus in CORPUS_STRUCTURES)) throw new Error(`--corpus must be one of ${Object.keys(CORPUS_STRUCTURES).join(", ")}`);
  return {
    first: Number(values.first),
    count: Number(values.count),
    examples: Number(values.examples),
    styles: values.style === undefined ? ["circled", "bracket"] : [values.style],
    corpus,
    document: corpus === undefined ? undefined : corpusDocument(corpus as keyof typeof CORPUS_STRUCTURES),
    verbose: values.verbose,
  };
}
