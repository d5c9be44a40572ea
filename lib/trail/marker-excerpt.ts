/**
 * A keyword-in-context excerpt of a block around a note marker: what the citing sentence says, without the
 * whole paragraph. The window is cut at a sentence end when one falls inside it, so the excerpt starts and
 * ends like prose; otherwise at `radius` characters, with an ellipsis shown by the caller.
 */
export interface MarkerExcerpt {
  before: string;
  after: string;
  /** Text was left out before `before` / after `after`. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

const SENTENCE_END = /[。！？；!?;]/u;

export function markerExcerpt(text: string, offset: number, radius = 80): MarkerExcerpt {
  // Offsets are UTF-16 (the contract's); work in code points so a window never splits a surrogate pair.
  const at = Math.max(0, Math.min(offset, text.length));
  const before = [...text.slice(0, at)];
  const after = [...text.slice(at)];

  let start = Math.max(0, before.length - radius);
  if (start > 0) {
    // The first sentence that starts inside the window, unless that leaves almost nothing before the marker.
    const window = before.slice(start);
    const end = window.findIndex((ch) => SENTENCE_END.test(ch));
    if (end >= 0 && window.length - end - 1 >= radius / 4) start += end + 1;
  }
  let stop = Math.min(after.length, radius);
  if (stop < after.length) {
    const window = after.slice(0, stop);
    let last = -1;
    window.forEach((ch, i) => {
      if (SENTENCE_END.test(ch)) last = i;
    });
    if (last >= radius / 4) stop = last + 1;
  }
  return {
    before: before.slice(start).join(""),
    after: after.slice(0, stop).join(""),
    clippedStart: start > 0,
    clippedEnd: stop < after.length,
  };
}
