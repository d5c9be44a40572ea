import { sourceToCslItem, type CslItem } from "./csl-item";
import type { SourceRecord } from "./group-sources";
import { GBT7714_STYLE, registerCitationJs, ZH_CN_LOCALE } from "./register-csl";

export const EXPORT_FORMATS = ["bibtex", "ris", "csl-json", "gbt7714"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportResult {
  body: string;
  contentType: string;
  fileExtension: string;
}

const MEDIA: Record<ExportFormat, { contentType: string; fileExtension: string }> = {
  bibtex: { contentType: "application/x-bibtex; charset=utf-8", fileExtension: "bib" },
  ris: { contentType: "application/x-research-info-systems; charset=utf-8", fileExtension: "ris" },
  "csl-json": { contentType: "application/vnd.citationstyles.csl+json; charset=utf-8", fileExtension: "json" },
  gbt7714: { contentType: "text/plain; charset=utf-8", fileExtension: "txt" },
};

function isSourceRecord(item: CslItem | SourceRecord): item is SourceRecord {
  return "citations" in item && "key" in item;
}

export function toCslItems(items: readonly (CslItem | SourceRecord)[], options: { accessed?: string } = {}): CslItem[] {
  return items.map((item) => (isSourceRecord(item) ? sourceToCslItem(item, options) : item));
}

/** The items as text in one format, numbered in the given order for GB/T 7714. */
export function formatCslItems(items: readonly CslItem[], format: ExportFormat): string {
  if (format === "csl-json") return `${JSON.stringify(items, null, 2)}\n`;
  const Cite = registerCitationJs();
  // Cite mutates what it is given; hand it copies.
  const cite = new Cite(structuredClone(items));
  switch (format) {
    case "bibtex":
      // BibLaTeX: it has @online, @report and the date field, so types and full dates survive a round trip.
      return cite.format("biblatex") as string;
    case "ris":
      return cite.format("ris") as string;
    case "gbt7714":
      return cite.format("bibliography", { format: "text", template: GBT7714_STYLE, lang: ZH_CN_LOCALE }) as string;
  }
}

/**
 * Exports sources (or CSL items) for reference managers and for citing:
 * BibTeX (BibLaTeX dialect), RIS, CSL-JSON, or GB/T 7714-2015 numeric text.
 */
export function exportSources(
  items: readonly (CslItem | SourceRecord)[],
  format: ExportFormat,
  options: { accessed?: string } = {},
): ExportResult {
  return { body: formatCslItems(toCslItems(items, options), format), ...MEDIA[format] };
}
