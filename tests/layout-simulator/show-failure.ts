/**
 * Prints one generated layout, the parser's output and the scored differences:
 *   node --import tsx tests/layout-simulator/show-failure.ts --seed N --style circled [--path 0:1:2]
 *   node --import tsx tests/layout-simulator/show-failure.ts --case /tmp/duizhao-layout-circled-N.json
 * `--seed` alone shows the first case fast-check generates for that seed; with the `--path` a failing
 * property test printed, the shrunk counterexample. `--json` adds the whole draft.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { failureReport } from "./failure-report";
import { caseForSeed, runCase, type LayoutCase } from "./layout-case";
import type { MarkerStyle } from "./layout-parameters";

const { values } = parseArgs({
  options: {
    seed: { type: "string" },
    style: { type: "string", default: "circled" },
    path: { type: "string" },
    case: { type: "string" },
    json: { type: "boolean", default: false },
  },
});

const style = values.style as MarkerStyle;
if (style !== "circled" && style !== "bracket") throw new Error(`--style must be circled or bracket, got ${values.style}`);
let layoutCase: LayoutCase;
if (values.case) layoutCase = JSON.parse(fs.readFileSync(values.case, "utf8")) as LayoutCase;
else if (values.seed) layoutCase = caseForSeed(style, Number(values.seed), values.path);
else {
  console.error("usage: show-failure.ts --seed N [--style circled|bracket] [--path P] | --case file.json [--json]");
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
