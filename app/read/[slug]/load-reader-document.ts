import "server-only";
import { cache } from "react";
import { getDocumentStructure } from "@/lib/db/get-document";
import { resolveAnchorBySlug } from "@/lib/db/resolve-anchor-by-slug";
import type { DocumentStructure } from "@/lib/model/document-model";
import { locatePassage, type PassageLocation } from "@/lib/reader/locate-passage";
import type { PassageSelector } from "@/lib/urls/app-urls";

/** One query per request, shared by the page and its metadata. */
export const loadReaderDocument = cache((slug: string) => getDocumentStructure(slug));

export type LinkedPassage =
  | { status: "found"; location: PassageLocation; moved: boolean }
  | { status: "orphaned"; quote: string };

/**
 * Where a selection link's words are now. The block it names is looked in first, or the block that
 * block became at re-ingest (its alias); then the whole document.
 */
export async function findLinkedPassage(document: DocumentStructure, selector: PassageSelector): Promise<LinkedPassage> {
  // Notes are passages too: a passage selected in a note can be linked and found again.
  const blocks = [...document.headings, ...document.paragraphs, ...document.footnotes.filter((note) => note.text !== "")].map(({ anchor, text }) => ({
    anchor,
    text,
  }));
  let expected: { anchor: string; offset: number } | null = null;
  let blockCurrent = false;
  if (selector.blockAnchor) {
    if (blocks.some((block) => block.anchor === selector.blockAnchor)) {
      expected = { anchor: selector.blockAnchor, offset: selector.offset };
      blockCurrent = true;
    } else {
      const resolution = await resolveAnchorBySlug(document.slug, selector.blockAnchor);
      if (resolution?.status === "moved") {
        expected = { anchor: resolution.targetAnchor, offset: resolution.targetOffset + Math.max(0, selector.offset) };
      }
    }
  }
  const location = locatePassage(blocks, selector, expected);
  if (!location) return { status: "orphaned", quote: selector.exact };
  return { status: "found", location, moved: !blockCurrent || !location.inExpectedBlock || location.similarity < 1 };
}
