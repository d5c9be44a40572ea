import { countDtsResources, getDtsResource, listDtsResources } from "@/lib/db/dts-documents";
import { DTS_COLLECTION_PAGE_SIZE, DTS_CONTEXT, DTS_VERSION, dtsCorpusCollection, dtsCorpusId, dtsPagination, dtsResource } from "@/lib/exchange/dts-responses";
import { notFound } from "@/lib/http/api-response";
import { publicOrigin } from "@/lib/http/public-url";
import { firstValues } from "@/lib/urls/query-values";
import { dtsCollectionQuery } from "@/lib/urls/route-params";
import { dtsRoute, jsonLd, loadCitationTree, resourceSlug } from "../dts-answers";

export const dynamic = "force-dynamic";

/**
 * The DTS 1.0 Collection endpoint. The corpus is one Collection (no `id`, or the corpus's `@id`) whose members
 * are its documents as Resources, in pages of DTS_COLLECTION_PAGE_SIZE; a document asked for by `id` is its
 * Resource with its citation tree, and `nav=parents` lists the corpus as its one parent.
 */
export const GET = dtsRoute("GET /api/dts/collection", async (request: Request) => {
  const { id, page, nav } = dtsCollectionQuery.parse(firstValues(new URL(request.url).searchParams));
  const origin = publicOrigin();
  const head = { "@context": DTS_CONTEXT, dtsVersion: DTS_VERSION };

  if (id === undefined || id === dtsCorpusId(origin)) {
    if (nav === "parents") {
      if (page !== undefined && page > 1) throw notFound(`page ${page} of the corpus's parents (it has none)`);
      return jsonLd({ ...head, ...dtsCorpusCollection(origin, await countDtsResources()), member: [] });
    }
    const current = page ?? 1;
    const { total, resources } = await listDtsResources({ skip: (current - 1) * DTS_COLLECTION_PAGE_SIZE, take: DTS_COLLECTION_PAGE_SIZE });
    const lastPage = Math.max(1, Math.ceil(total / DTS_COLLECTION_PAGE_SIZE));
    if (current > lastPage) throw notFound(`page ${current} of the corpus (its members fill ${lastPage})`);
    return jsonLd({
      ...head,
      ...dtsCorpusCollection(origin, total),
      member: resources.map((resource) => dtsResource(origin, resource)),
      ...(lastPage > 1 ? { view: dtsPagination(origin, { page: current, lastPage }) } : {}),
    });
  }

  const slug = resourceSlug(id, origin);
  const metadata = await getDtsResource(slug);
  if (!metadata) throw notFound(`resource "${id}"`);
  if (page !== undefined && page > 1) throw notFound(`page ${page} of resource "${id}" (a resource has no members to page)`);
  const tree = await loadCitationTree(slug, origin);
  const resource = { ...head, ...dtsResource(origin, metadata, tree.citeStructure) };
  if (nav === "parents") return jsonLd({ ...resource, member: [dtsCorpusCollection(origin, await countDtsResources())] });
  return jsonLd(resource);
});
