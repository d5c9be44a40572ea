import type { SearchHit } from "@/lib/db/search-corpus";

/** One keyword-in-context line; corpus text is rendered as React text, never as HTML. */
export function KwicLine({ hit }: { hit: Pick<SearchHit, "snippet" | "matchStart" | "matchEnd"> }) {
  return (
    <span className="font-serif">
      {hit.snippet.slice(0, hit.matchStart)}
      <mark data-search-hit className="rounded-sm bg-accent-soft px-0.5 text-ink dark:bg-night-accent/30 dark:text-night-ink">
        {hit.snippet.slice(hit.matchStart, hit.matchEnd)}
      </mark>
      {hit.snippet.slice(hit.matchEnd)}
    </span>
  );
}
