import "server-only";
import type { Metadata } from "next";
import type { DocumentStructure } from "@/lib/model/document-model";
import { linkPreviewImageHref, readPassageSelector } from "@/lib/urls/app-urls";

const DESCRIPTION_LENGTH = 160;

/**
 * OpenGraph and Twitter metadata of a reader URL: a passage link previews its words; any other link
 * the document's abstract or opening. The fragment (#anchor) never reaches the server, so a block
 * link previews the document.
 */
export function linkPreviewMetadata(document: DocumentStructure, query: Record<string, string | string[] | undefined>): Metadata {
  const selector = readPassageSelector(query);
  const passage = selector?.exact ?? null;
  const opening = document.abstract ?? document.paragraphs[0]?.text ?? "";
  const description = clip(passage ? `“${passage}”` : opening, DESCRIPTION_LENGTH);
  const imageUrl = linkPreviewImageHref(document.slug, passage ? clip(passage, 280) : null);
  return {
    title: document.title,
    description,
    openGraph: {
      type: "article",
      title: document.title,
      description,
      siteName: "Duizhao 对照",
      locale: "zh_CN",
      authors: document.authors,
      images: [{ url: imageUrl, width: 1200, height: 630, alt: passage ? `${document.title}: ${clip(passage, 80)}` : document.title }],
    },
    twitter: { card: "summary_large_image", title: document.title, description, images: [imageUrl] },
  };
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
