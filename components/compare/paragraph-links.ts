import type { CounterpartEntry } from "@/lib/compare/build-compare-view";
import type { Side } from "@/lib/compare/compare-state";

/** What these functions read of a link: the block at each end. */
type BlockLink = Record<Side, { anchor: string }>;

/** How many links each block of each side has. */
export function countLinksByBlock(links: readonly BlockLink[]): Record<Side, Map<string, number>> {
  const counts = { left: new Map<string, number>(), right: new Map<string, number>() };
  for (const link of links) {
    for (const side of ["left", "right"] as const) counts[side].set(link[side].anchor, (counts[side].get(link[side].anchor) ?? 0) + 1);
  }
  return counts;
}

/** The links of the paragraph in focus, in the order given; none without a focus. */
export function linksOfBlock<T extends BlockLink>(links: readonly T[], focus: { side: Side; anchor: string } | null): T[] {
  return focus ? links.filter((link) => link[focus.side].anchor === focus.anchor) : [];
}

/** A chip stands for all of its block's mentions of a concept: it goes to the counterpart of the first. */
export function firstCounterpart(entries: readonly CounterpartEntry[]): CounterpartEntry | undefined {
  return [...entries].sort((a, b) => a[0] - b[0])[0];
}

/** A mark clicked goes to the counterpart of the mention it is part of (the block's first when none is found). */
export function counterpartAt(entries: readonly CounterpartEntry[], offset: number): CounterpartEntry | undefined {
  return entries.find(([from, until]) => offset >= from && offset < until) ?? entries[0];
}
