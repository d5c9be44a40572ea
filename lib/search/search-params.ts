import { z } from "zod";
import { firstValues, repeatedKeys, type QueryInput } from "@/lib/urls/query-values";
import { conceptIdParam, pageParam, slugParam } from "@/lib/urls/route-params";
import { SEARCH_KEYS } from "@/lib/urls/url-grammar";
import { MAX_QUERY_LENGTH } from "./parse-search-query";

export const BLOCK_KINDS = ["heading", "paragraph", "footnote"] as const;
export type SearchBlockKind = (typeof BLOCK_KINDS)[number];

/** An optional filter; empty means none (the search form submits its "any" choices empty). */
const optionalFilter = <T extends z.ZodType<string, string>>(schema: T) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === "" ? undefined : value))
    .pipe(schema.optional());

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
  [SEARCH_KEYS.query]: z.string().max(MAX_QUERY_LENGTH * 2, `q is longer than ${MAX_QUERY_LENGTH} characters`).default(""),
  [SEARCH_KEYS.document]: optionalFilter(slugParam),
  [SEARCH_KEYS.kind]: kindSchema,
  [SEARCH_KEYS.concept]: optionalFilter(conceptIdParam),
  [SEARCH_KEYS.page]: pageParam.default(1),
  [SEARCH_KEYS.pageSize]: z.coerce.number().int("pageSize must be a whole number").min(1).max(100, "pageSize is at most 100").default(20),
});
export type SearchParams = z.infer<typeof searchParamsSchema>;

/** URLSearchParams (or Next's searchParams object) to a plain object; a repeated parameter is refused. */
export function readSearchParams(source: QueryInput): { ok: true; params: SearchParams } | { ok: false; reason: string } {
  const [repeated] = repeatedKeys(source);
  if (repeated !== undefined) return { ok: false, reason: `${repeated} is given more than once` };
  const parsed = searchParamsSchema.safeParse(firstValues(source));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "query";
    return { ok: false, reason: `${where}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true, params: parsed.data };
}
