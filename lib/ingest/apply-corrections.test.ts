import { describe, expect, it } from "vitest";
import { makeEssay, renderEssay, seeded } from "@/tests/fixtures/ingest/render-essay";
import { correctionsFileSchema, type CorrectionsFile } from "./corrections-file";
import { parseDocument } from "./parse-document";

const utf8 = (s: string) => new TextEncoder().encode(s);
const rendered = renderEssay(makeEssay(5), { width: 30, linesPerPage: 15, style: "bracket" });
const lines = rendered.text.split("\n");
const parse = (corrections?: CorrectionsFile, text = rendered.text) => parseDocument({ bytes: utf8(text), fileName: "essay.txt", corrections });
const plain = parse();

describe("editorial corrections", () => {
  it("joins two paragraphs at a line and splits one at another, saying so on the paragraph", () => {
    const second = plain.paragraphs[1]!;
    const first = plain.paragraphs[0]!;
    const splitAt = first.sourceLines[0] + 2;
    const draft = parse({
      corrections: [
        { kind: "join-paragraphs", line: second.sourceLines[0], expect: lines[second.sourceLines[0] - 1]!.trim().slice(0, 4) },
        { kind: "split-paragraph", line: splitAt },
      ],
    });
    expect(draft.corrections.map((c) => c.applied)).toEqual([true, true]);
    // One paragraph split in two, two joined in one: the count is unchanged, the text is not lost.
    expect(draft.paragraphs).toHaveLength(plain.paragraphs.length);
    expect(draft.paragraphs.map((p) => p.text).join("")).toBe(plain.paragraphs.map((p) => p.text).join(""));
    // The split-off rest of the first paragraph now runs on into the second.
    expect(draft.paragraphs[0]!.sourceLines).toEqual([first.sourceLines[0], splitAt - 2]);
    expect(draft.paragraphs[1]!.sourceLines).toEqual([splitAt, second.sourceLines[1]]);
    expect(draft.paragraphs[1]!.correction).toMatch(/new paragraph starts at line/);
    expect(draft.paragraphs[1]!.correction).toMatch(/continues the paragraph before it/);
    expect(draft.paragraphs[0]!.correction).toBeNull();
    expect(draft.paragraphs[2]!.correction).toBeNull();
  });

  it("takes a line out as debris and sets a heading's level", () => {
    const paragraph = plain.paragraphs[0]!;
    // Printed lines are separated by blank lines here: the paragraph's second printed line.
    const line = paragraph.sourceLines[0] + 2;
    const heading = plain.headings[1]!;
    const draft = parse({
      corrections: [
        { kind: "debris", line },
        { kind: "heading-level", line: heading.sourceLines[0], level: 2 },
      ],
    });
    expect(draft.corrections.every((c) => c.applied)).toBe(true);
    expect(draft.debris.some((d) => d.line === line)).toBe(true);
    expect(draft.paragraphs[0]!.text.length).toBeLessThan(paragraph.text.length);
    expect(draft.paragraphs[0]!.correction).toMatch(/taken out of the text as debris/);
    expect(draft.headings[1]!.level).toBe(2);
    expect(draft.headings[1]!.correction).toMatch(/level set to 2/);
  });

  it("reports a correction whose line changed as no longer applying, and applies nothing", () => {
    const heading = plain.headings[0]!;
    const draft = parse({ corrections: [{ kind: "heading-level", line: heading.sourceLines[0], expect: "不在这里的文字", level: 3 }] });
    expect(draft.corrections).toEqual([expect.objectContaining({ applied: false, message: expect.stringMatching(/no longer applies/) })]);
    expect(draft.headings[0]!.level).toBe(heading.level);
    const beyond = parse({ corrections: [{ kind: "debris", line: lines.length + 10 }] });
    expect(beyond.corrections[0]).toMatchObject({ applied: false });
  });

  it("attaches an unattached note text to the marker an editor names, and marks it as a correction", () => {
    // Lose notes until a page leaves an unattached fragment.
    const essay = makeEssay(12, 4);
    const total = renderEssay(essay, { width: 30, linesPerPage: 15, style: "circled-list" }).notes.length;
    let found: { text: string; fragment: { sourceLines: [number, number]; page: number }; draft: ReturnType<typeof parse> } | null = null;
    for (let seed = 1; seed < 60 && found === null; seed += 1) {
      const random = seeded(seed);
      const lose = new Set(Array.from({ length: total }, (_, i) => i).filter(() => random() < 0.4));
      const text = renderEssay(essay, { width: 30, linesPerPage: 15, style: "circled-list", lose }).text;
      const draft = parse(undefined, text);
      const fragment = draft.fragments.find((f) => f.candidates.length > 0);
      if (fragment) found = { text, fragment, draft };
    }
    expect(found).not.toBeNull();
    const { text, fragment, draft } = found!;
    const target = draft.footnotes.find((n) => n.page === fragment.page && n.status === "unlocated")!;
    const markerLine = target.sourceLines[0];
    const corrected = parse({ corrections: [{ kind: "attach-note", noteLine: fragment.sourceLines[0], markerLine, label: target.label }] }, text);
    const note = corrected.footnotes.find((n) => n.anchor !== target.anchor && n.label === target.label && n.page === target.page) ?? corrected.footnotes.find((n) => n.sourceLines[0] === fragment.sourceLines[0])!;
    expect(corrected.corrections[0]).toMatchObject({ applied: true });
    expect(note.attachment).toMatchObject({ how: "correction", uncertain: false });
    expect(note.correction).toMatch(/Editorial correction/);
    expect(corrected.fragments.some((f) => f.sourceLines[0] === fragment.sourceLines[0])).toBe(false);
  });

  it("validates the file: unknown kinds and fields are refused", () => {
    expect(correctionsFileSchema.safeParse({ corrections: [{ kind: "rewrite", line: 3 }] }).success).toBe(false);
    expect(correctionsFileSchema.safeParse({ corrections: [{ kind: "debris", line: 0 }] }).success).toBe(false);
    expect(correctionsFileSchema.safeParse({ corrections: [{ kind: "attach-note", noteLine: 3, markerLine: 2, label: "1" }] }).success).toBe(false);
    expect(correctionsFileSchema.safeParse({ corrections: [{ kind: "debris", line: 3, extra: true }] }).success).toBe(false);
    expect(correctionsFileSchema.safeParse({ about: "checked against the PDF", corrections: [{ kind: "debris", line: 3 }] }).success).toBe(true);
  });
});
