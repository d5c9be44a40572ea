/** What the reader's script reads of its own address (the keys: lib/urls/url-grammar.ts). */
import { READER_KEYS as KEYS } from "@/lib/urls/url-grammar";

/** The anchor a URL's fragment (`location.hash`, with its `#`) names, decoded. */
export function fragmentAnchor(hash: string): string {
  return decodeURIComponent(hash.slice(1));
}

/**
 * A search hit's address names its block only in the fragment, which the server never sees: the query
 * that also names it (`hb`), or null when there is no hit, no fragment, or the block is named already.
 */
export function withHitBlock(search: URLSearchParams, anchor: string): URLSearchParams | null {
  if (!search.get(KEYS.hit) || !anchor || search.get(KEYS.hitBlock)) return null;
  const params = new URLSearchParams(search.toString());
  params.set(KEYS.hitBlock, anchor);
  return params;
}

/** A passage link's fragment is its block, which the server has already looked for the words in. */
export function isPassageLinkBlock(search: URLSearchParams, anchor: string): boolean {
  return search.has(KEYS.quote) && search.get(KEYS.quoteBlock) === anchor;
}
