import "server-only";
import { CORPUS_CHANGED_CHANNEL } from "@/lib/page-cache/corpus-page-cache.mjs";
import { getDatabase, type Database } from "./prisma-client";
import { CORPUS_LOAD_LOCK, forgetDocumentDerivations, updateCorpusDerivations } from "./rebuild-corpus-derivations";
import { forgetUnreferencedPdf } from "./store-source-pdf";
import { updateCatalogueFacetCounts } from "./update-catalogue-facet-counts";

/**
 * Removes a document and exactly what derives from it, in one transaction: its rows (by cascade, its
 * passage-index entries and concept mentions among them: no link with it can be derived any more, none is
 * stored), and its citations from the sources they were in (those sources
 * regrouped without them), and its kept PDF unless another document was read from the same bytes. Returns false when there is no such document.
 */
export async function removeDocument(slug: string, db: Database = getDatabase()): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`select pg_advisory_xact_lock(${CORPUS_LOAD_LOCK}::bigint)`;
      const row = await tx.document.findUnique({ where: { slug }, select: { id: true, sourcePdfSha256: true, journal: true, date: true, authors: true } });
      if (!row) return false;
      const before = await forgetDocumentDerivations(tx, row.id);
      await tx.document.delete({ where: { id: row.id } });
      await updateCatalogueFacetCounts(tx, row, null);
      await forgetUnreferencedPdf(row.sourcePdfSha256, tx);
      await updateCorpusDerivations(tx, null, before);
      await tx.$executeRaw`select pg_notify(${CORPUS_CHANGED_CHANNEL}, ${slug})`;
      return true;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
