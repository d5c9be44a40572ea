import { describe, expect, it } from "vitest";
import { seeded } from "@/tests/fixtures/ingest/render-essay";
import { parseDocument } from "@/lib/ingest/parse-document";
import { PASSAGES_PER_WORK, syntheticCorpus, WORKS } from "./synthetic-corpus";
import { zipfSampler } from "./zipf";

describe("zipfSampler", () => {
  it("draws rank r about r^−s times as often as rank 1", () => {
    const draw = zipfSampler(100, 1, seeded(3));
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 100_000; i++) counts[draw()]! += 1;
    expect(counts[0]! / counts[1]!).toBeCloseTo(2, 0);
    expect(counts[0]! / counts[9]!).toBeGreaterThan(7);
    expect(counts[0]! / counts[9]!).toBeLessThan(13);
  });
});

describe("syntheticCorpus", () => {
  const corpus = syntheticCorpus(1);
  const essays = Array.from({ length: 60 }, (_, i) => corpus.essay(i));

  it("is deterministic per seed and essay, and differs between seeds", () => {
    expect(syntheticCorpus(1).essay(7).text).toBe(essays[7]!.text);
    expect(syntheticCorpus(2).essay(7).text).not.toBe(essays[7]!.text);
    expect(new Set(essays.map((e) => e.manifest.slug)).size).toBe(essays.length);
  });

  it("prints both marker styles, and the parser reads the essays' paragraphs and notes (as well as it reads any layout)", () => {
    expect(new Set(essays.map((e) => e.style))).toEqual(new Set(["circled", "bracket"]));
    let paragraphs = 0;
    let truthParagraphs = 0;
    let notes = 0;
    let truthNotes = 0;
    for (const essay of essays.slice(0, 10)) {
      const parsed = parseDocument({ bytes: new TextEncoder().encode(essay.text), fileName: `${essay.stem}.txt`, manifest: essay.manifest });
      expect(parsed.slug).toBe(essay.stem);
      paragraphs += parsed.paragraphs.length;
      truthParagraphs += essay.truth.blocks.filter((b) => b.kind === "paragraph").length;
      notes += parsed.footnotes.filter((n) => n.status === "present").length;
      truthNotes += essay.truth.notes.length;
    }
    // Random layouts cost the parser a paragraph break or a note now and then (bench fidelity measures how often).
    expect(Math.abs(paragraphs - truthParagraphs) / truthParagraphs).toBeLessThan(0.05);
    expect(notes / truthNotes).toBeGreaterThan(0.85);
  });

  it("quotes a few passages in many essays and most in few (Zipf), citing each work under varying titles and hosts", () => {
    const quoted = new Map<string, number>();
    const citedAs = new Map<string, Set<string>>();
    for (const essay of essays) {
      for (const note of essay.truth.notes) {
        const work = /^《([^》]+)》，([^，]+)，/u.exec(note.text);
        if (!work) continue;
        const url = /http\S+?(?=。$)/u.exec(note.text)?.[0] ?? "";
        const id = url.replace(/^.*?(\d{7,})\D*$/u, "$1");
        citedAs.set(id, new Set([...(citedAs.get(id) ?? []), `${work[1]}|${work[2]}`]));
      }
      for (const block of essay.truth.blocks) {
        if (block.kind !== "paragraph") continue;
        for (const m of block.pieces.map((p) => p.text).join("").matchAll(/“([^”]+)。”/gu)) quoted.set(m[1]!, (quoted.get(m[1]!) ?? 0) + 1);
      }
    }
    const counts = [...quoted.values()].sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThanOrEqual(10);
    expect(counts[Math.floor(counts.length / 2)]).toBeLessThanOrEqual(2);
    expect(quoted.size).toBeLessThan(WORKS * PASSAGES_PER_WORK);
    expect(Math.max(...[...citedAs.values()].map((s) => s.size))).toBeGreaterThanOrEqual(4);
  });

  it("writes about the dictionary's concepts in some essays only", () => {
    const onTopic = essays.filter((e) => /网络主权|网络空间命运共同体|全球网络空间治理|数字鸿沟/u.test(e.text)).length;
    expect(onTopic).toBeGreaterThan(5);
    expect(onTopic).toBeLessThan(40);
  });
});
