import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Concordance } from "@/components/concepts/concordance";
import { ConceptCounts, ConceptDefinition, ConceptRelations } from "@/components/concepts/concept-overview";
import { readConcordanceSort } from "@/components/concepts/sort-concordance";
import { getConcept, getConceptLabel } from "@/lib/db/get-concept";
import { conceptHref } from "@/lib/urls/app-urls";
import { firstValues } from "@/lib/urls/query-values";
import { conceptIdSegment, concordancePageSchema } from "@/lib/urls/route-params";
import { PATHS } from "@/lib/urls/url-grammar";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = conceptIdSegment.safeParse((await params).id);
  const label = id.success ? await getConceptLabel(id.data) : null;
  return { title: label ? `${label} · 概念` : "概念 Concept" };
}

export default async function ConceptPage({ params, searchParams }: Props) {
  const id = conceptIdSegment.safeParse((await params).id);
  if (!id.success) notFound();
  const query = await searchParams;
  const sort = readConcordanceSort(query);
  // An unreadable page is the first: the concordance is still there to be read.
  const paging = concordancePageSchema.catch(concordancePageSchema.parse({})).parse(firstValues(query));
  // Only the lines of the page shown are built (the order and the cut are the database's).
  const concept = await getConcept(id.data, undefined, { concordance: { ...sort, ...paging } });
  if (!concept) notFound();

  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <nav aria-label="Breadcrumb" className="text-sm text-muted dark:text-night-muted">
        <Link href={PATHS.concepts}>概念 Concepts</Link>
        {concept.compound ? (
          <>
            {" / "}
            <Link href={conceptHref(concept.compound.id)}>{concept.compound.labelZh}</Link>
          </>
        ) : null}
      </nav>
      <h1 className="mt-2 font-serif text-3xl font-semibold">{concept.labelZh}</h1>
      <p lang="en" className="mt-1 text-lg text-muted dark:text-night-muted">
        {concept.labelEn}
        {concept.kind === "member" ? " — an item of a compound concept" : ""}
      </p>
      {concept.variants.length > 0 ? (
        <p className="mt-3 text-sm">
          <span lang="en" className="text-muted dark:text-night-muted">
            Wordings counted:{" "}
          </span>
          {concept.variants.map((variant, i) => (
            <span key={variant}>
              {i > 0 ? "、" : ""}
              <q className="font-serif">{variant}</q>
            </span>
          ))}
        </p>
      ) : null}

      {concept.definition ? <ConceptDefinition definition={concept.definition} /> : null}
      <ConceptRelations concept={concept} />
      <ConceptCounts concept={concept} />

      <section aria-labelledby="concordance-heading" className="mt-10" id="concordance">
        <h2 id="concordance-heading" className="font-serif text-xl font-semibold">
          语境索引 <span lang="en" className="font-sans text-base font-normal text-muted dark:text-night-muted">Every mention in context ({concept.mentionsTotal})</span>
        </h2>
        <div className="mt-3">
          <Concordance lines={concept.mentions} total={concept.mentionsTotal} sort={sort} conceptId={concept.id} page={paging.page} pageSize={paging.pageSize} />
        </div>
      </section>
    </div>
  );
}
