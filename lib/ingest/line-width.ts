/**
 * How wide a printed line was, in ems of the body font, estimated from its characters. Text extraction
 * keeps no geometry, yet line width is the best structural evidence there is: a justified body line
 * fills the measure, the last line of a paragraph falls short, a paragraph's first line is short by its
 * indent, and footnote lines (smaller type) hold more characters than body lines.
 *
 * Typesetters compress punctuation and set Latin text and digits proportionally, so the width of each
 * glyph class is fitted per document (least squares, pulled towards typical values) on the lines that
 * most probably fill the measure.
 */

import { isHanCode } from "./normalise-text";

export const GLYPH_CLASSES = ["punct", "quote", "space", "wideSpace", "fullwidthAlnum", "ascii", "marker"] as const;
export type GlyphClass = (typeof GLYPH_CLASSES)[number];

/** Typical widths (em) before fitting; a Han character is 1 em by definition. */
const PRIOR: Readonly<Record<GlyphClass, number>> = {
  punct: 1,
  quote: 1,
  space: 0.25,
  wideSpace: 1,
  fullwidthAlnum: 0.5,
  ascii: 0.5,
  marker: 0.5,
};

/** Fewer full-line candidates than this, and the fit's per-class widths would be noise: priors are used. */
const MIN_FIT_LINES = 12;
/**
 * With few lines, the measure is read at this quantile of the long lines that end no sentence: above the
 * indented first lines, below the wider note lines.
 */
const SMALL_SAMPLE_MEASURE_QUANTILE = 0.6;

/**
 * Closing marks and note markers never open a line, so a typesetter lets one that does not fit hang past the
 * measure (or squeezes it): a line ending on one is as wide as the measure give or take the mark.
 */
const MAY_HANG = /(?:[，。、；：？！”’）》〉」』,.;:?!)\]\uA3AC\uA3AE\uA3BB»›\u2460-\u2473]|\[\d{1,3}\])$/u;
/** A line opening with a Latin word, number or address: the line before may have left room it did not fit in. */
const LEADING_LATIN = /^[\s\u3000]*[!-~\uFF01-\uFF5E]/u;

/** Refits that drop the lines short of the measure (a few: each moves the measure towards the full lines). */
const ONE_SIDED_ROUNDS = 3;
/** A line this far short of the fitted measure is no full line: half a first line's 2-em indent. */
const SHORT_OF_FULL = 1;

export interface WidthModel {
  weights: Readonly<Record<GlyphClass, number>>;
  /** Width of a full body line (the measure), in em. */
  measure: number;
  /** Standard deviation of full lines around the measure: the model's own noise. */
  spread: number;
}

interface Counts {
  han: number;
  byClass: number[];
}

function classify(ch: string): GlyphClass | "han" {
  const code = ch.codePointAt(0)!;
  if (ch === " " || ch === "\t" || ch === "\u00a0") return "space";
  if (ch === "\u3000") return "wideSpace";
  if (ch === "“" || ch === "”" || ch === "‘" || ch === "’") return "quote";
  if ((code >= 0x2460 && code <= 0x2473) || (code >= 0x3251 && code <= 0x325f) || (code >= 0x32b1 && code <= 0x32bf)) return "marker";
  if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) return "fullwidthAlnum";
  if (code >= 0xff01 && code <= 0xff5e && "－＿＝／％＆＃＋＠．～".includes(ch)) return "fullwidthAlnum";
  if (code < 0x80) return "ascii";
  if (isHanCode(code)) return "han";
  if ((code >= 0x3001 && code <= 0x303f) || (code >= 0xff01 && code <= 0xff60) || (code >= 0xa000 && code <= 0xa4cf)) return "punct";
  if ("«»‹›—…·•―".includes(ch)) return "punct";
  return "han";
}

const countCache = new Map<string, Counts>();

function countGlyphs(line: string): Counts {
  const cached = countCache.get(line);
  if (cached !== undefined) return cached;
  const counts = countGlyphsUncached(line);
  if (countCache.size >= 20_000) countCache.clear();
  countCache.set(line, counts);
  return counts;
}

function countGlyphsUncached(line: string): Counts {
  const byClass = new Array<number>(GLYPH_CLASSES.length).fill(0);
  let han = 0;
  for (const ch of line.trim()) {
    const kind = classify(ch);
    if (kind === "han") han += 1;
    else byClass[GLYPH_CLASSES.indexOf(kind)]! += 1;
  }
  return { han, byClass };
}

