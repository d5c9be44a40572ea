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
  /** Most bytes of whole pages the web server keeps by address (read by scripts/serve-next.mjs). */
  DUIZHAO_RESPONSE_CACHE_BYTES: z.coerce.number({ error: "must be a number of bytes" }).int().positive().optional(),
  /**
   * Font of the link-preview images (/api/og): a .otf/.ttf file, or a .ttc collection (its Noto Serif CJK SC
   * face, else its first). Unset: fonts-noto-cjk's Noto Serif CJK collection.
   */
  DUIZHAO_OG_FONT: z.string().trim().min(1).optional(),
  /** Print the migration engine's log on stderr (1/true/yes/on, or 0/false/no/off). */
  DUIZHAO_DEBUG_MIGRATIONS: z.stringbool({ error: "must be 1, true, yes or on (or 0, false, no, off)" }).default(false),
});

export type Environment = z.infer<typeof environmentSchema>;

export class EnvironmentError extends Error {}

type EnvironmentSource = Record<string, string | undefined>;

/**
 * Reads the environment, treating empty strings as unset (as shells and CI often pass them). This module
 * is the only place that reads `process.env` (a lint rule keeps it so, outside scripts and tests).
 */
export function readEnvironment(source: EnvironmentSource = process.env): Environment {
  const present = Object.fromEntries(Object.keys(environmentSchema.shape).flatMap((name) => (isSet(source[name]) ? [[name, source[name]]] : [])));
  const result = environmentSchema.safeParse(present);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join(".") ?? "environment";
    throw settingError(name, present[name], issue?.message);
  }
  return result.data;
}

/**
 * One setting, validated as readEnvironment does but without the others: what the web app's modules
 * call, so that reading one setting never fails on another (`npm start` has checked them all).
 */
export function readSetting<K extends keyof Environment>(name: K, source: EnvironmentSource = process.env): Environment[K] {
  const value = isSet(source[name]) ? source[name] : undefined;
  const result = environmentSchema.shape[name].safeParse(value);
  if (!result.success) throw settingError(name, value, result.error.issues[0]?.message);
  // The field's own schema: its output is Environment[K], which TypeScript cannot see through the index.
  return result.data as Environment[K];
}

function isSet(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

function settingError(name: string, value: unknown, message = "invalid value"): EnvironmentError {
  const shown = typeof value === "string" ? ` (got "${value}")` : "";
  return new EnvironmentError(`${name}${shown}: ${message}`);
}
