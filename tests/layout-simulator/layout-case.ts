import fc from "fast-check";
import type { DocumentStructure } from "@/lib/model/document-model";
import { parseDocument } from "@/lib/ingest/parse-document";
import { documentArbitrary } from "./document-arbitrary";
import { layoutParametersArbitrary, type LayoutParameters, type MarkerStyle } from "./layout-parameters";
import { invariantViolations, type Violation } from "./layout-invariants";
import type { SimulatedLayout } from "./layout-truth";
import { scoreParse, type ParseScore } from "./score-parse";
import type { TrueDocument } from "./true-document";
import { typesetDocument } from "./typeset-document";

/** One generated case: a document and the layout it is printed in; and what parsing it gives. */
export interface LayoutCase {
  document: TrueDocument;
  params: LayoutParameters;
}

/** Invented documents, or one given document (a corpus essay's structure) under random layouts. */
export function layoutCaseArbitrary(style: MarkerStyle, document?: TrueDocument): fc.Arbitrary<LayoutCase> {
  return fc.record({ document: document === undefined ? documentArbitrary : fc.constant(document), params: layoutParametersArbitrary(style) });
}

export interface CaseOutcome {
  layout: SimulatedLayout;
  draft: DocumentStructure | null;
  /** The parser threw (an IngestError or a bug): the message. */
  error: string | null;
  score: ParseScore | null;
  violations: Violation[];
  parseMs: number;
}

export function runCase(layoutCase: LayoutCase): CaseOutcome {
  const layout = typesetDocument(layoutCase.document, layoutCase.params);
  const bytes = new TextEncoder().encode(layout.text);
  const started = performance.now();
  let draft: DocumentStructure | null = null;
  let error: string | null = null;
  try {
    draft = parseDocument({ bytes, fileName: "simulated-layout.txt" });
  } catch (thrown) {
    error = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  }
  const parseMs = performance.now() - started;
  if (draft === null) return { layout, draft, error, score: null, violations: [{ invariant: "no-body-text-lost", detail: `parser threw ${error}` }], parseMs };
  const score = scoreParse(draft, layout.truth);
  return { layout, draft, error, score, violations: invariantViolations(score), parseMs };
}

/**
 * Properties over the same seed draw the same cases: one parse per case serves every invariant's property.
 * Bounded so a long run does not hold every draft.
 */
const CACHE_LIMIT = 4000;
const outcomes = new Map<string, CaseOutcome>();

export function runCaseCached(layoutCase: LayoutCase): CaseOutcome {
  const key = JSON.stringify(layoutCase);
  const cached = outcomes.get(key);
  if (cached) return cached;
  const outcome = runCase(layoutCase);
  if (outcomes.size >= CACHE_LIMIT) outcomes.clear();
  outcomes.set(key, outcome);
  return outcome;
}

/** The case fast-check generates for `seed` (and, for a shrunk counterexample, `path`) with the given style. */
export function caseForSeed(style: MarkerStyle, seed: number, path?: string, document?: TrueDocument): LayoutCase {
  let found: LayoutCase | null = null;
  fc.check(
    fc.property(layoutCaseArbitrary(style, document), (c) => {
      found = c;
      return path === undefined ? true : false;
    }),
    path === undefined ? { seed, numRuns: 1 } : { seed, path, numRuns: 1, endOnFailure: true },
  );
  if (found === null) throw new Error(`no case for seed ${seed}`);
  return found;
}
