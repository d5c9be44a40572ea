import { ZodError } from "zod";

/**
 * How every API route answers what went wrong, in one place: a malformed parameter is the request's fault
 * (400, or what the thrower says, with a reason a person can act on), a missing record is a 404, a failing
 * database is the server's trouble but not a bug (503: try again), and anything else is a bug (500). Routes
 * throw; `apiRoute` catches and answers.
 */

/** A request the route refuses, with the status and the reason to answer it with. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    reason: string,
  ) {
    super(reason);
    this.name = "RequestError";
  }
}

/** A 400 with a reason (a zod error's issues, each with the parameter it is about). */
export function badRequest(error: ZodError | string): RequestError {
  return new RequestError(400, typeof error === "string" ? error : describeIssues(error));
}

export function notFound(what: string): RequestError {
  return new RequestError(404, `${what} not found`);
}

function describeIssues(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join(".") + ": " : ""}${issue.message}`).join("; ");
}

/**
 * Errors of the data layer, by name (app code imports nothing from Prisma): Prisma's own, the pg driver
 * adapter's, and a refused or dropped connection.
 */
const DATABASE_ERROR = /^(PrismaClient\w*Error|DriverAdapterError)$/u;
const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P03", "08006", "08001"]);

function isDatabaseFailure(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth += 1) {
    const code = (cause as { code?: unknown }).code;
    if (DATABASE_ERROR.test(cause.name) || (typeof code === "string" && CONNECTION_CODES.has(code))) return true;
  }
  return false;
}

/** The answer to a thrown error; `where` names the route in the server's log. */
export function errorResponse(error: unknown, where: string): Response {
  if (error instanceof RequestError) return Response.json({ error: error.message }, { status: error.status });
  if (error instanceof ZodError) return Response.json({ error: describeIssues(error) }, { status: 400 });
  if (isDatabaseFailure(error)) {
    console.error(`${where}: database query failed:`, error);
    return Response.json({ error: "the database is unavailable; try again shortly" }, { status: 503 });
  }
  console.error(`${where}: failed:`, error);
  return Response.json({ error: "internal error" }, { status: 500 });
}

/**
 * An API route handler whose thrown errors are answered by `errorResponse`: the handler parses with zod's
 * `parse`, throws `badRequest`/`notFound`, and lets the database's errors through.
 */
export function apiRoute<Context extends unknown[]>(
  where: string,
  handler: (request: Request, ...context: Context) => Promise<Response> | Response,
): (request: Request, ...context: Context) => Promise<Response> {
  return async (request, ...context) => {
    try {
      return await handler(request, ...context);
    } catch (error) {
      return errorResponse(error, where);
    }
  };
}
