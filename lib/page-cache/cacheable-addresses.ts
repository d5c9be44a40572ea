/**
 * Which addresses are served from the page cache, as Next.js rewrites (next.config.ts). A page can be
 * cached only if nothing in its query changes what the server renders, so the addresses whose query
 * does are sent to the dynamic twin of the page. Rewrites are matched by Next's router itself: a proxy
 * (middleware) deciding the same thing cost a third of the throughput.
 *
 * No path aliases here: next.config.ts loads this file before the app's module resolution exists. The keys
 * come from lib/urls/url-grammar.ts (no imports either), so a key the app adds is known here too.
 */

import { COMPARE_KEYS, PATHS, READER_KEYS, SLUG_PATTERN } from "../urls/url-grammar";

/**
 * Query keys the reader renders on the server: all of them (a quoted passage, a search hit, a footnote
 * trail), and so will any key added later.
 */
export const READER_RENDERED_KEYS = Object.values(READER_KEYS);

/**
 * Query keys of side by side that change its first render: every key but the two documents. Concepts
 * (server marks), aligned mode, the focused paragraph, the phone tab and the panes' positions (client
 * state read from the URL, which a static render sees as empty) all do, and so will any key added later.
 */
export const COMPARE_STATE_KEYS = Object.values(COMPARE_KEYS).filter((key) => key !== COMPARE_KEYS.left && key !== COMPARE_KEYS.right);

interface Rewrite {
  source: string;
  destination: string;
  has?: { type: "query"; key: string; value?: string }[];
  missing?: { type: "query"; key: string }[];
}

export function pageCacheRewrites(): Rewrite[] {
  return [
    ...READER_RENDERED_KEYS.map((key) => ({
      source: `${PATHS.reader}/:slug`,
      has: [{ type: "query" as const, key }],
      destination: `${PATHS.reader}/:slug/query`,
    })),
    {
      source: PATHS.compare,
      has: [
        { type: "query", key: COMPARE_KEYS.left, value: `(?<left>${SLUG_PATTERN})` },
        { type: "query", key: COMPARE_KEYS.right, value: `(?<right>${SLUG_PATTERN})` },
      ],
      missing: COMPARE_STATE_KEYS.map((key) => ({ type: "query" as const, key })),
      destination: `${PATHS.compare}/:left/:right`,
    },
  ];
}
