import { defineConfig } from "prisma/config";

// DATABASE_URL is read lazily: `prisma generate` needs no database, and the app resolves the URL
// itself (embedded server or external) before anything connects.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://unset@localhost/unset" },
});
