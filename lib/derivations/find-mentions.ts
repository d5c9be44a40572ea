import type { ConceptDictionary } from "@/lib/concepts/concept-dictionary";
import { FOLDED_COMMA, foldForMatching, isAsciiWordChar, type FoldedText } from "@/lib/concepts/fold-for-matching";

/**
 * Where the essays mention which concept. Pure: blocks of normalised text and the dictionary in,
 * mentions out, in a deterministic order, so counts are reproducible.
 *
 * The rules (also stated in the dictionary's `about`):
 * - Text and variants are compared folded (see fold-for-matching): whitespace and quotation marks left
 *   inside a wording by extraction do not stop a match, and offsets still point into the original text.
 * - Concept variants and excludes compete longest-first, leftmost on ties, for non-overlapping spans:
 *   网络空间命运共同体 is one mention, not also one of 命运共同体. Roll-up to broader concepts is the
 *   reader's job (the dictionary links say how), so no span is ever counted twice for related concepts.
 * - Members of compound concepts are a second layer over the same text. An enumeration is a run of at
 *   least two distinct members of one compound joined only by list punctuation or 和/与/及/以及/并/或:
 *   it is one mention of the compound and one of each listed member.
 */

export type MentionBlockKind = "heading" | "paragraph" | "footnote";

export interface MentionBlock {
  kind: MentionBlockKind;
  anchor: string;
  text: string;
}

export interface ConceptMention {
  /** A concept id, or a member id when `memberOf` is set. */
  conceptId: string;
  blockAnchor: string;
  blockKind: MentionBlockKind;
  /** UTF-16 offsets into the block's text; `text.slice(start, end)` is what was matched. */
  start: number;
  end: number;
  /** The dictionary wording that matched; for an enumeration, the matched member wordings joined by 、. */
  variant: string;
  /** Set on member mentions: the compound concept the member belongs to. */
  memberOf?: string;
  /** variant: a concept wording; member: an item of a compound; enumeration: a run of items naming the compound. */
  via: "variant" | "member" | "enumeration";
}

interface TermEntry {
  kind: "concept" | "exclude";
  conceptId: string;
  variant: string;
}

interface MemberEntry {
  compoundId: string;
  memberId: string;
  variant: string;
  alone: boolean;
}

interface TrieNode<E> {
  next: Map<string, TrieNode<E>>;
  entries: E[];
}

interface Matcher {
  terms: TrieNode<TermEntry>;
  members: TrieNode<MemberEntry>;
}

interface Hit<E> {
  start: number;
  end: number;
  entries: E[];
}

const ENUMERATION_GAP = new RegExp(`^(?:${FOLDED_COMMA}|以及|和|与|及|并|或)*$`, "u");

const compiled = new WeakMap<ConceptDictionary, Matcher>();

function newNode<E>(): TrieNode<E> {
  return { next: new Map(), entries: [] };
}

function insert<E>(root: TrieNode<E>, wording: string, entry: E): void {
  let node = root;
  for (const ch of foldForMatching(wording).chars) {
    let child = node.next.get(ch);
    if (child === undefined) {
      child = newNode<E>();
      node.next.set(ch, child);
    }
    node = child;
  }
  node.entries.push(entry);
}

function compile(dictionary: ConceptDictionary): Matcher {
  const cached = compiled.get(dictionary);
  if (cached !== undefined) return cached;
  const terms = newNode<TermEntry>();
  const members = newNode<MemberEntry>();
  for (const concept of dictionary.concepts) {
    for (const variant of concept.variants) insert(terms, variant, { kind: "concept", conceptId: concept.id, variant });
    for (const exclude of concept.excludes) insert(terms, exclude, { kind: "exclude", conceptId: concept.id, variant: exclude });
    for (const member of concept.members ?? [])
      for (const variant of member.variants)
        insert(members, variant, { compoundId: concept.id, memberId: member.id, variant, alone: member.alone });
  }
  const matcher = { terms, members };
  compiled.set(dictionary, matcher);
  return matcher;
}

/** An ASCII wording must not be cut out of a longer ASCII word ("GGE" is not in "GGEX"). */
function respectsWordBoundaries(text: string, folded: FoldedText, start: number, end: number): boolean {
  const first = folded.chars[start];
  const last = folded.chars[end - 1];
  const before = folded.starts[start] ?? 0;
  const after = folded.ends[end - 1] ?? text.length;
  const charBefore = before > 0 ? foldForMatching(text.slice(before - 1, before)).chars[0] : undefined;
  const charAfter = after < text.length ? foldForMatching(text.slice(after, after + 1)).chars[0] : undefined;
  if (isAsciiWordChar(first) && isAsciiWordChar(charBefore)) return false;
  if (isAsciiWordChar(last) && isAsciiWordChar(charAfter)) return false;
  return true;
}

