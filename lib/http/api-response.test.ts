import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { apiRoute, badRequest, errorResponse, notFound, RequestError } from "./api-response";

async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as { error: string } };
}

describe("errorResponse", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers a zod error with 400 and each issue's parameter and reason", async () => {
    const parsed = z.strictObject({ year: z.coerce.number().int("year must be a whole number"), doc: z.string() }).safeParse({ year: "1.5" });
    expect(await answer(errorResponse(parsed.error, "test"))).toEqual({
      status: 400,
      body: { error: "year: year must be a whole number; doc: Invalid input: expected string, received undefined" },
    });
  });

  it("answers what a route throws with its status and reason", async () => {
    expect(await answer(errorResponse(badRequest("give the two documents"), "test"))).toEqual({ status: 400, body: { error: "give the two documents" } });
    expect(await answer(errorResponse(notFound('document "x"'), "test"))).toEqual({ status: 404, body: { error: 'document "x" not found' } });
    expect(await answer(errorResponse(new RequestError(409, "busy"), "test"))).toEqual({ status: 409, body: { error: "busy" } });
  });

  it("answers a failing database with 503, whether Prisma, the driver adapter or the connection says so", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const prisma = Object.assign(new Error("Can't reach database server"), { name: "PrismaClientInitializationError" });
    const adapter = Object.assign(new Error("adapter"), { name: "DriverAdapterError" });
    const refused = new Error("query failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
    for (const error of [prisma, adapter, refused]) {
      expect(await answer(errorResponse(error, "GET /api/test"))).toEqual({ status: 503, body: { error: "the database is unavailable; try again shortly" } });
    }
    expect(console.error).toHaveBeenCalledWith("GET /api/test: database query failed:", prisma);
  });

  it("answers anything else as the bug it is, with 500", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect((await answer(errorResponse(new TypeError("x is undefined"), "test"))).status).toBe(500);
  });
});

describe("apiRoute", () => {
  it("passes the request and context through, and answers what the handler throws", async () => {
    const route = apiRoute("GET /api/things/<id>", async (request: Request, context: { params: Promise<{ id: string }> }) => {
      const { id } = await context.params;
      if (id === "missing") throw notFound(`thing "${id}"`);
      z.string().regex(/^[a-z]+$/u, "not an id").parse(id);
      return Response.json({ id, url: request.url });
    });
    const request = new Request("http://duizhao.test/api/things");
    expect(await (await route(request, { params: Promise.resolve({ id: "ok" }) })).json()).toEqual({ id: "ok", url: "http://duizhao.test/api/things" });
    expect(await answer(await route(request, { params: Promise.resolve({ id: "missing" }) }))).toEqual({ status: 404, body: { error: 'thing "missing" not found' } });
    expect(await answer(await route(request, { params: Promise.resolve({ id: "B@D" }) }))).toEqual({ status: 400, body: { error: "not an id" } });
  });
});
