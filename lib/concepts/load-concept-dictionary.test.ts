import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { computePipelineVersion } from "@/lib/corpus/pipeline-version";
import { BUNDLED_CONCEPT_DICTIONARY, conceptDictionaryPath, loadConceptDictionary } from "./load-concept-dictionary";

const root = process.cwd();
const bundled = path.join(root, BUNDLED_CONCEPT_DICTIONARY);

let folder: string;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "duizhao-corpus-"));
});

afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** A corpus folder's own dictionary: the bundled one with the first concept relabelled. */
function writeOwnDictionary(): string {
  const json = JSON.parse(fs.readFileSync(bundled, "utf8")) as { concepts: { label: { en: string } }[] };
  json.concepts[0]!.label.en = "our own label";
  const file = path.join(folder, "concepts.json");
  fs.writeFileSync(file, JSON.stringify(json));
  return file;
}

describe("the concept dictionary follows DUIZHAO_CORPUS_DIR", () => {
  it("is the corpus folder's concepts.json when it has one", () => {
    const own = writeOwnDictionary();
    expect(conceptDictionaryPath(root, folder)).toBe(own);
    vi.stubEnv("DUIZHAO_CORPUS_DIR", folder);
    expect(conceptDictionaryPath()).toBe(own);
    expect(loadConceptDictionary().concepts[0]!.label.en).toBe("our own label");
  });

  it("falls back to the bundled corpus/concepts.json when the folder has none", () => {
    fs.writeFileSync(path.join(folder, "essay.txt"), "正文");
    expect(conceptDictionaryPath(root, folder)).toBe(bundled);
    vi.stubEnv("DUIZHAO_CORPUS_DIR", folder);
    expect(loadConceptDictionary().concepts[0]!.label.en).toBe("global cyberspace governance");
  });

  it("is the bundled one by default (DUIZHAO_CORPUS_DIR unset: corpus/)", () => {
    vi.stubEnv("DUIZHAO_CORPUS_DIR", "");
    expect(conceptDictionaryPath()).toBe(bundled);
  });

  it("resolves a relative folder against the project root", () => {
    writeOwnDictionary();
    expect(conceptDictionaryPath(root, path.relative(root, folder))).toBe(path.join(folder, "concepts.json"));
  });

  it("is the one the pipeline version fingerprints, so changing it re-ingests", async () => {
    vi.stubEnv("DUIZHAO_CORPUS_DIR", folder);
    const withBundled = await computePipelineVersion(root);
    writeOwnDictionary();
    expect(await computePipelineVersion(root)).not.toBe(withBundled);
  });
});
