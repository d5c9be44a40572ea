import { z } from "zod";
import { LINK_KINDS, listPassageLinks } from "@/lib/db/list-passage-links";
import { apiRoute, badRequest, notFound } from "@/lib/http/api-response";
import { firstValues, repeatedKeys } from "@/lib/urls/query-values";
import { slugParam } from "@/lib/urls/route-params";
import { PASSAGE_LINK_KEYS } from "@/lib/urls/url-grammar";

export const dynamic = "force-dynamic";

const linksQuery = z
  .strictObject({
    [PASSAGE_LINK_KEYS.left]: slugParam,
    [PASSAGE_LINK_KEYS.right]: slugParam,
    [PASSAGE_LINK_KEYS.kind]: z.enum(LINK_KINDS, { error: `kind must be one of ${LINK_KINDS.join(", ")}` }).optional(),
  })
  .refine((query) => query.left !== query.right, { message: "left and right must name two different documents", path: ["right"] });

export const GET = apiRoute("GET /api/links", async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const repeated = repeatedKeys(params);
  if (repeated.length > 0) throw badRequest(`give each parameter once (repeated: ${repeated.join(", ")})`);
  const values = firstValues(params);
  if (!values[PASSAGE_LINK_KEYS.left] || !values[PASSAGE_LINK_KEYS.right]) {
    throw badRequest(`give the two documents as ${PASSAGE_LINK_KEYS.left}=<slug>&${PASSAGE_LINK_KEYS.right}=<slug>`);
  }
  const result = await listPassageLinks(linksQuery.parse(values));
  if ("missing" in result) throw notFound(`document ${result.missing.map((slug) => `"${slug}"`).join(" or ")}`);
  return Response.json(result);
});
