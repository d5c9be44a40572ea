import type { CompareLink, LinkEvidence, LinkSide } from "./build-compare-view";
import type { LinkKind } from "./choose-counterpart";
import type { Side } from "./compare-state";

/**
 * The links of side by side as the page sends them to the browser. Every link of the pair goes with the
 * page (a few hundred), and as objects they were a fifth of its React payload (124 KB of 663 KB for the
 * corpus essays), mostly their keys and the same anchors, labels and concept names written again and again.
 * Packed, each string is written once (`strings`), each block a link names once per side (`blocks`), and a
 * link is a row of numbers. `unpackLinks` gives back exactly the links packed.
 */
export interface PackedLinks {
  strings: string[];
  /** Per side, each block a link names: [anchor, block kind, label, order], strings by index. */
  blocks: Record<Side, [anchor: number, kind: number, label: number, order: number][]>;
  /**
   * One row a link: kind, confidence in hundredths, left block, right block, left start, left end, right
   * start, right end (an absent offset is -1), then its evidence: nothing for a shared passage; title, source
   * type, left note, right note for a shared source; each shared concept's id and label for concept overlap
   * (strings by index, -1 for none).
   */
  rows: number[][];
}

const LINK_KINDS: readonly LinkKind[] = ["shared_source", "shared_passage", "concept_overlap"];
const BLOCK_KINDS = ["heading", "paragraph", "footnote"] as const;
/** Confidences are sent to the hundredth (build-compare-view.ts rounds them so). */
const CONFIDENCE_STEPS = 100;
const NONE = -1;

export function packLinks(links: readonly CompareLink[]): PackedLinks {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const intern = (value: string | null): number => {
    if (value === null) return NONE;
    let index = stringIndex.get(value);
    if (index === undefined) {
      index = strings.push(value) - 1;
      stringIndex.set(value, index);
    }
    return index;
  };
  const blocks: PackedLinks["blocks"] = { left: [], right: [] };
  const blockIndex = { left: new Map<string, number>(), right: new Map<string, number>() };
  const block = (side: Side, end: LinkSide): number => {
    const key = `${end.anchor}\u0000${end.blockKind}\u0000${end.label}\u0000${end.order}`;
    let index = blockIndex[side].get(key);
    if (index === undefined) {
      index = blocks[side].push([intern(end.anchor), BLOCK_KINDS.indexOf(end.blockKind), intern(end.label), end.order]) - 1;
      blockIndex[side].set(key, index);
    }
    return index;
  };
  const offset = (value: number | null) => value ?? NONE;
  const rows = links.map((link) => [
    LINK_KINDS.indexOf(link.kind),
    Math.round(link.confidence * CONFIDENCE_STEPS),
    block("left", link.left),
    block("right", link.right),
    offset(link.left.start),
    offset(link.left.end),
    offset(link.right.start),
    offset(link.right.end),
    ...packEvidence(link.evidence, intern),
  ]);
  return { strings, blocks, rows };
}

function packEvidence(evidence: LinkEvidence, intern: (value: string | null) => number): number[] {
  if (evidence.kind === "shared_passage") return [];
  if (evidence.kind === "shared_source") return [intern(evidence.title), intern(evidence.sourceType), intern(evidence.leftNote), intern(evidence.rightNote)];
  return evidence.concepts.flatMap((concept) => [intern(concept.id), intern(concept.labelZh)]);
}

export function unpackLinks(packed: PackedLinks): CompareLink[] {
  const string = (index: number | undefined): string | null => (index === undefined || index === NONE ? null : (packed.strings[index] ?? null));
  const offset = (value: number | undefined) => (value === undefined || value === NONE ? null : value);
  const end = (side: Side, index: number | undefined, start: number | undefined, stop: number | undefined): LinkSide => {
    const [anchor, kind, label, order] = packed.blocks[side][index ?? NONE] ?? [NONE, NONE, NONE, 0];
    return {
      anchor: string(anchor) ?? "",
      blockKind: BLOCK_KINDS[kind] ?? "paragraph",
      label: string(label) ?? "",
      order,
      start: offset(start),
      end: offset(stop),
    };
  };
  return packed.rows.map(([kindIndex, hundredths, left, right, leftStart, leftEnd, rightStart, rightEnd, ...rest]) => {
    const kind = LINK_KINDS[kindIndex ?? NONE] ?? "concept_overlap";
    return {
      kind,
      confidence: (hundredths ?? 0) / CONFIDENCE_STEPS,
      left: end("left", left, leftStart, leftEnd),
      right: end("right", right, rightStart, rightEnd),
      evidence: unpackEvidence(kind, rest, string),
    };
  });
}

function unpackEvidence(kind: CompareLink["kind"], values: number[], string: (index: number | undefined) => string | null): LinkEvidence {
  if (kind === "shared_passage") return { kind };
  if (kind === "shared_source") {
    const [title, sourceType, leftNote, rightNote] = values;
    return { kind, title: string(title) ?? "", sourceType: string(sourceType), leftNote: string(leftNote), rightNote: string(rightNote) };
  }
  const concepts: { id: string; labelZh: string }[] = [];
  for (let i = 0; i + 1 < values.length; i += 2) concepts.push({ id: string(values[i]) ?? "", labelZh: string(values[i + 1]) ?? "" });
  return { kind, concepts };
}
