import { createHash } from "node:crypto";
import { z } from "zod";
import { readReaderSlug } from "@/lib/urls/app-urls";
import { isAnchor } from "@/lib/urls/url-grammar";
import type { AnchorHints, QuoteSelectorValue } from "./web-annotation-anchor";

/**
 * Reading an annotation file for `npm run annotations -- import`: what Hypothesis exports (the client's JSON
 * export `{ export_date, annotations: [...] }`, or API search results `{ total, rows: [...] }`, or their rows
 * alone) and W3C Web Annotations (one Annotation, a list of them, an AnnotationPage, or an AnnotationCollection
 * with its pages embedded), in the JSON-LD form the Web Annotation context gives them.
 *
 * A file that is not one of these, or holds an entry that is not an annotation, is malformed: it is refused
 * whole, with the first problem and where it is, and nothing is imported. Well-formed entries that cannot be
 * imported (a reply, an address that is not a Duizhao reader page) are listed as skipped, with the reason.
 */

export type AnnotationFormat = "hypothesis" | "web-annotation";

/** One annotation on one Duizhao document, ready to anchor. */
export interface IncomingAnnotation {
  externalId: string;
  format: AnnotationFormat;
  slug: string;
  targetSource: string;
  /** The target's selectors exactly as given. */
  selectors: unknown[];
  /** Null: the annotation quotes no words (a page note). */
  quote: QuoteSelectorValue | null;
  hints: AnchorHints;
  bodyText: string | null;
  tags: string[];
  creator: string | null;
  created: string | null;
}

export interface SkippedAnnotation {
  externalId: string;
  reason: string;
}

export type AnnotationFileReading =
  | { ok: true; annotations: IncomingAnnotation[]; skipped: SkippedAnnotation[] }
  | { ok: false; error: string };

// ————— Selectors, as the W3C model and Hypothesis write them —————

const offset = z.number().int().nonnegative();
const textQuoteSelector = z.object({ type: z.literal("TextQuoteSelector"), exact: z.string(), prefix: z.string().optional(), suffix: z.string().optional() });
const textPositionSelector = z
  .object({ type: z.literal("TextPositionSelector"), start: offset, end: offset })
  .refine((selector) => selector.end >= selector.start, { message: "end is before start", path: ["end"] });
/** Selectors of any other type (RangeSelector's XPaths, CssSelector, …) are kept as given and not anchored by. */
const anySelector = z.looseObject({ type: z.string().min(1, "a selector needs a type") });
const fragmentSelector = z.looseObject({ type: z.literal("FragmentSelector"), value: z.string(), refinedBy: z.unknown().optional() });

type SelectorReading = { quote: QuoteSelectorValue | null; hints: AnchorHints };

/** The quote and hints of a target's selectors; a malformed known selector throws a zod issue. */
function readSelectors(selectors: readonly unknown[], path: (string | number)[]): SelectorReading {
  const use: SelectorReading = { quote: null, hints: {} };
  for (const [index, raw] of selectors.entries()) {
    const at = [...path, index];
    const base = parseAt(anySelector, raw, at);
    if (base.type === "TextQuoteSelector") {
      const selector = parseAt(textQuoteSelector, raw, at);
      use.quote ??= { exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix };
    } else if (base.type === "TextPositionSelector") {
      const selector = parseAt(textPositionSelector, raw, at);
      use.hints.position ??= { start: selector.start, end: selector.end };
    } else if (base.type === "FragmentSelector") {
      const selector = parseAt(fragmentSelector, raw, at);
      // Only a fragment naming a Duizhao block (`p-…`, `n-…`) is a hint; media fragments and others are kept only.
      if (isAnchor(selector.value) && !use.hints.block) {
        const refined = textPositionSelector.safeParse(selector.refinedBy);
        const refinedQuote = textQuoteSelector.safeParse(selector.refinedBy);
        use.hints.block = { anchor: selector.value, start: refined.success ? refined.data.start : null };
        if (refinedQuote.success) use.quote ??= { exact: refinedQuote.data.exact, prefix: refinedQuote.data.prefix, suffix: refinedQuote.data.suffix };
      }
    }
  }
  return use;
}

class MalformedEntry extends Error {}

function parseAt<T>(schema: z.ZodType<T>, value: unknown, path: (string | number)[]): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new MalformedEntry(`${formatPath([...path, ...issue.path.map((key) => (typeof key === "symbol" ? String(key) : key))])}: ${issue.message}`);
}

