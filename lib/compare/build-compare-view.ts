import { countMentions, type MentionCount } from "@/lib/concepts/mention-count";
import type { DocumentStructure } from "@/lib/model/document-model";
import { headingLabel } from "@/lib/reader/heading-label";
import type { ReadingOrder } from "@/lib/reader/reading-order";
import type { BlockMark } from "@/lib/reader/segment-block";
import { chooseCounterpart, type LinkKind, linkStrengths, type MentionPlace, positionInDocument } from "./choose-counterpart";
import type { Side } from "./compare-state";
import { assignTones } from "./concept-tones";

/** The inputs, shaped as lib/db returns them (kept structural so this module stays free of the database). */
export interface ViewMention {
  conceptId: string;
  /** The member item (compound concepts), or null for the concept itself. */
  member: string | null;
  blockKind: "heading" | "paragraph" | "footnote";
  anchor: string;
  start: number;
  end: number;
}

export interface ViewConcept {
  id: string;
  labelZh: string;
  labelEn: string;
  ordinal: number;
}

export interface ViewLink {
  id: string;
  kind: LinkKind;
  confidence: number;
  left: { blockKind: "heading" | "paragraph" | "footnote"; anchor: string; start: number | null; end: number | null };
  right: { blockKind: "heading" | "paragraph" | "footnote"; anchor: string; start: number | null; end: number | null };
  evidence: unknown;
}

export interface ViewDocument {
  document: DocumentStructure;
  order: ReadingOrder;
  mentions: readonly ViewMention[];
}

/** A concept of the picker, with its mentions in each pane counted as every page counts them (lib/concepts/mention-count.ts). */
export interface PickerConcept {
  id: string;
  labelZh: string;
  labelEn: string;
  left: MentionCount;
  right: MentionCount;
}

/** Where a jump lands: a block of the other pane and the words to flash in it. */
export interface JumpTarget {
  anchor: string;
  start: number;
  end: number;
}

/** A mention of an active concept and where its counterpart stands: [start, end, target]. */
export type CounterpartEntry = [start: number, end: number, target: JumpTarget | null];

export interface ParagraphChip {
  concept: string;
  tone: number;
  count: number;
  target: JumpTarget | null;
}

/**
 * What the links panel shows of a link that no pane shows, and no more: every link of the pair is sent
 * with the page (a few hundred). A shared passage's words are in both panes (the link's ends say where:
 * the panel reads them there), as are the notes citing a shared source (named by anchor); a shared
 * concept's English label is not shown.
 */
export type LinkEvidence =
  | { kind: "shared_passage" }
  | { kind: "shared_source"; title: string; sourceType: string | null; /** The citing notes, when the pane lists them. */ leftNote: string | null; rightNote: string | null }
  | { kind: "concept_overlap"; concepts: { id: string; labelZh: string }[] };

/**
 * A passage link as the focus panel and the connectors need it. No database id: hundreds of random
 * UUIDs were a tenth of what side by side sends, and nothing on the page looks a link up by id.
 */
export interface CompareLink {
  kind: LinkKind;
  confidence: number;
  left: LinkSide;
  right: LinkSide;
  evidence: LinkEvidence;
}

export interface LinkSide {
  anchor: string;
  blockKind: "heading" | "paragraph" | "footnote";
  /** ¶ 12, § 二、…, 注 ③: what the panel calls the block. */
  label: string;
  /** Place in reading order (notes after the text), for listing links in the order of their other ends. */
  order: number;
  start: number | null;
  end: number | null;
}

export interface PaneView {
  marks: Map<string, BlockMark[]>;
  chips: Map<string, ParagraphChip[]>;
  /** Links per block of this pane. */
  linkCounts: Map<string, number>;
  /** By block, then concept: each mention of an active concept with its counterpart in the other pane. */
  counterparts: Record<string, Record<string, CounterpartEntry[]>>;
  /** Every block and note anchor, for checking the URL. */
  anchors: Set<string>;
}

export interface CompareView {
  picker: PickerConcept[];
  /** The active concepts that either document mentions, in URL order. */
  active: string[];
  left: PaneView;
  right: PaneView;
  links: CompareLink[];
}

/**
 * A link's confidence to the hundredth: the panel shows whole percents and the connectors' opacity is in
 * hundredths, and the linker's sixteen digits were sent for every link.
 */
const CONFIDENCE_STEPS = 100;

