import { z } from "zod";
import { LINK_KINDS, listPassageLinks } from "@/lib/db/list-passage-links";
import { badRequest, databaseUnavailable } from "@/lib/http/api-response";
import { slugParam } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";


const linksQuery = z
  .strictObject({
    left: slugParam,
    right: slugParam,
    kind: z.enum(LINK_KINDS, { error: `kind must be one of ${LINK_KINDS.join(", ")}` }).optional(),
  })
  .refine((query) => query.left !== query.right, { message: "left and right must name two different documents", path: ["right"] });

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const repeated = [...new Set(params.keys())].filter((key) => params.getAll(key).length > 1);
  if (repeated.length > 0) return badRequest(`give each parameter once (repeated: ${repeated.join(", ")})`);
  if (!params.get("left") || !params.get("right")) return badRequest("give the two documents as left=<slug>&right=<slug>");
  const query = linksQuery.safeParse({
    left: params.get("left") ?? undefined,
    right: params.get("right") ?? undefined,
    ...Object.fromEntries([...params].filter(([key]) => key !== "left" && key !== "right")),
  });
  if (!query.success) return badRequest(query.error);
  const result = await listPassageLinks(query.data).catch((error: unknown) => databaseUnavailable(error, "GET /api/links"));
  if (result instanceof Response) return result;
  if ("missing" in result) return Response.json({ error: `no document with slug ${result.missing.map((s) => `"${s}"`).join(" or ")}` }, { status: 404 });
  return Response.json(result);
}
