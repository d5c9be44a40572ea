import { findSharedSources, groupSources } from "@/lib/citations/group-sources";
import { citingSentence } from "@/lib/citations/reported-event";
import { loadConceptDictionary } from "@/lib/concepts/load-concept-dictionary";
import { findConceptOverlap } from "@/lib/derivations/find-concept-overlap";
import { findMentions } from "@/lib/derivations/find-mentions";
import { findSharedPassages } from "@/lib/derivations/find-shared-passages";
import { canonicalJson } from "@/lib/db/canonical-json";
import { citationOf, citationSelect } from "@/lib/db/citation-columns";
import type { Database } from "@/lib/db/prisma-client";
import { storedBlocks } from "./stored-blocks";

/**
 * The oracle for the incremental derivations: every link and source computed from scratch over every
 * pair of stored documents, as the loader did before issue 15 (all of the corpus, each pair), in the shape
 * readCorpusLinks reads them. Slow by design; for tests on a few dozen documents.
 */
export async function deriveCorpusFromScratch(db: Database) {
  const dictionary = loadConceptDictionary();
  const rows = await db.document.findMany({
    orderBy: { slug: "asc" },
    select: {
      slug: true,
      headings: { orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } },
      paragraphs: { orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } },
      footnotes: {
        orderBy: { ordinal: "asc" },
        select: { anchor: true, text: true, citations: { orderBy: { ordinal: "asc" }, select: citationSelect } },
      },
      markers: { select: { blockKind: true, blockAnchor: true, offset: true, footnote: { select: { anchor: true } } } },
    },
  });
  const documents = rows.map((row) => {
    // The sentence calling each note: at its first marker in a paragraph, in reading order.
    const paragraphOrder = new Map(row.paragraphs.map((p, index) => [p.anchor, { index, text: p.text }]));
    const citing = new Map<string, string>();
    const firstMarkers = row.markers
      .filter((m) => m.blockKind === "paragraph" && paragraphOrder.has(m.blockAnchor))
      .sort((x, y) => paragraphOrder.get(x.blockAnchor)!.index - paragraphOrder.get(y.blockAnchor)!.index || x.offset - y.offset);
    for (const marker of firstMarkers) {
      if (!citing.has(marker.footnote.anchor)) citing.set(marker.footnote.anchor, citingSentence(paragraphOrder.get(marker.blockAnchor)!.text, marker.offset));
    }
    const blocks = storedBlocks(row);
    return {
      slug: row.slug,
      blocks,
      mentions: findMentions(blocks, dictionary),
      footnotes: row.footnotes.map((n) => ({ anchor: n.anchor, citations: n.citations.map(citationOf), citing: citing.get(n.anchor) ?? null })),
      markerBlock: new Map(row.markers.filter((m) => m.blockKind !== "footnote").map((m) => [m.footnote.anchor, m])),
    };
  });
  const sources = groupSources(documents);
  const bySlug = new Map(documents.map((d) => [d.slug, d]));
  const links: Record<string, unknown>[] = [];
  const shared = findSharedSources(sources);
  for (const [i, left] of documents.entries()) {
    for (const right of documents.slice(i + 1)) {
      const ends = { left: left.slug, right: right.slug };
      for (const source of shared) {
        for (const l of source.citations.filter((ref) => ref.documentSlug === left.slug)) {
          for (const r of source.citations.filter((ref) => ref.documentSlug === right.slug)) {
            const lBlock = bySlug.get(l.documentSlug)?.markerBlock.get(l.footnoteAnchor);
            const rBlock = bySlug.get(r.documentSlug)?.markerBlock.get(r.footnoteAnchor);
            if (!lBlock || !rBlock) continue;
            links.push({
              kind: "shared_source",
              leftKind: lBlock.blockKind,
              leftAnchor: lBlock.blockAnchor,
              leftStart: lBlock.offset,
              leftEnd: lBlock.offset,
              rightKind: rBlock.blockKind,
              rightAnchor: rBlock.blockAnchor,
              rightStart: rBlock.offset,
              rightEnd: rBlock.offset,
              confidence: source.confidence,
              evidence: {
                sourceKey: source.key,
                title: source.title,
                type: source.type,
                leftNote: l.footnoteAnchor,
                rightNote: r.footnoteAnchor,
                leftCitation: l.citationAnchor,
                rightCitation: r.citationAnchor,
                match: source.evidence,
              },
              ...ends,
            });
          }
        }
      }
      for (const passage of findSharedPassages(left, right)) {
        links.push({
          kind: "shared_passage",
          leftKind: passage.a.blockKind,
          leftAnchor: passage.a.blockAnchor,
          leftStart: passage.a.start,
          leftEnd: passage.a.end,
          rightKind: passage.b.blockKind,
          rightAnchor: passage.b.blockAnchor,
          rightStart: passage.b.start,
          rightEnd: passage.b.end,
          confidence: 1,
          evidence: { leftText: passage.a.text, rightText: passage.b.text, hanChars: passage.hanChars },
          ...ends,
        });
      }
      for (const alignment of findConceptOverlap(left.mentions, right.mentions)) {
        links.push({
          kind: "concept_overlap",
          leftKind: "paragraph",
          leftAnchor: alignment.a,
          leftStart: null,
          leftEnd: null,
          rightKind: "paragraph",
          rightAnchor: alignment.b,
          rightStart: null,
          rightEnd: null,
          confidence: Math.min(1, alignment.score),
          evidence: { concepts: alignment.shared, score: alignment.score, rankInLeft: alignment.rankInA, rankInRight: alignment.rankInB },
          ...ends,
        });
      }
    }
  }
  return {
    links,
    sources: sources.map((source) => ({
      key: source.key,
      title: source.title,
      authors: source.authors,
      type: source.type,
      date: source.date,
      container: source.container,
      urls: source.urls,
      confidence: source.confidence,
      evidence: { merges: source.evidence, versions: source.versions, issue: source.issue, pages: source.pages },
      citations: source.citations.map((c) => `${c.documentSlug}#${c.citationAnchor}`).sort(),
    })),
  };
}


/** Links and sources as sorted canonical strings, for comparing two derivations of one corpus. */
export function canonicalCorpus(corpus: { links: unknown[]; sources: unknown[] }): { links: string[]; sources: string[] } {
  return { links: corpus.links.map(canonicalJson).sort(), sources: corpus.sources.map(canonicalJson).sort() };
}