/**
 * What side by side draws for two documents: the concept picker, the marks and paragraph chips of the
 * active concepts in each pane with each mention's counterpart across, and the links between blocks.
 * Mentions are counted under the shared rule (headings, paragraphs and notes, as a concept's page counts
 * them) and all of them are highlighted, in the notes lists too; jumps go from and to mentions in the text
 * only, where the panes are read in step (a note's place in its list says nothing of where it is called).
 */
export function buildCompareView(
  input: {
    left: ViewDocument;
    right: ViewDocument;
    concepts: readonly ViewConcept[];
    /** Member items of compound concepts, by which links may name what they share. */
    members?: readonly Omit<ViewConcept, "ordinal">[];
    links: readonly ViewLink[];
  },
  activeConcepts: readonly string[],
): CompareView {
  const sides = { left: input.left, right: input.right };
  const blocks = { left: blockIndex(input.left), right: blockIndex(input.right) };
  const inText = (side: Side) => sides[side].mentions.filter((mention) => blocks[side].index.has(mention.anchor));
  const textMentions = { left: inText("left"), right: inText("right") };
  // Mentions in notes the pane lists (a mention of a block no longer in the document is neither counted nor drawn).
  const inNotes = (side: Side) => {
    const notes = new Set(sides[side].document.footnotes.map((note) => note.anchor));
    return sides[side].mentions.filter((mention) => mention.blockKind === "footnote" && notes.has(mention.anchor));
  };
  const counted = { left: [...textMentions.left, ...inNotes("left")], right: [...textMentions.right, ...inNotes("right")] };

  const picker = input.concepts
    .map((concept) => ({
      id: concept.id,
      labelZh: concept.labelZh,
      labelEn: concept.labelEn,
      ordinal: concept.ordinal,
      left: countMentions(counted.left.filter((m) => m.conceptId === concept.id)),
      right: countMentions(counted.right.filter((m) => m.conceptId === concept.id)),
    }))
    .filter((concept) => concept.left.total + concept.right.total > 0)
    // What both essays treat is what a comparison is for: those concepts first.
    .sort((a, b) => Number(b.left.total > 0 && b.right.total > 0) - Number(a.left.total > 0 && a.right.total > 0) || a.ordinal - b.ordinal)
    .map(({ ordinal: _ordinal, ...concept }) => concept);

  const present = new Set(picker.map((concept) => concept.id));
  const tones = assignTones(activeConcepts.filter((id) => present.has(id)));
  const labels = [...input.concepts, ...(input.members ?? [])];
  const links = input.links.map((link) => compareLink(link, input, blocks, labels));

  const pane = (side: Side): PaneView => {
    const other: Side = side === "left" ? "right" : "left";
    const marks = new Map<string, BlockMark[]>();
    const chips = new Map<string, ParagraphChip[]>();
    const counterparts: PaneView["counterparts"] = {};
    const place = (m: ViewMention, s: Side): MentionPlace => ({
      anchor: m.anchor,
      start: m.start,
      end: m.end,
      member: m.member,
      position: positionInDocument(blocks[s].index.get(m.anchor) ?? 0, blocks[s].index.size, m.start, blocks[s].length.get(m.anchor) ?? 0),
    });
    const candidatesOf = new Map<string, MentionPlace[]>();
    for (const id of tones.keys()) candidatesOf.set(id, textMentions[other].filter((m) => m.conceptId === id).map((m) => place(m, other)));
    const strengthsOf = new Map<string, Map<string, number>>();

    for (const mention of counted[side]) {
      const tone = tones.get(mention.conceptId);
      if (!tone) continue;
      const list = marks.get(mention.anchor) ?? [];
      list.push({ kind: "concept", concept: mention.conceptId, tone: tone.index, start: mention.start, end: mention.end });
      marks.set(mention.anchor, list);
      if (mention.blockKind === "footnote") continue;

      if (!strengthsOf.has(mention.anchor)) strengthsOf.set(mention.anchor, linkStrengths(input.links, side, mention.anchor));
      const counterpart = chooseCounterpart(place(mention, side), candidatesOf.get(mention.conceptId) ?? [], strengthsOf.get(mention.anchor)!);
      const target = counterpart ? { anchor: counterpart.anchor, start: counterpart.start, end: counterpart.end } : null;
      const byConcept = (counterparts[mention.anchor] ??= {});
      (byConcept[mention.conceptId] ??= []).push([mention.start, mention.end, target]);
    }

    for (const [anchor, byConcept] of Object.entries(counterparts)) {
      if (blocks[side].kind.get(anchor) !== "paragraph") continue;
      const list = Object.entries(byConcept).map(([concept, entries]) => {
        const sorted = [...entries].sort((a, b) => a[0] - b[0]);
        return { concept, tone: tones.get(concept)!.index, count: sorted.length, target: sorted[0]?.[2] ?? null };
      });
      chips.set(anchor, list.sort((a, b) => a.tone - b.tone));
    }

    const linkCounts = new Map<string, number>();
    for (const link of input.links) linkCounts.set(link[side].anchor, (linkCounts.get(link[side].anchor) ?? 0) + 1);
    const anchors = new Set([...blocks[side].index.keys(), ...sides[side].document.footnotes.map((note) => note.anchor)]);
    return { marks, chips, linkCounts, counterparts, anchors };
  };

  return { picker, active: [...tones.keys()], left: pane("left"), right: pane("right"), links };
}

