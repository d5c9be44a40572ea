import Link from "next/link";
import type { CSSProperties } from "react";
import type { ConceptHeatmap } from "@/lib/db/concept-heatmap";
import { conceptHref, searchHitHref } from "@/lib/urls/app-urls";
import { MENTION_COUNT_RULE } from "@/lib/concepts/mention-count";
import { VIRIDIS_STEPS, heatColour } from "./heat-scale";

const HEATMAP_ABOUT_ID = "heatmap-about";

type HeatStyle = CSSProperties & Record<"--heat-bg" | "--heat-fg" | "--heat-bg-night" | "--heat-fg-night", string>;

function cellStyle(count: number, max: number): HeatStyle | undefined {
  const colour = heatColour(count, max);
  if (!colour) return undefined;
  return {
    "--heat-bg": colour.light.background,
    "--heat-fg": colour.light.text,
    "--heat-bg-night": colour.dark.background,
    "--heat-fg-night": colour.dark.text,
  };
}

const HEAT_CELL = "bg-(--heat-bg) text-(--heat-fg) dark:bg-(--heat-bg-night) dark:text-(--heat-fg-night)";

/**
 * Concept × document × section as a table whose cells are coloured by count: the table is the
 * picture, so screen readers get the same facts (row and column headers, the count, a link name
 * saying what the link opens) that the colours show.
 */
export function ConceptHeatmapTable({ heatmap }: { heatmap: ConceptHeatmap }) {
  const { documents, rows, max } = heatmap;
  return (
    <>
      {/* Outside the scrolling table: a caption is as wide as its table, so on a phone it was cut mid-sentence. */}
      <p id={HEATMAP_ABOUT_ID} className="mb-3 max-w-3xl text-sm text-muted dark:text-night-muted" lang="en">
        Mentions of each concept in each section of each essay ({MENTION_COUNT_RULE.en}; a compound concept counts its items
        too). Darker on paper, brighter at night, means more. Each number opens the first mention in that section.
      </p>
      {/* Positioned: the screen-reader-only text of far columns is then clipped by this scroller, not widening the page. */}
      <div className="relative overflow-x-auto" role="region" aria-label="Concepts by essay and section (scrolls sideways)" tabIndex={0}>
        <table className="border-separate border-spacing-0.5 text-sm" data-testid="concept-heatmap" aria-describedby={HEATMAP_ABOUT_ID}>
          <caption className="sr-only" lang="en">
            Mentions of each concept in each section of each essay
          </caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2} className="sticky left-0 z-10 bg-paper px-2 text-left align-bottom font-semibold dark:bg-night">
                概念 <span lang="en" className="font-normal text-muted dark:text-night-muted">Concept</span>
              </th>
              {documents.map((document) => (
                <th
                  key={document.slug}
                  scope="colgroup"
                  colSpan={document.sections.length + 1}
                  className="border-b border-rule px-2 pb-1 text-left font-serif font-semibold dark:border-night-rule"
                >
                  <span className="line-clamp-2 max-w-[24em]">{document.title}</span>
                </th>
              ))}
            </tr>
            <tr>
              {documents.map((document) => [
                ...document.sections.map((section) => (
                  <th key={`${document.slug}-${section.key}`} scope="col" className="min-w-8 px-1 py-1 text-center font-normal" title={section.text}>
                    <span aria-hidden="true">{section.label}</span>
                    <span className="sr-only">
                      {section.label} {section.text}
                    </span>
                  </th>
                )),
                <th key={`${document.slug}-total`} scope="col" className="px-1.5 py-1 text-center font-semibold">
                  合计<span className="sr-only"> {document.title}</span>
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.conceptId} data-concept={row.conceptId}>
                {/* A narrow sticky column (the English label under the Chinese, wrapping) leaves the numbers room, on a phone above all. */}
                <th
                  scope="row"
                  className="sticky left-0 z-10 w-[8.5rem] min-w-[8.5rem] bg-paper px-2 py-0.5 text-left leading-snug font-normal dark:bg-night sm:w-56 sm:min-w-56"
                >
                  <Link href={conceptHref(row.conceptId)} className="font-medium hover:text-accent dark:hover:text-night-accent">
                    {row.labelZh}
                  </Link>
                  <span lang="en" className="block text-xs text-muted dark:text-night-muted">
                    {row.labelEn}
                  </span>
                </th>
                {row.documents.map((document) => {
                  const meta = documents.find((d) => d.slug === document.slug);
                  return [
                    ...document.cells.map((cell) => {
                      const section = meta?.sections.find((s) => s.key === cell.sectionKey);
                      const where = `${meta?.title ?? document.slug} ${section?.label ?? ""} ${section?.text ?? ""}`.trim();
                      return (
                        <td
                          key={`${document.slug}-${cell.sectionKey}`}
                          className={`h-7 min-w-8 rounded-sm text-center tabular-nums ${cell.count > 0 ? HEAT_CELL : "text-muted/60 dark:text-night-muted/60"}`}
                          style={cellStyle(cell.count, max)}
                        >
                          {cell.first ? (
                            <Link
                              href={searchHitHref(document.slug, cell.first.anchor, cell.first)}
                              aria-label={`${row.labelZh}: ${cell.count} in ${where}; open the first`}
                              className="block px-1 no-underline hover:underline"
                              data-testid="heatmap-cell"
                            >
                              {cell.count}
                            </Link>
                          ) : (
                            <>
                              <span aria-hidden="true">·</span>
                              <span className="sr-only">0</span>
                            </>
                          )}
                        </td>
                      );
                    }),
                    <td key={`${document.slug}-total`} className="px-1.5 text-center font-semibold tabular-nums" data-testid="heatmap-total">
                      {document.total}
                    </td>,
                  ];
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The scale with the counts each step stands for. */
export function HeatmapLegend({ max }: { max: number }) {
  const steps = legendSteps(max);
  if (steps.length === 0) return null;
  return (
    <figure className="mt-4 flex flex-wrap items-center gap-2 text-xs" aria-label="Colour scale">
      <figcaption lang="en" className="text-muted dark:text-night-muted">
        Mentions per section:
      </figcaption>
      {steps.map((step) => (
        <span key={step.level} className={`rounded-sm px-2 py-0.5 tabular-nums ${HEAT_CELL}`} style={cellStyle(step.from, max)}>
          {step.from === step.to ? step.from : `${step.from}–${step.to}`}
        </span>
      ))}
    </figure>
  );
}

function legendSteps(max: number): { level: number; from: number; to: number }[] {
  const steps: { level: number; from: number; to: number }[] = [];
  for (let count = 1; count <= max; count++) {
    const level = heatColour(count, max)?.level ?? 0;
    const last = steps.at(-1);
    if (last && last.level === level) last.to = count;
    else steps.push({ level, from: count, to: count });
  }
  return steps.slice(0, VIRIDIS_STEPS.length);
}