function widthWith(weights: Readonly<Record<GlyphClass, number>>, counts: Counts): number {
  return counts.han + GLYPH_CLASSES.reduce((sum, kind, k) => sum + weights[kind] * counts.byClass[k]!, 0);
}

/** Estimated printed width of `line` (raw text, before normalisation) in em. */
export function lineWidth(model: WidthModel, line: string): number {
  return widthWith(model.weights, countGlyphs(line));
}

/**
 * Width in em of the run of Latin letters, digits and address characters a line opens with (0 when none): a
 * Latin word, number or address is never broken without a mark, so when it does not fit it moves whole to the
 * next line and leaves the line before short by up to this width.
 */
export function leadingLatinWidth(model: WidthModel, raw: string): number {
  const run = /^[\s\u3000]*([!-~\uFF01-\uFF5E]+)/u.exec(raw)?.[1];
  return run === undefined ? 0 : lineWidth(model, run);
}

/**
 * Share of a run of Latin glyphs' estimated width it may be off by: the model fits one width for all ASCII, and
 * proportional Latin type sets `il.` narrow and `mw` wide (an address of 40 characters, about 20 em, by 3 em).
 */
export const LATIN_WIDTH_UNCERTAINTY = 0.15;

/** How far a line's estimated width may be off: its Latin letters, digits and symbols, set proportionally. */
export function latinWidthUncertainty(model: WidthModel, raw: string): number {
  return LATIN_WIDTH_UNCERTAINTY * lineWidth(model, raw.replace(/[^!-~\uFF01-\uFF5E]/gu, ""));
}

/** How far `line` falls short of the full measure (negative when wider, as footnote lines are). */
export function lineDeficit(model: WidthModel, line: string): number {
  return model.measure - lineWidth(model, line);
}

export const PRIOR_WIDTHS = PRIOR;

/**
 * A line wider than the measure by more than this many em, or this share of the measure where that is more, is set in
 * smaller type than the body: a note's line. No body line is (the model's noise stays well within it).
 */
const WIDER_THAN_BODY_EM = 3;
const WIDER_THAN_BODY_SHARE = 0.1;

/** The deficit (negative: wider than the measure) below which a line is wider than any body line. */
export function wideLineLimit(model: WidthModel): number {
  return -Math.max(WIDER_THAN_BODY_EM, WIDER_THAN_BODY_SHARE * model.measure);
}

/**
 * Fits the model on a document's lines. `isFullCandidate` says which lines may be full body lines
 * (the caller excludes lines that end a sentence, marker lists and the like).
 */
export function fitWidthModel(lines: readonly string[], isFullCandidate: (line: string) => boolean = () => true): WidthModel {
  const nonBlank = lines.filter((line) => line.trim() !== "");
  const priorWidths = nonBlank.map((line) => widthWith(PRIOR, countGlyphs(line)));
  const mode = modeWidth(priorWidths);
  const near = nonBlank.map((line, i) => Math.abs(priorWidths[i]! - mode) <= 3 && isFullCandidate(line));
  // Lines that end on a closing mark or a note marker may have let it hang past the measure, and a line before
  // a Latin word that did not fit falls short by up to that word: only the others fill the measure exactly.
  const exact = nonBlank.filter((line, i) => near[i] && !MAY_HANG.test(line.trimEnd()) && !LEADING_LATIN.test(nonBlank[i + 1] ?? "")).map(countGlyphs);
  const candidates = exact.length >= MIN_FIT_LINES ? exact : nonBlank.filter((_, i) => near[i]).map(countGlyphs);
  if (candidates.length < MIN_FIT_LINES) {
    // Too few lines repeat one width to fit anything: the full lines are the long ones that end no
    // sentence (a first line is short by its indent, note lines run longer).
    const long = nonBlank.filter((line, i) => priorWidths[i]! >= 8 && isFullCandidate(line)).map((line) => widthWith(PRIOR, countGlyphs(line))).sort((a, b) => a - b);
    const measure = long.length >= 3 ? long[Math.floor(long.length * SMALL_SAMPLE_MEASURE_QUANTILE)]! : mode;
    return { weights: { ...PRIOR }, measure, spread: 1 };
  }

  let theta = solveRidge(candidates, mode);
  let residuals = candidates.map((c) => residual(theta, c));
  const firstSpread = standardDeviation(residuals);
  let kept = candidates.filter((_, i) => Math.abs(residuals[i]!) <= Math.max(1.5, 2.5 * firstSpread));
  if (kept.length >= MIN_FIT_LINES) {
    theta = solveRidge(kept, mode);
    residuals = kept.map((c) => residual(theta, c));
  }
  // What is left short of the measure are indented first lines and lines before a word that did not fit; wider
  // ones are the full lines the fit fell short of (where first lines are many). Refit on the lines that fill it,
  // dropping those short by more than half an indent, until the fit stands on the widest lines.
  for (let round = 0; round < ONE_SIDED_ROUNDS; round += 1) {
    const full = candidates.filter((c) => residual(theta, c) >= -SHORT_OF_FULL);
    if (full.length < MIN_FIT_LINES || full.length === kept.length) break;
    kept = full;
    theta = solveRidge(kept, mode);
    residuals = kept.map((c) => residual(theta, c));
  }
  const weights = Object.fromEntries(GLYPH_CLASSES.map((kind, k) => [kind, clamp(theta[k + 1]!, 0.1, 1.3)])) as Record<GlyphClass, number>;
  return { weights, measure: theta[0]!, spread: Math.max(0.5, standardDeviation(residuals)) };
}

