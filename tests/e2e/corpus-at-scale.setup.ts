import { test as setup } from "@playwright/test";
import { prepareScaleCorpus } from "./corpus-at-scale-corpus";
import { SCALE_CORPUS_ESSAYS } from "./corpus-at-scale-settings";

/**
 * Builds the corpus-at-scale database once per run (the "corpus-at-scale setup" project, which the
 * corpus-at-scale project depends on): 300 essays written and ingested with `npm run ingest`, or nothing
 * when the database kept from an earlier run on this machine was built from the same code and essays
 * (corpus-at-scale-corpus.ts). The figures are printed and attached to the report.
 */

/**
 * Generous against the figures measured (300 essays ingested in about 4 minutes on a busy 2-core machine,
 * issue 15's target for 1,000 is 10): a run well past this is a regression to look into, not to wait out.
 */
const BUILD_TIMEOUT_MS = 15 * 60_000;

setup(`the ${SCALE_CORPUS_ESSAYS}-essay corpus is ingested`, async () => {
  setup.setTimeout(BUILD_TIMEOUT_MS);
  const build = await prepareScaleCorpus((line) => console.log(line));
  const summary = build.reused
    ? `corpus at scale: the database built earlier is current (stamp ${build.stamp}); nothing generated or ingested`
    : `corpus at scale: generated in ${build.generateSeconds.toFixed(1)} s, ingested in ${build.ingestSeconds.toFixed(0)} s (stamp ${build.stamp})`;
  console.log(summary);
  setup.info().annotations.push({ type: "corpus at scale", description: summary });
});