function allHits<E>(root: TrieNode<E>, text: string, folded: FoldedText): Hit<E>[] {
  const hits: Hit<E>[] = [];
  const { chars } = folded;
  for (let i = 0; i < chars.length; i++) {
    let node: TrieNode<E> | undefined = root;
    for (let j = i; j < chars.length; j++) {
      node = node.next.get(chars[j] as string);
      if (node === undefined) break;
      if (node.entries.length > 0 && respectsWordBoundaries(text, folded, i, j + 1)) hits.push({ start: i, end: j + 1, entries: node.entries });
    }
  }
  return hits;
}

/** Longest first, then leftmost; a hit is kept only where no kept hit already lies. */
function selectLongestFirst<E>(hits: Hit<E>[], length: number): Hit<E>[] {
  const order = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(length);
  const kept: Hit<E>[] = [];
  for (const hit of order) {
    let free = true;
    for (let k = hit.start; k < hit.end && free; k++) if (taken[k] === 1) free = false;
    if (!free) continue;
    taken.fill(1, hit.start, hit.end);
    kept.push(hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const VIA_ORDER: Record<ConceptMention["via"], number> = { enumeration: 0, variant: 1, member: 2 };

function mentionsInBlock(block: MentionBlock, matcher: Matcher): ConceptMention[] {
  const folded = foldForMatching(block.text);
  const length = folded.chars.length;
  const span = (start: number, end: number) => ({ start: folded.starts[start] as number, end: folded.ends[end - 1] as number });
  const out: ConceptMention[] = [];
  const base = { blockAnchor: block.anchor, blockKind: block.kind };

  const termHits = selectLongestFirst(allHits(matcher.terms, block.text, folded), length);
  const compoundSpans: { conceptId: string; start: number; end: number }[] = [];
  for (const hit of termHits)
    for (const entry of hit.entries) {
      if (entry.kind !== "concept") continue;
      out.push({ conceptId: entry.conceptId, ...base, ...span(hit.start, hit.end), variant: entry.variant, via: "variant" });
      compoundSpans.push({ conceptId: entry.conceptId, start: hit.start, end: hit.end });
    }

  // Member wordings of different compounds never share a span (one entry per hit is enough).
  const memberHits = selectLongestFirst(allHits(matcher.members, block.text, folded), length).map((hit) => ({
    start: hit.start,
    end: hit.end,
    entry: hit.entries[0] as MemberEntry,
  }));
  const runs: (typeof memberHits)[] = [];
  for (const hit of memberHits) {
    const run = runs.at(-1);
    const previous = run?.at(-1);
    const joins =
      run !== undefined &&
      previous !== undefined &&
      previous.entry.compoundId === hit.entry.compoundId &&
      ENUMERATION_GAP.test(folded.chars.slice(previous.end, hit.start).join(""));
    if (joins) run.push(hit);
    else runs.push([hit]);
  }
  for (const run of runs) {
    const first = run[0];
    const last = run.at(-1);
    if (first === undefined || last === undefined) continue;
    const compoundId = first.entry.compoundId;
    const isEnumeration = new Set(run.map((hit) => hit.entry.memberId)).size >= 2;
    if (isEnumeration) {
      const namedAlready = compoundSpans.some((s) => s.conceptId === compoundId && s.start <= first.start && last.end <= s.end);
      if (!namedAlready)
        out.push({ conceptId: compoundId, ...base, ...span(first.start, last.end), variant: run.map((hit) => hit.entry.variant).join(FOLDED_COMMA), via: "enumeration" });
    }
    for (const hit of run)
      if (isEnumeration || hit.entry.alone)
        out.push({ conceptId: hit.entry.memberId, ...base, ...span(hit.start, hit.end), variant: hit.entry.variant, memberOf: compoundId, via: "member" });
  }

  return out.sort((a, b) => a.start - b.start || b.end - a.end || VIA_ORDER[a.via] - VIA_ORDER[b.via] || a.conceptId.localeCompare(b.conceptId));
}

export function findMentions(blocks: readonly MentionBlock[], dictionary: ConceptDictionary): ConceptMention[] {
  const matcher = compile(dictionary);
  return blocks.flatMap((block) => mentionsInBlock(block, matcher));
}

/** Mentions per concept id (members included under their own ids), for summaries and tests. */
export function countMentions(mentions: readonly ConceptMention[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mention of mentions) counts.set(mention.conceptId, (counts.get(mention.conceptId) ?? 0) + 1);
  return counts;
}
