import { TEI_MEDIA_TYPE, documentToTei } from "@/lib/exchange/document-to-tei";
import { DTS_DOCUMENT_MEDIA_TYPES, dtsResourceId } from "@/lib/exchange/dts-responses";
import { passageToTei } from "@/lib/exchange/passage-to-tei";
import { badRequest, notFound } from "@/lib/http/api-response";
import { publicOrigin } from "@/lib/http/public-url";
import { dtsCollectionHref, dtsDocumentHref } from "@/lib/urls/app-urls";
import { firstValues } from "@/lib/urls/query-values";
import { dtsDocumentQuery } from "@/lib/urls/route-params";
import { dtsRoute, loadCitationTree, movedPassage, redirectTo, resourceSlug } from "../dts-answers";

export const dynamic = "force-dynamic";

/**
 * The DTS 1.0 Document endpoint: the document as TEI (lib/exchange/document-to-tei.ts), or one citable unit
 * (`ref`) or a range (`start`..`end`) wrapped in `dts:wrapper` (lib/exchange/passage-to-tei.ts). An identifier
 * of an earlier version redirects to the current one; one removed at a re-ingest is a 404.
 */
export const GET = dtsRoute("GET /api/dts/document", async (request: Request) => {
  const query = dtsDocumentQuery.parse(firstValues(new URL(request.url).searchParams));
  const origin = publicOrigin();
  const slug = resourceSlug(query.resource!, origin);
  const resource = dtsResourceId(origin, slug);
  if (query.mediaType !== undefined && !(DTS_DOCUMENT_MEDIA_TYPES as readonly string[]).includes(query.mediaType)) {
    throw notFound(`mediaType "${query.mediaType}" for this resource (it is given as ${DTS_DOCUMENT_MEDIA_TYPES.join(", ")})`);
  }
  const tree = await loadCitationTree(slug, origin);
  const passage = query.ref !== undefined || query.start !== undefined;
  // DTS 1.0: `tree` has no effect without ref or start/end; with them it must name a tree, and there is only the default.
  if (passage && query.tree !== undefined) throw notFound(`tree "${query.tree}": the resource has one citation tree, the default, which has no identifier`);

  const moved = await movedPassage(slug, tree, query);
  if (moved) return redirectTo(`${origin}${dtsDocumentHref({ ...moved, resource })}`);

  let body: string;
  if (query.ref !== undefined) body = passageToTei(tree.tei, { ref: query.ref }, tree.element);
  else if (query.start !== undefined && query.end !== undefined) {
    const index = (identifier: string) => tree.units.findIndex((unit) => unit.identifier === identifier);
    if (index(query.end) < index(query.start)) throw badRequest("start: the range's start comes after its end in the document");
    body = passageToTei(tree.tei, { start: query.start, end: query.end }, tree.element);
  } else body = documentToTei(tree.tei);

  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": TEI_MEDIA_TYPE,
      Link: `<${origin}${dtsCollectionHref({ id: resource })}>; rel="collection"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
});
