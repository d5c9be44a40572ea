/**
 * Values out of a request's query, as every reader of a URL takes them: the first of a repeated key, or
 * the keys given more than once where repeating one is refused. Plain functions without zod, so the
 * client-side URL readers (./app-urls.ts) and the routes' schemas (./route-params.ts) share them.
 */

/** A request's query: URLSearchParams, or the object Next hands a page as `searchParams`. */
export type QueryInput = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

/** The first value of a query parameter given any number of times (a link may repeat one; the first wins). */
export function firstValue(value: string | readonly string[] | null | undefined): string | undefined {
  return (typeof value === "string" ? value : value?.[0]) ?? undefined;
}

/** Every value of one key, in order. */
export function queryValues(query: QueryInput, key: string): readonly string[] {
  if (query instanceof URLSearchParams) return query.getAll(key);
  const value = query[key];
  return value === undefined ? [] : typeof value === "string" ? [value] : value;
}

/** The first value of one key. */
export function queryValue(query: QueryInput, key: string): string | undefined {
  return firstValue(queryValues(query, key));
}

function allValues(query: QueryInput): [string, readonly string[]][] {
  const keys = query instanceof URLSearchParams ? new Set(query.keys()) : Object.keys(query);
  return [...keys].map((key) => [key, queryValues(query, key)]);
}

/** The query as a plain object for a schema: the first value of each key. */
export function firstValues(query: QueryInput): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, values] of allValues(query)) {
    const first = firstValue(values);
    if (first !== undefined) result[key] = first;
  }
  return result;
}

/** The keys given more than once, for routes where a repeated parameter is ambiguous and refused. */
export function repeatedKeys(query: QueryInput): string[] {
  return allValues(query).flatMap(([key, values]) => (values.length > 1 ? [key] : []));
}
