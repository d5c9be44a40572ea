import { type BlockLink, KIND_WEIGHT, type LinkKind } from "./choose-counterpart";

/** Two linked blocks, once however many links join them, with the strongest of those links. */
export interface BlockPair {
  left: string;
  right: string;
  kind: LinkKind;
  confidence: number;
  /** How many links join the two blocks. */
  count: number;
}

/** One connector per pair of linked blocks: the strongest kind of link between them decides its style. */
export function blockPairs(links: readonly BlockLink[]): BlockPair[] {
  const pairs = new Map<string, BlockPair>();
  for (const link of links) {
    const key = `${link.left.anchor}\u0000${link.right.anchor}`;
    const known = pairs.get(key);
    if (!known) {
      pairs.set(key, { left: link.left.anchor, right: link.right.anchor, kind: link.kind, confidence: link.confidence, count: 1 });
      continue;
    }
    known.count++;
    if (strength(link) > strength(known)) {
      known.kind = link.kind;
      known.confidence = link.confidence;
    }
  }
  return [...pairs.values()];
}

const strength = (link: { kind: LinkKind; confidence: number }) => KIND_WEIGHT[link.kind] + link.confidence;

/**
 * The pairs the panes scroll in step by: a chain that goes forward in both documents at once (scrolling
 * one pane down must never scroll the other up), chosen to carry the most evidence: a heaviest
 * increasing subsequence, weighted by kind and confidence. `leftIndex`/`rightIndex` give each block's
 * place in reading order; pairs whose blocks are not placed are skipped.
 */
export function alignmentChain<P extends { left: string; right: string; kind: LinkKind; confidence: number }>(
  pairs: readonly P[],
  leftIndex: ReadonlyMap<string, number>,
  rightIndex: ReadonlyMap<string, number>,
): P[] {
  const placed = pairs
    .flatMap((pair) => {
      const l = leftIndex.get(pair.left);
      const r = rightIndex.get(pair.right);
      return l === undefined || r === undefined ? [] : [{ pair, l, r, weight: strength(pair) }];
    })
    .sort((a, b) => a.l - b.l || a.r - b.r);
  const best: number[] = [];
  const previous: number[] = [];
  for (let i = 0; i < placed.length; i++) {
    const current = placed[i]!;
    best[i] = current.weight;
    previous[i] = -1;
    for (let j = 0; j < i; j++) {
      const before = placed[j]!;
      if (before.l < current.l && before.r < current.r && best[j]! + current.weight > best[i]!) {
        best[i] = best[j]! + current.weight;
        previous[i] = j;
      }
    }
  }
  let end = -1;
  for (let i = 0; i < placed.length; i++) if (end < 0 || best[i]! > best[end]!) end = i;
  const chain: P[] = [];
  for (let i = end; i >= 0; i = previous[i]!) chain.push(placed[i]!.pair);
  return chain.reverse();
}

/** A point of one pane's content (y from its top) and the point of the other's it is aligned with. */
export interface AlignmentPoint {
  left: number;
  right: number;
}

/**
 * Where the other pane should stand when this one stands at `y`: linear between the two alignment
 * points around `y`, parallel beyond the first and last. Points must go forward on both sides; those
 * that do not are ignored, so a layout measured mid-reflow cannot make the mapping run backwards.
 */
export function mapOffset(points: readonly AlignmentPoint[], y: number, from: "left" | "right"): number {
  const to = from === "left" ? "right" : "left";
  const usable: AlignmentPoint[] = [];
  for (const point of [...points].sort((a, b) => a[from] - b[from])) {
    const last = usable[usable.length - 1];
    if (!last || (point[from] > last[from] && point[to] > last[to])) usable.push(point);
  }
  const first = usable[0];
  if (!first) return y;
  if (y <= first[from]) return first[to] + (y - first[from]);
  for (let i = 1; i < usable.length; i++) {
    const a = usable[i - 1]!;
    const b = usable[i]!;
    if (y <= b[from]) return a[to] + ((y - a[from]) / (b[from] - a[from])) * (b[to] - a[to]);
  }
  const last = usable[usable.length - 1]!;
  return last[to] + (y - last[from]);
}

/** An S-shaped connector across the gutter, leaving and arriving horizontally. */
export function connectorPath(width: number, fromY: number, toY: number): string {
  const r = (n: number) => Math.round(n * 10) / 10;
  const mid = r(width / 2);
  return `M0 ${r(fromY)} C${mid} ${r(fromY)} ${mid} ${r(toY)} ${r(width)} ${r(toY)}`;
}

/** Line opacity: a weak link is still visible, a certain one is fully drawn. */
export function connectorOpacity(confidence: number): number {
  return Math.round((0.3 + 0.7 * Math.max(0, Math.min(1, confidence))) * 100) / 100;
}
