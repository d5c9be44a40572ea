import type { SearchHit } from "@/lib/db/search-corpus";

/**
 * One keyword-in-context line; corpus text is rendered as React text, never as HTML. Styled by the list it is in
 * (search-results.css: `.search-hits`), so its twenty copies a page carry no classes of their own but one.
 */
export function KwicLine({ hit }: { hit: Pick<SearchHit, "snippet" | "matchStart" | "matchEnd"> }) {
  return (
    <span className="hit-line">
      {hit.snippet.slice(0, hit.matchStart)}
      <mark data-search-hit>{hit.snippet.slice(hit.matchStart, hit.matchEnd)}</mark>
      {hit.snippet.slice(hit.matchEnd)}
    </span>
  );
}
