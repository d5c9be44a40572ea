import type { Metadata } from "next";
import { ConceptAggregatesTable } from "@/components/catalogue/concept-aggregates";
import { ConceptHeatmapTable, HeatmapLegend } from "@/components/concepts/concept-heatmap";
import { listConceptAggregates } from "@/lib/db/concept-catalogue-aggregates";
import { getConceptHeatmap } from "@/lib/db/concept-heatmap";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "概念 Concepts" };

export default async function ConceptsPage() {
  const [heatmap, byYear, byJournal] = await Promise.all([getConceptHeatmap(), listConceptAggregates("year"), listConceptAggregates("journal")]);
  return (
    <div className="mx-auto max-w-[90rem] px-4 py-10">
      <h1 className="font-serif text-3xl font-semibold">概念 · Concepts</h1>
      <p lang="en" className="mt-2 max-w-3xl text-muted dark:text-night-muted">
        Where each essay treats each concept of the curated dictionary, section by section. Open a concept for its definition,
        its related concepts and every mention in context.
      </p>
      {heatmap.rows.length === 0 ? (
        <p className="mt-8 text-muted dark:text-night-muted">
          No concepts in the database yet: run <code>npm run ingest</code>.
        </p>
      ) : heatmap.documents.length === 0 ? (
        <p className="mt-8 text-muted dark:text-night-muted">
          The corpus is empty: put source texts in <code>corpus/</code> and run <code>npm run ingest</code>.
        </p>
      ) : (
        <>
          <HeatmapLegend max={heatmap.max} />
          <div className="mt-6">
            <ConceptHeatmapTable heatmap={heatmap} />
          </div>
          <ConceptAggregatesTable by="year" aggregates={byYear} />
          <ConceptAggregatesTable by="journal" aggregates={byJournal} />
        </>
      )}
    </div>
  );
}
