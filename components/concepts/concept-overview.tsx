import Link from "next/link";
import { Unhydrated } from "@/components/reader/unhydrated";
import { inNotesLabel, MENTION_COUNT_RULE } from "@/lib/concepts/mention-count";
import type { ConceptDetail, ConceptMentionCounts, ConceptRef, QuoteLocation } from "@/lib/db/get-concept";
import { conceptHref, readerHref, searchHitHref } from "@/lib/urls/app-urls";

function quoteHref(location: QuoteLocation): string {
  // The abstract opens the reader's page and has no anchor of its own.
  return location.part === "block" ? searchHitHref(location.slug, location.anchor, location) : readerHref(location.slug);
}

/** The definition in both languages and where it comes from: a passage of the corpus, or an outside work. */
export function ConceptDefinition({ definition }: { definition: NonNullable<ConceptDetail["definition"]> }) {
  const source = definition.source;
  return (
    <section aria-labelledby="definition-heading" className="mt-8">
      <h2 id="definition-heading" className="font-serif text-xl font-semibold">
        定义 <span lang="en" className="font-sans text-base font-normal text-muted dark:text-night-muted">Definition</span>
      </h2>
      <p className="mt-3 font-serif text-lg leading-8">{definition.zh}</p>
      <p lang="en" className="mt-2 leading-7">
        {definition.en}
      </p>
      <div className="mt-4 border-l-2 border-rule pl-4 text-sm dark:border-night-rule" data-testid="definition-source">
        {source.kind === "corpus" ? (
          <>
            <p lang="en" className="text-muted dark:text-night-muted">
              From the corpus{source.location ? "" : ` (${source.documentFile}; the passage is not in the database now)`}:
            </p>
            <blockquote className="mt-1 font-serif">
              {source.location ? (
                <Link href={quoteHref(source.location)} className="hover:text-accent dark:hover:text-night-accent" data-testid="definition-quote">
                  “{source.quote}”
                </Link>
              ) : (
                <>“{source.quote}”</>
              )}
            </blockquote>
            {source.location ? (
              <p className="mt-1 text-muted dark:text-night-muted">
                — {source.location.title}
                {source.location.part === "abstract" ? <span lang="en">, abstract</span> : null}
              </p>
            ) : null}
          </>
        ) : (
          <>
            <p lang="en" className="text-muted dark:text-night-muted">
              From outside the corpus:
            </p>
            <cite className="mt-1 block not-italic">{source.citation}</cite>
          </>
        )}
      </div>
    </section>
  );
}

