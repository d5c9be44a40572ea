/**
 * Which addresses are served from the page cache, as Next.js rewrites (next.config.ts). A page can be
 * cached only if nothing in its query changes what the server renders, so the addresses whose query
 * does are sent to the dynamic twin of the page. Rewrites are matched by Next's router itself: a proxy
 * (middleware) deciding the same thing cost a third of the throughput.
 *
 * No path aliases here: next.config.ts loads this file before the app's module resolution exists.
 */

/** Query keys the reader renders on the server: a quoted passage, a search hit, a footnote trail. */
export const READER_RENDERED_KEYS = ["q", "hl", "hb", "trail"] as const;

/**
 * Query keys of side by side that change its first render: concepts (server marks), aligned mode, the
 * focused paragraph, the phone tab and the panes' positions (client state read from the URL, which a
 * static render sees as empty).
 */
export const COMPARE_STATE_KEYS = ["c", "align", "f", "pane", "lp", "rp"] as const;

const SLUG = "[A-Za-z0-9][A-Za-z0-9_-]{0,199}";

interface Rewrite {
  source: string;
  destination: string;
  has?: { type: "query"; key: string; value?: string }[];
  missing?: { type: "query"; key: string }[];
}

export function pageCacheRewrites(): Rewrite[] {
  return [
    ...READER_RENDERED_KEYS.map((key) => ({ source: "/read/:slug", has: [{ type: "query" as const, key }], destination: "/read/:slug/query" })),
    {
      source: "/compare",
      has: [
        { type: "query", key: "left", value: `(?<left>${SLUG})` },
        { type: "query", key: "right", value: `(?<right>${SLUG})` },
      ],
      missing: COMPARE_STATE_KEYS.map((key) => ({ type: "query" as const, key })),
      destination: "/compare/:left/:right",
    },
  ];
}
