"use client";

import { useState, useSyncExternalStore } from "react";
import type { CompareLink } from "@/lib/compare/build-compare-view";
import type { Side } from "@/lib/compare/compare-state";
import { assignTones } from "@/lib/compare/concept-tones";
import { type PaneOf, paneNote, paneWords } from "./pane-dom";

const KIND_LABEL: Record<CompareLink["kind"], { en: string; zh: string }> = {
  shared_passage: { en: "Shared words", zh: "共同文字" },
  shared_source: { en: "Shared source", zh: "共同来源" },
  concept_overlap: { en: "Shared concepts", zh: "共同概念" },
};
const KIND_ORDER: CompareLink["kind"][] = ["shared_passage", "shared_source", "concept_overlap"];

/** Longest excerpt of a note shown in the panel: enough to recognise the citation. */
const NOTE_EXCERPT = 160;

/** Below this width the panel is a sheet over the panes' foot, folded after it shows a passage; above it, a column beside them. */
const SHEET_WIDTH = "(max-width: 1023px)";

/**
 * The links of the paragraph in focus (`f`), strongest first, each with its evidence in both essays'
 * words and a button that shows the other end in the other pane. It never covers what it shows: on a
 * wide screen it is docked beside the panes; on a narrower one it is a sheet that folds to its heading
 * when it shows a passage (and unfolds again on the reader's word). The words and notes it quotes are
 * read from the panes, which show them (the page does not send them twice).
 */
export function FocusedLinks({
  focus,
  links,
  activeConcepts,
  paneOf,
  onClose,
  onGo,
}: {
  focus: { side: Side; anchor: string };
  links: CompareLink[];
  activeConcepts: string[];
  paneOf: PaneOf;
  onClose: () => void;
  onGo: (link: CompareLink, moveFocus: boolean) => void;
}) {
  const [folded, setFolded] = useState(false);
  const here = focus.side;
  const there: Side = here === "left" ? "right" : "left";
  const tones = assignTones(activeConcepts);
  const sorted = [...links].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || b.confidence - a.confidence || a[there].order - b[there].order,
  );
  const label = links[0]?.[here].label ?? focus.anchor;
  const go = (link: CompareLink, moveFocus: boolean) => {
    if (window.matchMedia(SHEET_WIDTH).matches) setFolded(true);
    onGo(link, moveFocus);
  };

  return (
    <section className="focus-panel" aria-labelledby="focus-title" lang="en" data-focus-panel={`${here}:${focus.anchor}`} data-folded={folded ? "" : undefined}>
      <div className="focus-panel-inner">
        <div className="flex items-baseline justify-between gap-3">
          <h2 id="focus-title" className="text-sm font-semibold">
            {label} of the {here} essay: {links.length} {links.length === 1 ? "link" : "links"} to the {there} essay
          </h2>
          <div className="flex shrink-0 gap-2">
            <button type="button" className="compare-button focus-fold" aria-expanded={!folded} aria-controls="focus-list" onClick={() => setFolded(!folded)}>
              {folded ? "Show" : "Hide"}
              <span className="sr-only"> the list of links</span>
            </button>
            <button type="button" className="compare-button" onClick={onClose} aria-label="Close the list of links">
              <span aria-hidden="true">×</span> Close
            </button>
          </div>
        </div>
        <ol id="focus-list">
          {sorted.map((link, index) => (
            <FocusLink key={`${link.kind}-${index}`} link={link} there={there} tones={tones} paneOf={paneOf} onGo={go} />
          ))}
        </ol>
      </div>
    </section>
  );
}

/** One link: its kind and confidence, the button that shows its other end, and its evidence. */
function FocusLink({
  link,
  there,
  tones,
  paneOf,
  onGo,
}: {
  link: CompareLink;
  there: Side;
  tones: ReturnType<typeof assignTones>;
  paneOf: PaneOf;
  onGo: (link: CompareLink, moveFocus: boolean) => void;
}) {
  const kind = KIND_LABEL[link.kind];
  const evidence = link.evidence;
  return (
    <li className="focus-link" data-link-kind={link.kind}>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <strong>
          {kind.en} <span lang="zh-Hans">{kind.zh}</span>
        </strong>
        <span className="focus-muted">confidence {Math.round(link.confidence * 100)}%</span>
        <button type="button" className="compare-button ml-auto" data-go-to={link[there].anchor} onClick={(event) => onGo(link, event.detail === 0)}>
          {there === "right" ? "" : "← "}Go to {link[there].label}
          {there === "right" ? " →" : ""}
        </button>
      </div>
      {evidence.kind === "shared_passage" ? (
        <div className="focus-quotes" lang="zh-Hans">
          {(["left", "right"] as const).map((side) => (
            <blockquote key={side} aria-label={`${side} essay`}>
              “<PaneWords read={() => wordsOf(paneOf, side, link[side].anchor, link[side].start, link[side].end)} />”
            </blockquote>
          ))}
        </div>
      ) : evidence.kind === "shared_source" ? (
        <div className="grid gap-1">
          <p lang="zh-Hans" className="font-serif">
            《{evidence.title}》{evidence.sourceType ? <span className="focus-muted" lang="en"> ({evidence.sourceType})</span> : null}
          </p>
          <div className="focus-quotes" lang="zh-Hans">
            {(["left", "right"] as const).map((side) => {
              const note = side === "left" ? evidence.leftNote : evidence.rightNote;
              return (
                <blockquote key={side} aria-label={`note in the ${side} essay`}>
                  {note ? (
                    <>
                      <span className="focus-muted">
                        注 <PaneWords read={() => noteOf(paneOf, side, note)?.label ?? null} />{" "}
                      </span>
                      <PaneWords read={() => noteOf(paneOf, side, note)?.text ?? null} />
                    </>
                  ) : (
                    <span className="focus-muted" lang="en">
                      The note was not found.
                    </span>
                  )}
                </blockquote>
              );
            })}
          </div>
        </div>
      ) : (
        <p className="flex flex-wrap gap-1.5">
          {evidence.concepts.map((concept) => {
            const tone = tones.get(concept.id);
            return (
              <span key={concept.id} className={tone ? "legend-chip" : "links-chip"} data-tone={tone?.index}>
                {tone ? (
                  <span className="tone-glyph" aria-hidden="true">
                    {tone.glyph}
                  </span>
                ) : null}
                <span lang="zh-Hans">{concept.labelZh}</span>
              </span>
            );
          })}
        </p>
      )}
    </li>
  );
}

const unchanging = () => () => {};

/**
 * Words read from the panes. The server has no panes to read (a shared link opening with a paragraph in
 * focus renders the panel there): nothing until the page is in the browser, then the words.
 */
function PaneWords({ read }: { read: () => string | null }) {
  return useSyncExternalStore(unchanging, read, () => null);
}

function wordsOf(paneOf: PaneOf, side: Side, anchor: string, start: number | null, end: number | null): string | null {
  const pane = paneOf(side);
  return pane ? paneWords(pane, side, anchor, start, end) : null;
}

/** A note as its pane lists it, its text cut to an excerpt. */
function noteOf(paneOf: PaneOf, side: Side, anchor: string): { label: string; text: string } | null {
  const pane = paneOf(side);
  const note = pane ? paneNote(pane, side, anchor) : null;
  if (!note) return null;
  return { label: note.label, text: note.text.length > NOTE_EXCERPT ? `${note.text.slice(0, NOTE_EXCERPT)}…` : note.text };
}
