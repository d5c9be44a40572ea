import { z } from "zod";
import { MAX_QUERY_LENGTH } from "./parse-search-query";

export const BLOCK_KINDS = ["heading", "paragraph", "footnote"] as const;
export type SearchBlockKind = (typeof BLOCK_KINDS)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value === "" ? undefined : value));

/**
 * `kind` also accepts "note", the word readers use for a footnote. Empty means any: the search form
 * submits its "all kinds" choice as `kind=`.
 */
const kindSchema = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z
    .enum([...BLOCK_KINDS, "note"])
    .optional()
    .transform((kind): SearchBlockKind | undefined => (kind === "note" ? "footnote" : kind)),
);

/** The parameters of GET /api/search and of the search page, as strings from a URL. */
export const searchParamsSchema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH * 2, `q is longer than ${MAX_QUERY_LENGTH} characters`).default(""),
  doc: optionalText(200).pipe(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "doc must be a document slug").optional()),
  kind: kindSchema,
  concept: optionalText(100).pipe(z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/i, "concept must be a concept id").optional()),
  page: z.coerce.number().int("page must be a whole number").min(1, "page starts at 1").max(10_000).default(1),
  pageSize: z.coerce.number().int("pageSize must be a whole number").min(1).max(100, "pageSize is at most 100").default(20),
});
export type SearchParams = z.infer<typeof searchParamsSchema>;

/** URLSearchParams (or Next's searchParams object) to a plain object; a repeated parameter is refused. */
export function readSearchParams(
  source: URLSearchParams | Record<string, string | string[] | undefined>,
): { ok: true; params: SearchParams } | { ok: false; reason: string } {
  const entries: Record<string, string> = {};
  const pairs: [string, string | string[] | undefined][] =
    source instanceof URLSearchParams ? [...source.keys()].map((key) => [key, source.getAll(key)]) : Object.entries(source);
  for (const [key, value] of pairs) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 1) return { ok: false, reason: `${key} is given more than once` };
      if (value[0] !== undefined) entries[key] = value[0];
    } else entries[key] = value;
  }
  const parsed = searchParamsSchema.safeParse(entries);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "query";
    return { ok: false, reason: `${where}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true, params: parsed.data };
}
