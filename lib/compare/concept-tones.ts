/**
 * Each active concept of side by side gets a tone: a colour of the Okabe–Ito palette (told apart by
 * readers with the common colour-vision deficiencies) plus cues that need no colour at all, an
 * underline style and a number shown after every mention. The colours themselves live in
 * app/compare/compare.css (`[data-tone="n"]`), one light and one dark variant per tone.
 */

/** Seven hues: Okabe–Ito without black, which would read as plain text. */
export const TONE_COUNT = 7;

/** More concepts at once would repeat colours and stop being a comparison anyone can read. */
export const MAX_ACTIVE_CONCEPTS = TONE_COUNT;

export type UnderlineStyle = "solid" | "dashed" | "dotted" | "double" | "wavy";

export interface Tone {
  /** 1-based, as written in `data-tone`. */
  index: number;
  /** Printed after each mention and on the concept's chips. */
  glyph: string;
  underline: UnderlineStyle;
  /** For the legend's accessible description. */
  colourName: string;
}

const UNDERLINES: readonly UnderlineStyle[] = ["solid", "dashed", "dotted", "double", "wavy"];
const COLOUR_NAMES = ["vermillion", "blue", "bluish green", "orange", "reddish purple", "sky blue", "yellow"] as const;

export function toneOf(index: number): Tone {
  const i = ((index - 1) % TONE_COUNT + TONE_COUNT) % TONE_COUNT;
  return {
    index: i + 1,
    glyph: String(i + 1),
    underline: UNDERLINES[i % UNDERLINES.length]!,
    colourName: COLOUR_NAMES[i]!,
  };
}

/**
 * Tones of the active concepts, by their order in the URL: the first concept picked keeps its colour
 * while others are added after it.
 */
export function assignTones(activeConcepts: readonly string[]): Map<string, Tone> {
  const tones = new Map<string, Tone>();
  for (const id of activeConcepts) {
    if (tones.has(id) || tones.size >= MAX_ACTIVE_CONCEPTS) continue;
    tones.set(id, toneOf(tones.size + 1));
  }
  return tones;
}
