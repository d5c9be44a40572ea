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

/** Characters a BibTeX key may not hold (braces, commas, quotes, spaces, `#%~\\`…): ASCII punctuation and space. */
const KEY_UNSAFE = /[\u0000-\u002F\u003A-\u0040\u005B-\u0060\u007B-\u007F]+/gu;
/** How much of a Chinese title a key keeps (enough to recognise, short enough to type), and of a name (an institution's whole). */
const KEY_TITLE_HAN_CHARS = 4;
const KEY_NAME_HAN_CHARS = 10;
const KEY_STOP_WORDS = new Set(["the", "a", "an", "on", "of"]);

/** The first word of a name or title for a key: its first Latin word, or its first few Han characters. */
function keyWord(text: string | undefined, hanChars: number): string {
  if (!text) return "";
  const words = text.split(/[\s\p{P}]+/u).filter((word) => word !== "" && !KEY_STOP_WORDS.has(word.toLowerCase()));
  const first = words[0] ?? "";
  const han = /^\p{Script=Han}+/u.exec(first)?.[0];
  return (han ? [...han].slice(0, hanChars).join("") : first).replace(KEY_UNSAFE, "");
}

/**
 * A BibTeX key for each item, as authors cite by: first author's first word (a Chinese name whole), year,
 * first word of the title ("国务院新闻办公室2022携手构建", "World2014Regime"), never an internal id; items
 * that would share one are told apart by a, b, c… at its end, in file order.
 * Han characters stay Han: BibLaTeX with Biber reads UTF-8 keys.
 */
export function citationKeys(items: readonly CslItem[]): string[] {
  const bases = items.map((item) => {
    const author = item.author?.[0];
    const year = item.issued?.["date-parts"][0]?.[0];
    const base = `${keyWord(author?.family ?? author?.literal, KEY_NAME_HAN_CHARS)}${year ?? ""}${keyWord(item.title, KEY_TITLE_HAN_CHARS)}`;
    return base === "" ? "anon" : base;
  });
  const total = new Map<string, number>();
  for (const base of bases) total.set(base, (total.get(base) ?? 0) + 1);
  const seen = new Map<string, number>();
  const taken = new Set<string>();
  return bases.map((base) => {
    if (total.get(base) === 1 && !taken.has(base)) {
      taken.add(base);
      return base;
    }
    // a, b, …, z, then aa, ab…: as many as a file needs, each key unused so far.
    let index = seen.get(base) ?? 0;
    let key: string;
    do {
      key = `${base}${suffix(index)}`;
      index += 1;
    } while (taken.has(key));
    seen.set(base, index);
    taken.add(key);
    return key;
  });
}

function suffix(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return index < 26 ? letter : `${suffix(Math.floor(index / 26) - 1)}${letter}`;
}

/** The items as text in one format, numbered in the given order for GB/T 7714. */
export function formatCslItems(items: readonly CslItem[], format: ExportFormat): string {
  if (format === "csl-json") return `${JSON.stringify(items, null, 2)}\n`;
  const Cite = registerCitationJs();
  // Cite mutates what it is given; hand it copies. BibTeX cites by key: readable ones, unique in the file.
  const keys = format === "bibtex" ? citationKeys(items) : null;
  const cite = new Cite(items.map((item, index) => (keys ? { ...structuredClone(item), "citation-key": keys[index] } : structuredClone(item))));
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