function RefList({ refs }: { refs: ConceptRef[] }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1">
      {refs.map((ref) => (
        <li key={ref.id}>
          <Link href={conceptHref(ref.id)} className="hover:text-accent dark:hover:text-night-accent">
            {ref.labelZh}
          </Link>{" "}
          <span lang="en" className="text-xs text-muted dark:text-night-muted">
            {ref.labelEn}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Broader, narrower and related concepts (and the compound of a member item), each a link. */
export function ConceptRelations({ concept }: { concept: ConceptDetail }) {
  const groups = [
    { key: "compound", zh: "所属", en: "Item of", refs: concept.compound ? [concept.compound] : [] },
    { key: "broader", zh: "上位", en: "Broader", refs: concept.broader },
    { key: "narrower", zh: "下位", en: "Narrower", refs: concept.narrower },
    { key: "related", zh: "相关", en: "Related", refs: concept.related },
  ].filter((group) => group.refs.length > 0);
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="relations-heading" className="mt-8">
      <h2 id="relations-heading" className="font-serif text-xl font-semibold">
        关系 <span lang="en" className="font-sans text-base font-normal text-muted dark:text-night-muted">Relations</span>
      </h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        {groups.map((group) => (
          <div key={group.key} className="contents" data-testid={`relations-${group.key}`}>
            <dt className="font-medium">
              {group.zh} <span lang="en" className="text-xs font-normal text-muted dark:text-night-muted">{group.en}</span>
            </dt>
            <dd>
              <RefList refs={group.refs} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** A count and, under it, how many of it stand in notes (the rule counts them; side by side says so the same way). */
function CountCell({ total, inNotes, strong = false }: { total: number; inNotes: number; strong?: boolean }) {
  const notes = inNotesLabel({ total, inNotes });
  return (
    // No wrapping inside a count: twenty columns squeezed into the page broke "283" and "18 in notes" a character a line.
    <td className={`px-3 py-1.5 text-right whitespace-nowrap tabular-nums ${strong ? "font-semibold" : ""}`}>
      {total}
      {notes ? (
        <span lang="en" className="block text-xs font-normal text-muted dark:text-night-muted" data-testid="count-in-notes">
          {notes}
        </span>
      ) : null}
    </td>
  );
}

/** Mentions per document, and for a compound each of its items with its counts, counted as every page counts them. */
export function ConceptCounts({ concept }: { concept: ConceptDetail }) {
  const compound = concept.members.length > 0;
  // The concept's own row: its mentions (a member's page: the item's), per document, with those in notes.
  const own = (counts: ConceptMentionCounts) =>
    concept.kind === "member" ? { total: counts.memberMentions, inNotes: counts.memberMentionsInNotes } : { total: counts.mentions, inNotes: counts.mentionsInNotes };
  return (
    <section aria-labelledby="counts-heading" className="mt-8">
      <h2 id="counts-heading" className="font-serif text-xl font-semibold">
        {compound ? "条目与提及" : "提及"}{" "}
        <span lang="en" className="font-sans text-base font-normal text-muted dark:text-night-muted">
          {compound ? "Items and mentions" : "Mentions"}
        </span>
      </h2>
      <p lang="en" className="mt-1 text-sm text-muted dark:text-night-muted" data-testid="count-rule">
        Counted as on every page: {MENTION_COUNT_RULE.en}.
        {concept.documentsMentioning > concept.documents.length
          ? ` The ${concept.documents.length} essays that mention it most, of ${concept.documentsMentioning}; the total is the corpus's, and the concordance lists every mention.`
          : null}
      </p>
      {/* Static markup (plain links): twenty essays' columns and each item's row are hundreds of cells nothing in the browser changes. */}
      <Unhydrated className="mt-3 overflow-x-auto" scrollRegionLabel="Mentions per essay (scrolls sideways)">
        <table className="border-collapse text-sm" data-testid="concept-counts">
          <thead>
            <tr className="border-b border-rule text-left dark:border-night-rule">
              <th scope="col" className="py-1.5 pr-6 font-semibold">
                {compound ? "条目 Item" : ""}
                {compound ? null : <span className="sr-only">Mentions of</span>}
              </th>
              {concept.documents.map((d) => (
                // At least a few characters of each title on its two lines (twenty columns squeezed into the page left two,
                // and the table scrolls sideways instead), the whole title in its tooltip.
                <th key={d.slug} scope="col" className="max-w-[16em] min-w-[6em] px-3 py-1.5 text-right font-serif font-semibold" title={d.title}>
                  <span className="line-clamp-2">{d.title}</span>
                </th>
              ))}
              <th scope="col" className="py-1.5 pl-3 text-right font-semibold whitespace-nowrap">
                合计 <span lang="en" className="font-normal text-muted dark:text-night-muted">Total</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <tr className="border-b border-rule/60 dark:border-night-rule/60">
              <th scope="row" className="py-1.5 pr-6 text-left font-medium whitespace-nowrap">
                {concept.labelZh}
                {compound ? <span lang="en" className="ml-1 text-xs font-normal text-muted dark:text-night-muted">(name or enumeration)</span> : null}
              </th>
              {concept.documents.map((d) => (
                <CountCell key={d.slug} {...own(d)} />
              ))}
              <CountCell {...own(concept.totals)} strong />
            </tr>
            {concept.members.map((member) => (
              <tr key={member.id} className="border-b border-rule/60 dark:border-night-rule/60" data-member={member.id}>
                <th scope="row" className="py-1.5 pr-6 text-left font-normal">
                  <a href={conceptHref(member.id)} className="hover:text-accent dark:hover:text-night-accent">
                    {member.label.zh}
                  </a>{" "}
                  <span lang="en" className="text-xs text-muted dark:text-night-muted">
                    {member.label.en}
                  </span>
                </th>
                {member.counts.map((c) => (
                  <td key={c.slug} className="px-3 py-1.5 text-right tabular-nums">
                    {c.mentions}
                  </td>
                ))}
                <td className="py-1.5 pl-3 text-right font-semibold whitespace-nowrap tabular-nums">{member.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Unhydrated>
    </section>
  );
}
