import "server-only";
import type { Metadata } from "next";
import { citationMetaTags, metaTagsAsMetadataOther } from "@/lib/exchange/citation-meta-tags";
import { documentReference } from "@/lib/exchange/document-reference";
import { TEI_MEDIA_TYPE } from "@/lib/exchange/document-to-tei";
import { scholarlyArticleJsonLd, type JsonLd } from "@/lib/exchange/scholarly-article-json-ld";
import { absoluteUrl } from "@/lib/http/public-url";
import type { DocumentStructure } from "@/lib/model/document-model";
import { annotationsHref, documentReferenceExportHref, documentTeiHref, readerHref, sourcePdfHref } from "@/lib/urls/app-urls";

/** The Web Annotation export's media type (W3C Web Annotation Protocol §4: JSON-LD with the anno.jsonld profile). */
export const WEB_ANNOTATION_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** The files a reader page names as its alternates, each with its media type, as served. */
function readerExports(slug: string): { type: string; title: string; href: string }[] {
  return [
    { type: TEI_MEDIA_TYPE, title: "TEI P5", href: documentTeiHref(slug) },
    { type: "application/x-bibtex", title: "BibTeX (BibLaTeX)", href: documentReferenceExportHref(slug, "bibtex") },
    { type: "application/x-research-info-systems", title: "RIS", href: documentReferenceExportHref(slug, "ris") },
    { type: WEB_ANNOTATION_MEDIA_TYPE, title: "W3C Web Annotations", href: annotationsHref(slug) },
  ];
}

/**
 * What makes a reader page harvestable: Highwire `citation_*` tags (Zotero, Mendeley, Google Scholar), a
 * canonical address (a passage link's query names the same article), and `<link rel="alternate">` to each
 * export with its media type, so tools find the TEI, the references and the annotations without our docs.
 */
export function harvestableMetadata(document: DocumentStructure): Metadata {
  const types = Object.fromEntries(readerExports(document.slug).map(({ type, title, href }) => [type, [{ url: href, title }]]));
  return {
    alternates: { canonical: readerHref(document.slug), types },
    // The PDF the essay was read from, when it is kept: what Google Scholar indexes as the full text.
    other: metaTagsAsMetadataOther(citationMetaTags(documentReference(document), { pdfUrl: document.sourcePdf ? absoluteUrl(sourcePdfHref(document.slug)) : null })),
  };
}

/**
 * The reader page's schema.org ScholarlyArticle, with absolute URLs (JSON-LD is read away from the page). Its
 * `encoding`s are the article and its record as files; the annotations are about the article, not it, and stay
 * a link only.
 */
export function readerJsonLd(document: DocumentStructure): JsonLd {
  const encodings = readerExports(document.slug)
    .filter(({ type }) => type !== WEB_ANNOTATION_MEDIA_TYPE)
    .map(({ type, href }) => ({ contentUrl: absoluteUrl(href), encodingFormat: type }));
  return scholarlyArticleJsonLd(documentReference(document), { readerUrl: absoluteUrl(readerHref(document.slug)), encodings });
}
