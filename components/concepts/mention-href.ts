/**
 * The reader link for characters [start, end) of a block: the reader scrolls to the block and
 * highlights the span (`hl`), which is how every concordance line and heat-map cell opens its mention.
 */
export function mentionHref(slug: string, anchor: string, start: number, end: number): string {
  return `/read/${encodeURIComponent(slug)}?hl=${start}-${end}#${encodeURIComponent(anchor)}`;
}

export function conceptHref(id: string): string {
  return `/concepts/${encodeURIComponent(id)}`;
}

export function readerHref(slug: string): string {
  return `/read/${encodeURIComponent(slug)}`;
}
