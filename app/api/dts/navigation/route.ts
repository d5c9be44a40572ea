import { selectUnits, type DtsNavigationRequest } from "@/lib/exchange/dts-citation-tree";
import { dtsNavigation, dtsResourceId } from "@/lib/exchange/dts-responses";
import { badRequest, notFound } from "@/lib/http/api-response";
import { publicOrigin } from "@/lib/http/public-url";
import { dtsNavigationHref } from "@/lib/urls/app-urls";
import { firstValues } from "@/lib/urls/query-values";
import { dtsNavigationQuery } from "@/lib/urls/route-params";
import { dtsRoute, jsonLd, loadCitationTree, movedPassage, redirectTo, resourceSlug } from "../dts-answers";

export const dynamic = "force-dynamic";

/**
 * The DTS 1.0 Navigation endpoint: a document's citation tree (sections, paragraphs, notes; identifiers are
 * the reader's anchors), or part of it, as the specification's table of `ref`, `start`/`end` and `down` says.
 * An identifier of an earlier version redirects to the current one; one removed at a re-ingest is a 404.
 */
export const GET = dtsRoute("GET /api/dts/navigation", async (request: Request) => {
  const url = new URL(request.url);
  const query = dtsNavigationQuery.parse(firstValues(url.searchParams));
  const origin = publicOrigin();
  const slug = resourceSlug(query.resource!, origin);
  const tree = await loadCitationTree(slug, origin);
  if (query.tree !== undefined) throw notFound(`tree "${query.tree}": the resource has one citation tree, the default, which has no identifier`);

  const moved = await movedPassage(slug, tree, query);
  if (moved) return redirectTo(`${origin}${dtsNavigationHref({ ...moved, resource: dtsResourceId(origin, slug) })}`);

  const navigationRequest: DtsNavigationRequest =
    query.ref !== undefined
      ? { ref: query.ref, down: query.down }
      : query.start !== undefined && query.end !== undefined
        ? { start: query.start, end: query.end, down: query.down }
        : { down: query.down! };
  const selection = selectUnits(tree.units, navigationRequest);
  if (!selection.ok) {
    if (selection.problem === "reversed") throw badRequest("start: the range's start comes after its end in the document");
    throw notFound(`${selection.parameter}: passage "${selection.identifier}"`);
  }
  return jsonLd(
    dtsNavigation({
      origin,
      requestUrl: `${origin}${url.pathname}${url.search}`,
      metadata: tree.metadata,
      document: tree.tei.document,
      citeStructure: tree.citeStructure,
      ...selection,
    }),
  );
});