function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${key}` : key), "") || "(file)";
}

/** An annotation without an id of its own is known by its content: the same entry imported again is the same. */
function contentId(entry: unknown): string {
  return `sha256:${createHash("sha256").update(JSON.stringify(entry)).digest("hex")}`;
}

// ————— Hypothesis —————

const hypothesisRow = z.looseObject({
  id: z.string().min(1).optional(),
  uri: z.string().min(1, "uri is empty"),
  target: z.array(z.looseObject({ source: z.string().min(1, "source is empty"), selector: z.array(z.unknown()).optional() })).min(1, "no target"),
  text: z.string().optional(),
  tags: z.array(z.string()).optional(),
  user: z.string().optional(),
  user_info: z.looseObject({ display_name: z.string().nullable().optional() }).nullable().optional(),
  created: z.string().optional(),
  references: z.array(z.string()).optional(),
});

function readHypothesisRow(raw: unknown, path: (string | number)[], into: Collected): void {
  const row = parseAt(hypothesisRow, raw, path);
  const externalId = row.id ?? contentId(raw);
  if (row.references && row.references.length > 0) {
    into.skipped.push({ externalId, reason: "a reply to another annotation: it points at no words of its own" });
    return;
  }
  // Hypothesis keeps one target per annotation; its source is the page the annotation was made on.
  for (const [index, target] of row.target.entries()) {
    const slug = readReaderSlug(target.source) ?? readReaderSlug(row.uri);
    if (!slug) {
      into.skipped.push({ externalId, reason: `not about a Duizhao document (${target.source})` });
      continue;
    }
    const selectors = target.selector ?? [];
    const use = readSelectors(selectors, [...path, "target", index, "selector"]);
    into.annotations.push({
      externalId,
      format: "hypothesis",
      slug,
      targetSource: target.source,
      selectors,
      quote: use.quote,
      hints: use.hints,
      bodyText: row.text && row.text.trim() !== "" ? row.text : null,
      tags: row.tags ?? [],
      creator: row.user_info?.display_name || row.user || null,
      created: row.created ?? null,
    });
  }
}

// ————— W3C Web Annotation —————

const typeNames = z.union([z.string(), z.array(z.string())]).transform((value) => (Array.isArray(value) ? value : [value]));
const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]).transform((value) => (Array.isArray(value) ? value : [value]) as z.output<T>[]);

const specificTarget = z.looseObject({
  source: z.string().min(1, "source is empty"),
  selector: z.unknown().optional(),
});
const resourceTarget = z.looseObject({ id: z.string().min(1) });
const w3cTarget = z.union([z.string().min(1), specificTarget, resourceTarget], { error: "a target is an IRI, or an object with a source (or an id)" });

const agent = z.union([z.string(), z.looseObject({ name: z.string().optional(), nickname: z.string().optional(), id: z.string().optional() })]);
const w3cBody = z.union([z.string(), z.looseObject({ type: typeNames.optional(), value: z.string().optional(), purpose: z.unknown().optional() })]);

const w3cAnnotation = z.looseObject({
  id: z.string().min(1).optional(),
  type: typeNames.refine((types) => types.includes("Annotation"), "type must be Annotation"),
  target: oneOrMany(w3cTarget),
  body: oneOrMany(w3cBody).optional(),
  bodyValue: z.string().optional(),
  creator: oneOrMany(agent).optional(),
  created: z.string().optional(),
});

function readW3cAnnotation(raw: unknown, path: (string | number)[], into: Collected): void {
  const annotation = parseAt(w3cAnnotation, raw, path);
  const externalId = annotation.id ?? contentId(raw);
  const bodies = annotation.body ?? [];
  const textual = bodies.filter((body): body is Exclude<typeof body, string> => typeof body !== "string" && typeof body.value === "string");
  const purposes = (body: (typeof textual)[number]) => (Array.isArray(body.purpose) ? body.purpose : [body.purpose]);
  const tags = textual.filter((body) => purposes(body).includes("tagging")).map((body) => body.value!);
  const texts = [annotation.bodyValue, ...textual.filter((body) => !purposes(body).includes("tagging")).map((body) => body.value)].filter(
    (text): text is string => typeof text === "string" && text.trim() !== "",
  );
  const creator = (annotation.creator ?? []).map((who) => (typeof who === "string" ? who : (who.name ?? who.nickname ?? who.id))).find(Boolean) ?? null;

  let aboutDuizhao = false;
  for (const [index, target] of annotation.target.entries()) {
    const source = typeof target === "string" ? target : "source" in target && typeof target.source === "string" ? target.source : String(target.id);
    const slug = readReaderSlug(source);
    if (!slug) continue;
    aboutDuizhao = true;
    const rawSelectors = typeof target === "string" || !("selector" in target) || target.selector === undefined ? [] : target.selector;
    const selectors = Array.isArray(rawSelectors) ? rawSelectors : [rawSelectors];
    const use = readSelectors(selectors, [...path, "target", index, "selector"]);
    into.annotations.push({
      externalId,
      format: "web-annotation",
      slug,
      targetSource: source,
      selectors,
      quote: use.quote,
      hints: use.hints,
      bodyText: texts.length > 0 ? texts.join("\n\n") : null,
      tags,
      creator,
      created: annotation.created ?? null,
    });
  }
  if (!aboutDuizhao) into.skipped.push({ externalId, reason: "none of its targets is a Duizhao document" });
}

// ————— The file —————

interface Collected {
  annotations: IncomingAnnotation[];
  skipped: SkippedAnnotation[];
}

const objectWith = (key: string) => (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && key in value;

/** One entry of a list: a Hypothesis row has `uri`, a W3C annotation `type`. */
function readEntry(raw: unknown, path: (string | number)[], into: Collected): void {
  if (objectWith("uri")(raw)) readHypothesisRow(raw, path, into);
  else if (objectWith("type")(raw)) readW3cAnnotation(raw, path, into);
  else throw new MalformedEntry(`${formatPath(path)}: not an annotation (neither a Hypothesis row with a uri nor a W3C Annotation with a type)`);
}

function readList(list: unknown, path: (string | number)[], into: Collected): void {
  if (!Array.isArray(list)) throw new MalformedEntry(`${formatPath(path)}: expected a list of annotations`);
  list.forEach((entry, index) => readEntry(entry, [...path, index], into));
}

/** A file's parsed JSON as the annotations it holds, or the reason it is refused. */
export function readAnnotationFile(json: unknown): AnnotationFileReading {
  const into: Collected = { annotations: [], skipped: [] };
  try {
    if (Array.isArray(json)) readList(json, [], into);
    else if (objectWith("annotations")(json)) readList(json.annotations, ["annotations"], into);
    else if (objectWith("rows")(json)) readList(json.rows, ["rows"], into);
    else if (objectWith("type")(json)) readContainer(json, into);
    else if (objectWith("uri")(json)) readHypothesisRow(json, [], into);
    else throw new MalformedEntry("not an annotation file: expected Hypothesis's export ({ annotations: [...] }), its API rows ({ rows: [...] }), or W3C Web Annotations");
  } catch (error) {
    if (error instanceof MalformedEntry) return { ok: false, error: error.message };
    throw error;
  }
  return { ok: true, ...into };
}

/** A W3C Annotation, AnnotationPage (`items`) or AnnotationCollection (`first`, pages chained by `next`). */
function readContainer(json: Record<string, unknown>, into: Collected): void {
  const types = typeNames.safeParse(json.type);
  const type = types.success ? types.data : [];
  if (type.includes("AnnotationPage")) return readList(json.items, ["items"], into);
  if (type.includes("AnnotationCollection")) {
    const path: (string | number)[] = ["first"];
    let page: unknown = json.first;
    if (page === undefined) return;
    while (page !== undefined) {
      if (typeof page !== "object" || page === null) {
        throw new MalformedEntry(`${formatPath(path)}: the collection's pages must be embedded in the file (they are not fetched)`);
      }
      readList((page as Record<string, unknown>).items, [...path, "items"], into);
      page = (page as Record<string, unknown>).next;
      path.push("next");
    }
    return;
  }
  readW3cAnnotation(json, [], into);
}

/**
 * The quote and hints of selectors stored at import (they were checked then): what re-anchoring reads after a
 * re-ingest. Selectors that no longer read as they did count as no quote, which orphans the annotation.
 */
export function anchoringInputOf(selectors: unknown): { quote: QuoteSelectorValue | null; hints: AnchorHints } {
  try {
    return readSelectors(Array.isArray(selectors) ? selectors : [], []);
  } catch (error) {
    if (error instanceof MalformedEntry) return { quote: null, hints: {} };
    throw error;
  }
}
