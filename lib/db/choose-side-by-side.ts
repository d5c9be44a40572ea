import "server-only";
import { compareChoiceSchema } from "@/lib/urls/route-params";
import type { QueryInput } from "@/lib/urls/query-values";
import { firstValues } from "@/lib/urls/query-values";
import { COMPARE_CHOICE_KEYS, COMPARE_KEYS, TYPE_AHEAD_SUGGESTIONS } from "@/lib/urls/url-grammar";
import { listCatalogueDocuments } from "./list-catalogue";
import { findDocumentTitles } from "./list-document-titles";
import { getDatabase, type Database } from "./prisma-client";
import { suggestCompareTexts } from "./suggest-compare-texts";

interface Title {
  slug: string;
  title: string;
}

/** One side of `/compare` before both texts are chosen. */
export interface SideChoice {
  /** The document chosen for this side, when it is (and exists). */
  chosen: Title | null;
  /** The words typed for it, when it is not. */
  words: string | null;
  /** The titles those words match (or, on the right, the texts sharing most with the left), to pick from. */
  candidates: (Title & { note?: string })[];
  /** What the candidates are, said above them. */
  candidatesLabel: string | null;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What the side-by-side choice page shows for a query: each side's chosen document, or the titles its
 * words match; with the left chosen and nothing typed for the right, the texts sharing most with the left.
 * A slug naming no document counts as not chosen.
 */
export async function loadSideChoices(query: QueryInput, db: Database = getDatabase()): Promise<{ left: SideChoice; right: SideChoice }> {
  const choice = compareChoiceSchema.parse(firstValues(query));
  const leftSlug = choice[COMPARE_KEYS.left];
  const rightSlug = choice[COMPARE_KEYS.right];
  const chosen = await findDocumentTitles([leftSlug, rightSlug].filter((slug): slug is string => slug !== undefined), db);
  const left = chosen.find((title) => title.slug === leftSlug) ?? null;
  const right = chosen.find((title) => title.slug === rightSlug) ?? null;

  async function side(mine: Title | null, words: string | undefined, other: Title | null): Promise<SideChoice> {
    if (mine) return { chosen: mine, words: null, candidates: [], candidatesLabel: null };
    if (words) {
      const { documents, total } = await listCatalogueDocuments({ q: words, page: 1, pageSize: TYPE_AHEAD_SUGGESTIONS + 1 }, db);
      const candidates = documents.filter((d) => d.slug !== other?.slug).slice(0, TYPE_AHEAD_SUGGESTIONS);
      const label = total > candidates.length ? `The first ${candidates.length} of ${total} titles matching “${words}”` : `Titles matching “${words}”`;
      return { chosen: null, words, candidates: candidates.map(({ slug, title }) => ({ slug, title })), candidatesLabel: label };
    }
    if (other) {
      const suggestions = await suggestCompareTexts(other.slug, TYPE_AHEAD_SUGGESTIONS, db);
      return {
        chosen: null,
        words: null,
        candidates: suggestions.map((s) => ({
          slug: s.slug,
          title: s.title,
          note: `${[s.sharedSources > 0 ? plural(s.sharedSources, "work cited", "works cited") : null, s.sharedConcepts > 0 ? plural(s.sharedConcepts, "concept", "concepts") : null].filter(Boolean).join(", ")} in common`,
        })),
        candidatesLabel: `The texts sharing most with “${other.title}”`,
      };
    }
    return { chosen: null, words: null, candidates: [], candidatesLabel: null };
  }

  const [leftChoice, rightChoice] = await Promise.all([
    side(left, choice[COMPARE_CHOICE_KEYS.leftQuery], right),
    side(right, choice[COMPARE_CHOICE_KEYS.rightQuery], left),
  ]);
  return { left: leftChoice, right: rightChoice };
}
