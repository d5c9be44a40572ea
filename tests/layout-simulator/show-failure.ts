/**
 * Prints one generated layout, the parser's output and the scored differences:
 *   node --import tsx tests/layout-simulator/show-failure.ts --seed N --style circled [--path 0:1:2]
 *   node --import tsx tests/layout-simulator/show-failure.ts --case /tmp/duizhao-layout-circled-N.json
 * `--seed` alone shows the first case fast-check generates for that seed; with the `--path` a failing
 * property test printed, the shrunk counterexample. `--corpus corpus-001` typesets that essay's structure
 * instead of an invented document (as the fidelity bench does). `--json` adds the whole draft.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { failureReport } from "./failure-report";
import { caseForSeed, runCase, type LayoutCase } from "./layout-case";
import type { MarkerStyle } from "./layout-parameters";
import { CORPUS_STRUCTURES, corpusDocument } from "./corpus-structure";

const { values } = parseArgs({
  options: {
    seed: { type: "string" },
    style: { type: "string", default: "circled" },
    path: { type: "string" },
    case: { type: "string" },
    json: { type: "boolean", default: false },
    corpus: { type: "string" },
  },
});

const style = values.style as MarkerStyle;
if (style !== "circled" && style !== "bracket") throw new Error(`--style must be circled or bracket, got ${values.style}`);
let layoutCase: LayoutCase;
if (values.case) layoutCase = JSON.parse(fs.readFileSync(values.case, "utf8")) as LayoutCase;
else if (values.seed) {
  const corpus = values.corpus;
  if (corpus !== undefined && !(corpus in CORPUS_STRUCTURES)) throw new Error(`--corpus must be one of ${Object.keys(CORPUS_STRUCTURES).join(", ")}`);
  const document = corpus === undefined ? undefined : corpusDocument(corpus as keyof typeof CORPUS_STRUCTURES);
  layoutCase = caseForSeed(style, Number(values.seed), values.path, document);
}
else {
  console.error("usage: show-failure.ts --seed N [--style circled|bracket] [--path P] [--corpus corpus-001] | --case file.json [--json]");
  process.exit(2);
}

const outcome = runCase(layoutCase);
console.log(outcome.violations.length === 0 ? "no invariant violated\n" : "");
console.log(failureReport(layoutCase, outcome));
if (outcome.score) {
  const { wrongAttachments, notes, body, ...rest } = outcome.score;
  console.log("\nscore:", JSON.stringify({ ...rest, notes: { ...notes, altered: notes.altered.length }, body: { lost: body.lost, added: body.added }, wrongAttachments: wrongAttachments.length }, null, 1));
  for (const a of notes.altered) console.log(`altered p${a.page} ${a.label}: «${a.attached}» expected «${a.expected}»`);
}
console.log(`\nparse ${outcome.parseMs.toFixed(1)} ms`);
if (values.json && outcome.draft) console.log(JSON.stringify(outcome.draft, null, 1));