interface BlockIndex {
  index: Map<string, number>;
  length: Map<string, number>;
  kind: Map<string, "heading" | "paragraph">;
  labels: Map<string, string>;
  noteIndex: Map<string, number>;
}

/** Headings and paragraphs in reading order, with their labels as the panel writes them. */
function blockIndex(view: ViewDocument): BlockIndex {
  const result: BlockIndex = { index: new Map(), length: new Map(), kind: new Map(), labels: new Map(), noteIndex: new Map() };
  for (const section of view.order.sections) {
    for (const block of section.blocks) {
      const { anchor, text } = block.kind === "heading" ? block.heading : block.paragraph;
      result.index.set(anchor, result.index.size);
      result.length.set(anchor, text.length);
      result.kind.set(anchor, block.kind);
      result.labels.set(
        anchor,
        block.kind === "heading" ? `§ ${headingLabel(block.heading.label)}${block.heading.text}` : `¶ ${block.number}`,
      );
    }
  }
  view.document.footnotes.forEach((note, i) => {
    result.labels.set(note.anchor, `注 ${note.label} (p. ${note.page})`);
    result.noteIndex.set(note.anchor, i);
  });
  return result;
}

function compareLink(
  link: ViewLink,
  input: { left: ViewDocument; right: ViewDocument },
  blocks: { left: BlockIndex; right: BlockIndex },
  concepts: readonly Omit<ViewConcept, "ordinal">[],
): CompareLink {
  const side = (s: Side): LinkSide => ({
    anchor: link[s].anchor,
    blockKind: link[s].blockKind,
    label: blocks[s].labels.get(link[s].anchor) ?? link[s].anchor,
    order: blocks[s].index.get(link[s].anchor) ?? blocks[s].index.size + (blocks[s].noteIndex.get(link[s].anchor) ?? 0),
    start: link[s].start,
    end: link[s].end,
  });
  return {
    kind: link.kind,
    confidence: Math.round(link.confidence * CONFIDENCE_STEPS) / CONFIDENCE_STEPS,
    left: side("left"),
    right: side("right"),
    evidence: readEvidence(link, input, concepts),
  };
}

/** Evidence is JSON written by the linker; read defensively so one odd row shows as little, not as an error. */
function readEvidence(link: ViewLink, input: { left: ViewDocument; right: ViewDocument }, concepts: readonly Omit<ViewConcept, "ordinal">[]): LinkEvidence {
  const evidence = (typeof link.evidence === "object" && link.evidence !== null ? link.evidence : {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  if (link.kind === "shared_passage") return { kind: link.kind };
  if (link.kind === "shared_source") {
    const note = (s: Side): string | null => input[s].document.footnotes.find((n) => n.anchor === evidence[`${s}Note`])?.anchor ?? null;
    return { kind: link.kind, title: text(evidence.title), sourceType: typeof evidence.type === "string" ? evidence.type : null, leftNote: note("left"), rightNote: note("right") };
  }
  const ids = Array.isArray(evidence.concepts) ? evidence.concepts.filter((id): id is string => typeof id === "string") : [];
  const byId = new Map(concepts.map((concept) => [concept.id, concept]));
  return {
    kind: "concept_overlap",
    concepts: ids.map((id) => {
      const concept = byId.get(id);
      return { id, labelZh: concept?.labelZh ?? id };
    }),
  };
}
