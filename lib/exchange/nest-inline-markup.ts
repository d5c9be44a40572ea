import type { XmlElement, XmlNode } from "./xml-writer";

/**
 * Markup over a string of text, as XML nodes: spans (a range that becomes an element around its text) and
 * points (an element that stands at an offset and holds no text of the block, e.g. a note at its marker).
 * The text comes out whole and in order: removing every element (and every point's own content) gives the
 * input text back.
 *
 * Spans nest where they nest. Where two cross, the one with the lower priority is split at the other's
 * boundary into pieces, each made by the same `make` (told which piece it is, and whether another follows),
 * so the higher-priority element stays whole. A point at the offset where a span ends goes after it, at the offset
 * where a span starts, before it; inside a span it goes inside.
 */
export interface InlineSpan {
  /** UTF-16 offsets into the text; empty and out-of-range spans are left out. */
  start: number;
  end: number;
  /** Higher wins a crossing. */
  priority: number;
  make(children: XmlNode[], piece: InlinePiece): XmlElement;
}

/** Which piece of a span an element is: 0 and last for a span that was not split. */
export interface InlinePiece {
  index: number;
  last: boolean;
}

export interface InlinePoint {
  offset: number;
  node: XmlElement;
}

interface Frame {
  span: InlineSpan | null;
  children: XmlNode[];
  piece: number;
  /** Order of the span among the inputs: ties in reopening follow it. */
  order: number;
}

export function nestInlineMarkup(text: string, spans: readonly InlineSpan[], points: readonly InlinePoint[]): XmlNode[] {
  const usable = spans
    .map((span, order) => ({ span, order }))
    .filter(({ span }) => span.start >= 0 && span.end <= text.length && span.start < span.end)
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end || b.span.priority - a.span.priority || a.order - b.order);
  const placed = points
    .map((point, order) => ({ point, order }))
    .filter(({ point }) => point.offset >= 0 && point.offset <= text.length)
    .sort((a, b) => a.point.offset - b.point.offset || a.order - b.order);

  const positions = new Set<number>([0, text.length]);
  for (const { span } of usable) positions.add(span.start).add(span.end);
  for (const { point } of placed) positions.add(point.offset);
  const ordered = [...positions].sort((a, b) => a - b);

  const root: Frame = { span: null, children: [], piece: 0, order: -1 };
  const stack: Frame[] = [root];
  const top = () => stack[stack.length - 1]!;
  let spanIndex = 0;
  let pointIndex = 0;
  let last = 0;

  const closeTop = (at: number) => {
    const frame = stack.pop()!;
    top().children.push(frame.span!.make(frame.children, { index: frame.piece, last: frame.span!.end <= at }));
    return frame;
  };
  /** Closes frames from the top down to (and including) the frame at `depth`; returns the ones to reopen, outermost first. */
  const closeDownTo = (depth: number, at: number, keep: (frame: Frame) => boolean): Frame[] => {
    const reopen: Frame[] = [];
    while (stack.length > depth) {
      const frame = closeTop(at);
      if (keep(frame) && frame.span!.end > at) reopen.unshift(frame);
    }
    return reopen;
  };
  const reopenAll = (frames: readonly Frame[]) => {
    for (const frame of frames) stack.push({ span: frame.span, children: [], piece: frame.piece + 1, order: frame.order });
  };

  for (const position of ordered) {
    if (position > last) top().children.push(text.slice(last, position));
    last = position;

    // Close what ends here; anything opened inside it that goes on is split and reopened after.
    for (;;) {
      const depth = stack.findIndex((frame) => frame.span !== null && frame.span.end === position);
      if (depth === -1) break;
      reopenAll(closeDownTo(depth, position, (frame) => frame.span!.end !== position));
    }

    while (pointIndex < placed.length && placed[pointIndex]!.point.offset === position) top().children.push(placed[pointIndex++]!.point.node);

    while (spanIndex < usable.length && usable[spanIndex]!.span.start === position) {
      const { span, order } = usable[spanIndex++]!;
      // Open spans of lower priority that this one crosses (the top of the stack down to the first that is not)
      // are split here and reopened inside it.
      let crossed = stack.length;
      while (crossed > 1) {
        const below = stack[crossed - 1]!.span!;
        if (below.end >= span.end || below.priority >= span.priority) break;
        crossed--;
      }
      const reopen = crossed === stack.length ? [] : closeDownTo(crossed, position, () => true);
      stack.push({ span, children: [], piece: 0, order });
      reopenAll(reopen);
    }
  }
  while (stack.length > 1) closeTop(text.length);
  return root.children;
}
