import type { CorrectionOutcome } from "@/lib/model/document-model";
import type { Correction, CorrectionsFile } from "./corrections-file";

/**
 * A corrections file turned into what each parser stage asks: is this line debris, does a paragraph break
 * before this line, what level has the heading on this line, which note text goes under which marker.
 * Every entry is first checked against the source (the line exists and still starts with `expect`); the
 * stages then report what they did with it, and whatever no stage used is reported as no longer applying.
 */
export interface CorrectionPlan {
  /** 1-based source lines to take out as debris. */
  debrisLines: ReadonlySet<number>;
  /** Body line → a paragraph break before it (`split`) or none (`join`). */
  breaks: ReadonlyMap<number, "join" | "split">;
  /** Heading's first source line → level. */
  headingLevels: ReadonlyMap<number, number>;
  attachments: ReadonlyArray<{ index: number; noteLine: number; markerLine: number; label: string }>;
  /** Records that a stage applied entry `index`, with what it did (shown as the editorial correction). */
  applied(index: number, message: string): void;
  /** Entry `index` names a place the parse no longer has. */
  notApplied(index: number, reason: string): void;
  /** What the block starting or containing these lines had done to it, if anything. */
  noteFor(kinds: ReadonlyArray<Correction["kind"]>, lines: readonly [number, number]): string | null;
  outcomes(): CorrectionOutcome[];
}

export function planCorrections(lines: readonly string[], file: CorrectionsFile | undefined): CorrectionPlan {
  const entries = file?.corrections ?? [];
  const outcomes = new Map<number, CorrectionOutcome>();
  const debrisLines = new Set<number>();
  const breaks = new Map<number, "join" | "split">();
  const headingLevels = new Map<number, number>();
  const attachments: Array<{ index: number; noteLine: number; markerLine: number; label: string }> = [];
  const byIndex = new Map<number, { kind: Correction["kind"]; line: number; message: string }>();

  const check = (index: number, kind: string, line: number, expect: string | undefined): boolean => {
    const text = lines[line - 1];
    if (text === undefined) {
      outcomes.set(index, { index, kind, applied: false, message: `no longer applies: the source has no line ${line}` });
      return false;
    }
    if (expect !== undefined && !text.replace(/^[\s\u3000]+/u, "").startsWith(expect.replace(/^[\s\u3000]+/u, ""))) {
      outcomes.set(index, { index, kind, applied: false, message: `no longer applies: line ${line} no longer starts with "${expect}"` });
      return false;
    }
    return true;
  };

  entries.forEach((entry, index) => {
    switch (entry.kind) {
      case "debris":
        if (check(index, entry.kind, entry.line, entry.expect)) debrisLines.add(entry.line);
        break;
      case "join-paragraphs":
      case "split-paragraph":
        if (check(index, entry.kind, entry.line, entry.expect)) breaks.set(entry.line, entry.kind === "join-paragraphs" ? "join" : "split");
        break;
      case "heading-level":
        if (check(index, entry.kind, entry.line, entry.expect)) headingLevels.set(entry.line, entry.level);
        break;
      case "attach-note":
        if (check(index, entry.kind, entry.noteLine, entry.noteExpect) && check(index, entry.kind, entry.markerLine, undefined)) {
          attachments.push({ index, noteLine: entry.noteLine, markerLine: entry.markerLine, label: entry.label });
        }
        break;
    }
  });

  const lineOf = (entry: Correction): number => (entry.kind === "attach-note" ? entry.noteLine : entry.line);
  return {
    debrisLines,
    breaks,
    headingLevels,
    attachments,
    applied(index, message) {
      const entry = entries[index]!;
      const note = entry.note ? ` (${entry.note})` : "";
      outcomes.set(index, { index, kind: entry.kind, applied: true, message: `${message}${note}` });
      byIndex.set(index, { kind: entry.kind, line: lineOf(entry), message: `${message}${note}` });
    },
    notApplied(index, reason) {
      const entry = entries[index]!;
      if (!outcomes.get(index)?.applied) outcomes.set(index, { index, kind: entry.kind, applied: false, message: `no longer applies: ${reason}` });
    },
    noteFor(kinds, [from, to]) {
      const messages = [...byIndex.values()].filter((x) => kinds.includes(x.kind) && x.line >= from && x.line <= to).map((x) => x.message);
      return messages.length > 0 ? `Editorial correction: ${messages.join("; ")}` : null;
    },
    outcomes() {
      return entries.map(
        (entry, index) =>
          outcomes.get(index) ?? { index, kind: entry.kind, applied: false, message: "no longer applies: the parse has no such place (the line is not where this kind of correction can act)" },
      );
    },
  };
}
