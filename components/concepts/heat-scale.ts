/**
 * The heat map's colour scale: viridis (perceptually uniform, readable with every common colour-vision
 * deficiency and in greyscale), sampled in seven steps from its dark end. On paper, more mentions are
 * darker; on the night theme the ramp runs the other way, so more mentions are brighter: in both themes
 * the busiest cells stand out most from the page.
 */
export const VIRIDIS_STEPS = ["#46327e", "#365c8d", "#277f8e", "#1fa187", "#4ac16d", "#a0da39", "#fde725"] as const;

export interface HeatColour {
  /** 1 (fewest) to VIRIDIS_STEPS.length (most); 0 for an empty cell. */
  level: number;
  light: { background: string; text: string };
  dark: { background: string; text: string };
}

/**
 * Log scale: counts in the corpus run from 1 to dozens, and a linear scale would leave all but the one
 * busiest cell in the palest step.
 */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  const steps = VIRIDIS_STEPS.length;
  if (max === 1) return steps;
  const ratio = Math.log(count) / Math.log(max);
  return Math.min(steps, 1 + Math.round(ratio * (steps - 1)));
}

export function heatColour(count: number, max: number): HeatColour | null {
  const level = heatLevel(count, max);
  if (level === 0) return null;
  const light = VIRIDIS_STEPS[VIRIDIS_STEPS.length - level] as string;
  const dark = VIRIDIS_STEPS[level - 1] as string;
  return { level, light: { background: light, text: readableTextOn(light) }, dark: { background: dark, text: readableTextOn(dark) } };
}

/** Black or white, whichever contrasts more with the background (WCAG relative luminance). */
export function readableTextOn(hex: string): "#000000" | "#ffffff" {
  const l = relativeLuminance(hex);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
