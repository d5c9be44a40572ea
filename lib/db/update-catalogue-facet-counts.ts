import "server-only";
import { catalogueFacetDeltas, type FacetedDocument } from "@/lib/derivations/catalogue-facet-deltas";
import type { DatabaseTransaction } from "./prisma-client";

/**
 * CatalogueFacetCount: how many documents of the whole corpus hold each journal, year and author, kept by the one
 * transactional load and by a removal, as Concept.documents is. The home page's facets then read the first rows of
 * each facet instead of grouping every document (at 1,003 essays, reading all of them, a year pattern per row and
 * their authors unnested and sorted: most of the facets' statement). Each load, re-ingest or removal moves only the
 * counts of the values its document gained or lost; a count that reaches 0 goes. Loads are serialised
 * (CORPUS_LOAD_LOCK), so no two adjust at once.
 */
export async function updateCatalogueFacetCounts(tx: DatabaseTransaction, before: FacetedDocument | null, after: FacetedDocument | null): Promise<void> {
  const deltas = catalogueFacetDeltas(before, after);
  if (deltas.length === 0) return;
  const [facets, values, moves] = [deltas.map((d) => d.facet), deltas.map((d) => d.value), deltas.map((d) => d.delta)];
  await tx.$executeRaw`
    insert into "CatalogueFacetCount" (facet, value, documents)
    select * from unnest(${facets}::text[], ${values}::text[], ${moves}::int[])
    on conflict (facet, value) do update set documents = "CatalogueFacetCount".documents + excluded.documents`;
  await tx.$executeRaw`
    delete from "CatalogueFacetCount" c using unnest(${facets}::text[], ${values}::text[]) as d(facet, value)
    where c.facet = d.facet and c.value = d.value and c.documents = 0`;
}
