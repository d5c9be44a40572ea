import { findUrlSpans } from "./normalise-text";

/**
 * Footnote markers as printed in body text: circled digits (①, restarting on every page) or bracketed
 * numbers ([1]). Bare digits are never markers, so dates and URLs cannot be mistaken for them;
 * a bracketed number inside a URL is not one either.
 */

export type MarkerStyle = "circled" | "bracket";

export interface FoundMarker {
  label: string;
  number: number;
  style: MarkerStyle;
  /** UTF-16 offset in the searched text. */
  index: number;
}

const CIRCLED = "[\\u2460-\\u2473\\u3251-\\u325f\\u32b1-\\u32bf]";
const BRACKET = "\\[(\\d{1,3})\\]";
const MARKER_SOURCE = `${CIRCLED}|${BRACKET}`;
const MARKER_GLOBAL = new RegExp(MARKER_SOURCE, "gu");
const LEADING_LABEL = new RegExp(`^[\\s\\u3000]*(${MARKER_SOURCE})([\\s\\u3000]*)`, "u");
/** Cheap pre-check: no circled digit and no `[` means no marker. */
const MAY_HOLD_MARKER = /[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf[]/u;

/** Number printed in a circled digit: ① → 1 … ⑳ → 20, ㉑ → 21 … ㊿ → 50. */
export function circledNumber(ch: string): number | null {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1;
  if (code >= 0x3251 && code <= 0x325f) return code - 0x3251 + 21;
  if (code >= 0x32b1 && code <= 0x32bf) return code - 0x32b1 + 36;
  return null;
}

export function parseMarkerLabel(label: string): { number: number; style: MarkerStyle } | null {
  const circled = circledNumber(label);
  if (circled !== null && Array.from(label).length === 1) return { number: circled, style: "circled" };
  const bracket = /^\[(\d{1,3})\]$/.exec(label);
  if (bracket) return { number: Number(bracket[1]), style: "bracket" };
  return null;
}

export function findMarkers(text: string): FoundMarker[] {
  if (!MAY_HOLD_MARKER.test(text)) return [];
  const urls = text.includes("http") || text.includes("www.") ? findUrlSpans(text) : [];
  const found: FoundMarker[] = [];
  for (const match of text.matchAll(MARKER_GLOBAL)) {
    const index = match.index;
    if (urls.some(([from, to]) => index >= from && index < to)) continue;
    const parsed = parseMarkerLabel(match[0]);
    if (parsed) found.push({ label: match[0], number: parsed.number, style: parsed.style, index });
  }
  return found;
}

export interface MarkerInText {
  label: string;
  /** Offset in the text with all markers removed. */
  offset: number;
}

/**
 * Removes markers from normalised text, recording where each stood, and which ranges of the input were taken
 * out (half-open, in order: a marker, with the space before it when it stood between two spaces). `isText` says
 * which of the labels `findMarkers` finds (by their place among them) are text, not markers: they stay.
 */
export function removeMarkers(text: string, isText: (k: number) => boolean = () => false): { text: string; markers: MarkerInText[]; removed: Array<[number, number]> } {
  const found = findMarkers(text).filter((_, k) => !isText(k));
  let out = "";
  let last = 0;
  const markers: MarkerInText[] = [];
  const removed: Array<[number, number]> = [];
  // Where in the input the last character of `out` came from, plus one.
  let keptEnd = 0;
  for (const marker of found) {
    out += text.slice(last, marker.index);
    if (marker.index > last) keptEnd = marker.index;
    const end = marker.index + marker.label.length;
    // A marker between two Latin words leaves one space, not two.
    if (out.endsWith(" ") && text[end] === " ") {
      out = out.slice(0, -1);
      removed.push([keptEnd - 1, keptEnd]);
      keptEnd -= 1;
    }
    removed.push([marker.index, end]);
    markers.push({ label: marker.label, offset: out.length });
    last = end;
  }
  out += text.slice(last);
  return { text: out, markers, removed };
}

/** A line holding nothing but note labels (the marker lists a PDF leaves where the note numbers stood). */
export function markerListLabels(line: string): string[] | null {
  if (!MAY_HOLD_MARKER.test(line)) return null;
  const trimmed = line.replace(/[\s\u3000]+/gu, "");
  if (trimmed === "") return null;
  const labels = Array.from(trimmed.matchAll(MARKER_GLOBAL), (m) => m[0]);
  return labels.join("") === trimmed ? labels : null;
}

/**
 * A note that starts with its label: `① text` or `[1]　text`. `separated` tells whether a space
 * follows the label (body text never puts a space between a marker and the next character in the
 * bracket style; the ideographic space is the note layout's).
 */
export function leadingNoteLabel(line: string): { label: string; rest: string; separator: "wide" | "space" | "none" } | null {
  if (!MAY_HOLD_MARKER.test(line)) return null;
  const match = LEADING_LABEL.exec(line);
  if (!match) return null;
  const label = match[1]!;
  const gap = match[match.length - 1] ?? "";
  const separator = gap.includes("\u3000") || gap.length >= 2 ? "wide" : gap.length === 1 ? "space" : "none";
  return { label, rest: line.slice(match[0].length), separator };
}
