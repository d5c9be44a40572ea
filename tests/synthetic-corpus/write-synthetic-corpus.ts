/**
 * `npm run corpus:synthetic -- --essays 300 --out <dir> [--seed 1]`: writes a synthetic corpus
 * (synthetic-corpus.ts) to a folder, `<stem>.txt` and `<stem>.manifest.json` per essay, deterministic per
 * seed; `npm run ingest -- <dir>/<stem>.txt` (or DUIZHAO_CORPUS_DIR=<dir>) reads it like corpus/.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { syntheticCorpus } from "./synthetic-corpus";

const { values } = parseArgs({ options: { essays: { type: "string", default: "100" }, out: { type: "string" }, seed: { type: "string", default: "1" } } });
const essays = Number(values.essays);
const seed = Number(values.seed);
if (!values.out || !Number.isInteger(essays) || essays < 1 || !Number.isInteger(seed) || seed < 0) {
  console.error("usage: npm run corpus:synthetic -- --essays <n ≥ 1> --out <dir> [--seed <n ≥ 0>]");
  process.exit(2);
}
await fs.mkdir(values.out, { recursive: true });
const corpus = syntheticCorpus(seed);
let bytes = 0;
for (let i = 0; i < essays; i++) {
  const essay = corpus.essay(i);
  await fs.writeFile(path.join(values.out, `${essay.stem}.txt`), essay.text);
  await fs.writeFile(path.join(values.out, `${essay.stem}.manifest.json`), JSON.stringify(essay.manifest, null, 2) + "\n");
  bytes += Buffer.byteLength(essay.text);
}
console.log(`wrote ${essays} essays (${(bytes / 1024 / 1024).toFixed(1)} MiB of text, seed ${seed}) to ${values.out}`);
