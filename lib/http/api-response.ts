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
