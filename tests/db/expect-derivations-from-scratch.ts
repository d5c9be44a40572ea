import { expect } from "vitest";
import { loadConceptDictionary } from "@/lib/concepts/load-concept-dictionary";
import { canonicalJson } from "@/lib/db/canonical-json";
import type { Database } from "@/lib/db/prisma-client";
import { findMentions } from "@/lib/derivations/find-mentions";
import { fingerprintBlocks } from "@/lib/derivations/passage-fingerprints";
import { canonicalCorpus, deriveCorpusFromScratch } from "./derive-corpus-from-scratch";
import { readCorpusLinks } from "./read-corpus-links";
import { storedBlocks } from "./stored-blocks";

/**
 * The incremental derivations (issue 15) against the oracle: what each document contributes (its passage-index
 * fingerprints, its concept mentions, its citations' sources) is what a from-scratch pass gives, and the links
 * derived from it for every pair of documents are those a from-scratch pass over every pair of documents gives.
 * Returns the stored links and sources, canonical.
 */
export async function expectFromScratch(db: Database) {
  const stored = canonicalCorpus(await readCorpusLinks(db));
  const expected = canonicalCorpus(await deriveCorpusFromScratch(db));
  expect(stored.sources).toEqual(expected.sources);
  expect(stored.links).toEqual(expected.links);
  expect(await readContributions(db)).toEqual(await deriveContributions(db));
  return stored;
}

/** Each document's passage-index entries and concept mentions as stored, by slug and anchor. */
async function readContributions(db: Database) {
  const prints = await db.passageFingerprint.findMany({ select: { blockKind: true, blockAnchor: true, fingerprints: true, document: { select: { slug: true } } } });
  const mentions = await db.conceptMention.findMany({
    select: { conceptId: true, memberOf: true, blockKind: true, blockAnchor: true, start: true, end: true, variant: true, document: { select: { slug: true } } },
  });
  return {
    prints: prints.map(({ document, ...row }) => canonicalJson({ slug: document.slug, ...row })).sort(),
    mentions: mentions.map(({ document, ...row }) => canonicalJson({ slug: document.slug, ...row })).sort(),
  };
}

/** The same, computed afresh from the stored documents' text. */
async function deriveContributions(db: Database) {
  const dictionary = loadConceptDictionary();
  const documents = await db.document.findMany({
    select: {
      slug: true,
      headings: { orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } },
      paragraphs: { orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } },
      footnotes: { orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } },
    },
  });
  const prints: string[] = [];
  const mentions: string[] = [];
  for (const document of documents) {
    const blocks = storedBlocks(document);
    for (const block of fingerprintBlocks(blocks)) prints.push(canonicalJson({ slug: document.slug, ...block }));
    for (const mention of findMentions(blocks, dictionary)) {
      mentions.push(
        canonicalJson({
          slug: document.slug,
          conceptId: mention.memberOf ?? mention.conceptId,
          memberOf: mention.memberOf ? mention.conceptId : null,
          blockKind: mention.blockKind,
          blockAnchor: mention.blockAnchor,
          start: mention.start,
          end: mention.end,
          variant: mention.variant,
        }),
      );
    }
  }
  return { prints: prints.sort(), mentions: mentions.sort() };
}
