import { z } from "zod";

/**
 * Every setting Duizhao reads from the environment, validated in one place. A wrong value stops
 * start-up with one line naming the variable, never a stack trace.
 */
const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgresql:" || url.protocol === "postgres:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "must be a PostgreSQL URL such as postgresql://user:password@host:5432/database");

const port = z.coerce
  .number({ error: "must be a port number between 1 and 65535" })
  .int("must be a port number between 1 and 65535")
  .min(1, "must be a port number between 1 and 65535")
  .max(65535, "must be a port number between 1 and 65535");

export const environmentSchema = z.object({
  /** An external PostgreSQL server. When unset, Duizhao starts its own embedded server. */
  DATABASE_URL: postgresUrl.optional(),
  /** Port the web app listens on. */
  PORT: port.default(3000),
  /** Interface the web app binds to. */
  HOST: z.string().trim().min(1).default("0.0.0.0"),
  /** Folder for the embedded server's data (git-ignored). */
  DUIZHAO_DATA_DIR: z.string().trim().min(1).default(".data/postgres"),
  /** Port of the embedded PostgreSQL server. */
  DUIZHAO_DB_PORT: port.default(54329),
  /** The address readers reach the app at, for absolute links in link previews (OpenGraph). */
  DUIZHAO_PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://duizhao.example.org" }).optional(),
  /** Folder of source texts ingested at start (tests point it at fixtures). */
  DUIZHAO_CORPUS_DIR: z.string().trim().min(1).default("corpus"),
  /** Most bytes of rendered pages kept in memory (read by lib/page-cache/corpus-page-cache.mjs). */
  DUIZHAO_PAGE_CACHE_BYTES: z.coerce.number({ error: "must be a number of bytes" }).int().positive().optional(),
});

export type Environment = z.infer<typeof environmentSchema>;

export class EnvironmentError extends Error {}

/** Reads the environment, treating empty strings as unset (as shells and CI often pass them). */
export function readEnvironment(source: Record<string, string | undefined> = process.env): Environment {
  const present = Object.fromEntries(
    Object.keys(environmentSchema.shape).flatMap((key) => {
      const value = source[key];
      return value === undefined || value.trim() === "" ? [] : [[key, value]];
    }),
  );
  const result = environmentSchema.safeParse(present);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join(".") ?? "environment";
    const shown = typeof present[name] === "string" ? ` (got "${present[name]}")` : "";
    throw new EnvironmentError(`${name}${shown}: ${issue?.message ?? "invalid value"}`);
  }
  return result.data;
}