function residual(theta: readonly number[], c: Counts): number {
  // Model: han + Σ w_k c_k = W. Residual in em: positive when the line is wider than the measure.
  return c.han + GLYPH_CLASSES.reduce((sum, _, k) => sum + theta[k + 1]! * c.byClass[k]!, 0) - theta[0]!;
}

/** Ridge regression towards the prior widths: classes seen rarely keep their typical width. */
function solveRidge(rows: readonly Counts[], mode: number): number[] {
  const dim = GLYPH_CLASSES.length + 1;
  const prior = [mode, ...GLYPH_CLASSES.map((kind) => PRIOR[kind])];
  const penalty = [1e-6, ...GLYPH_CLASSES.map(() => 8)];
  const a = Array.from({ length: dim }, () => new Array<number>(dim).fill(0));
  const b = new Array<number>(dim).fill(0);
  for (const row of rows) {
    const x = [1, ...row.byClass.map((n) => -n)];
    for (let i = 0; i < dim; i += 1) {
      b[i]! += x[i]! * row.han;
      for (let j = 0; j < dim; j += 1) a[i]![j]! += x[i]! * x[j]!;
    }
  }
  for (let i = 0; i < dim; i += 1) {
    a[i]![i]! += penalty[i]!;
    b[i]! += penalty[i]! * prior[i]!;
  }
  return solveLinear(a, b);
}

function solveLinear(a: number[][], b: number[]): number[] {
  const n = b.length;
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    const p = a[col]![col]!;
    for (let r = col + 1; r < n; r += 1) {
      const f = a[r]![col]! / p;
      for (let c = col; c < n; c += 1) a[r]![c]! -= f * a[col]![c]!;
      b[r]! -= f * b[col]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r -= 1) {
    let sum = b[r]!;
    for (let c = r + 1; c < n; c += 1) sum -= a[r]![c]! * x[c]!;
    x[r] = sum / a[r]![r]!;
  }
  return x;
}

/** The most common line width (1-em bins, smoothed over neighbours), ignoring very short lines. */
function modeWidth(widths: readonly number[]): number {
  const bins = new Map<number, number>();
  for (const w of widths) if (w >= 8) bins.set(Math.round(w), (bins.get(Math.round(w)) ?? 0) + 1);
  let best = 0;
  let bestScore = -1;
  for (const bin of bins.keys()) {
    const score = (bins.get(bin - 1) ?? 0) + 2 * (bins.get(bin) ?? 0) + (bins.get(bin + 1) ?? 0);
    if (score > bestScore || (score === bestScore && bin > best)) {
      best = bin;
      bestScore = score;
    }
  }
  if (bestScore < 0) return Math.max(1, ...widths);
  // Centre of mass of the peak: a better estimate than the bin edge.
  let total = 0;
  let weighted = 0;
  for (const w of widths) {
    if (Math.abs(w - best) <= 1.5) {
      total += 1;
      weighted += w;
    }
  }
  return total > 0 ? weighted / total : best;
}

function standardDeviation(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
