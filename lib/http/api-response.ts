import type { ZodError } from "zod";

/** A 4xx answer with a reason a person can act on. */
export function badRequest(error: ZodError | string, status = 400): Response {
  const reason =
    typeof error === "string"
      ? error
      : error.issues.map((issue) => `${issue.path.length ? issue.path.join(".") + ": " : ""}${issue.message}`).join("; ");
  return Response.json({ error: reason }, { status });
}

export function notFound(what: string): Response {
  return Response.json({ error: `${what} not found` }, { status: 404 });
}

/** A failing database is the server's trouble, not the request's: say so with 503 rather than a bare 500. */
export function databaseUnavailable(error: unknown, where: string): Response {
  console.error(`${where}: database query failed:`, error);
  return Response.json({ error: "the database is unavailable; try again shortly" }, { status: 503 });
}
