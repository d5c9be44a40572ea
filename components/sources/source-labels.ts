import type { EvidenceKind, SourceType } from "@/lib/citations/group-sources";

export const SOURCE_TYPE_LABELS: Record<SourceType, { zh: string; en: string }> = {
  speech: { zh: "讲话", en: "speech" },
  "white-paper": { zh: "白皮书", en: "white paper" },
  report: { zh: "报告", en: "report" },
  law: { zh: "法律法规", en: "law" },
  "journal-article": { zh: "期刊论文", en: "journal article" },
  book: { zh: "著作", en: "book" },
  "news-report": { zh: "新闻报道", en: "news report" },
  "web-page": { zh: "网页", en: "web page" },
  other: { zh: "其他", en: "other" },
};

/** What each kind of grouping evidence means, for readers who never saw the grouping code. */
export const EVIDENCE_LABELS: Record<EvidenceKind, string> = {
  "same-url": "same URL",
  "same-title": "same title once （全文）, 全文发表, 白皮书, spaces and punctuation are set aside",
  "title-similarity": "near-identical titles (character bigrams)",
  "short-reference": "a title-only short reference to a work cited in full elsewhere",
  ibid: "同上 (ibid.): the note repeats the citation before it",
  "version-difference": "two versions of one report, kept as one work",
  "date-agreement": "the dates agree",
  "date-difference": "the dates differ",
  "host-difference": "published on different sites",
  "author-host": "the author is the other citation's host",
  "same-event": "two outlets' reports of one person at one event on one day, under different headlines",
};

/** A confidence as words: what a reader should make of the number. */
export function confidenceLabel(confidence: number): string {
  if (confidence >= 0.95) return "certain";
  if (confidence >= 0.85) return "high";
  if (confidence >= 0.7) return "medium";
  return "low";
}
