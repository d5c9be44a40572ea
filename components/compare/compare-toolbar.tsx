"use client";

import { memo, Suspense, useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { PickerConcept } from "@/lib/compare/build-compare-view";
import type { CompareState } from "@/lib/compare/compare-state";
import { assignTones, MAX_ACTIVE_CONCEPTS } from "@/lib/compare/concept-tones";
import { MENTION_COUNT_RULE, mentionCountLabel } from "@/lib/concepts/mention-count";
import { compareHref, compareQuery } from "@/lib/urls/app-urls";
import { COMPARE_KEYS, PATHS } from "@/lib/urls/url-grammar";
import { HydrateOnIntent, useIntent } from "./hydrate-on-intent";

type ToneMap = ReturnType<typeof assignTones>;

/**
 * Above the panes: the concept picker (a plain GET form, so it works before the script has loaded),
 * the legend of highlighted concepts, aligned mode and the link to this exact view.
 */
export function CompareToolbar({
  picker,
  active,
  pending,
  aligned,
  onToggleConcept,
  onAlign,
  formState,
}: {
  picker: PickerConcept[];
  active: string[];
  pending: boolean;
  aligned: boolean;
  onToggleConcept: (id: string) => void;
  onAlign: () => void;
  formState: CompareState;
}) {
  const tones = assignTones(active);
  return (
    <div className="compare-toolbar" lang="en" role="group" aria-label="Side-by-side controls" aria-busy={pending || undefined}>
      <ConceptPicker picker={picker} active={active} onToggleConcept={onToggleConcept} formState={formState} />
      <ConceptLegend picker={picker} active={active} tones={tones} onToggleConcept={onToggleConcept} />
      <span className="ml-auto flex items-center gap-2">
        {aligned ? (
          <span className="line-legend" role="img" aria-label="Connectors: solid, shared words; dashed, shared source; dotted, shared concepts">
            <LineSample dash={undefined} /> <span aria-hidden="true">words</span>
            <LineSample dash="6 4" /> <span aria-hidden="true">source</span>
            <LineSample dash="1.5 3" /> <span aria-hidden="true">concepts</span>
          </span>
        ) : null}
        {/* One pane at a time on a phone: nothing to align there. */}
        <button type="button" className="compare-button compare-align-button" aria-pressed={aligned} onClick={onAlign}>
          <span lang="zh-Hans">对齐</span> Align
        </button>
        <CopyViewLink href={compareHref(formState)} />
      </span>
    </div>
  );
}

/** The concepts to highlight, as a menu of checkboxes: the ones both essays mention first. */
function ConceptPicker({
  picker,
  active,
  onToggleConcept,
  formState,
}: {
  picker: PickerConcept[];
  active: string[];
  onToggleConcept: (id: string) => void;
  formState: CompareState;
}) {
  // False in the server's HTML (the form then needs its submit button), true once the script runs.
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  const details = useRef<HTMLDetailsElement>(null);
  // The options hydrate when the picker is about to be used, not with the page (HydrateOnIntent says why).
  const { intent, signal } = useIntent();
  // The options are memoised (a re-render would hydrate them): they reach the latest handler through a ref.
  const toggleRef = useRef(onToggleConcept);
  useEffect(() => {
    toggleRef.current = onToggleConcept;
  });
  const toggle = useCallback((id: string) => toggleRef.current(id), []);

  // The picker closes like a menu: Escape or a click elsewhere.
  useEffect(() => {
    const close = (event: Event) => {
      const element = details.current;
      if (!element?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        element.open = false;
        element.querySelector("summary")?.focus();
      } else if (!element.contains(event.target as Node)) element.open = false;
    };
    document.addEventListener("keydown", close);
    document.addEventListener("pointerdown", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("pointerdown", close);
    };
  }, []);

  return (
    <details ref={details} className="concept-picker" onPointerEnter={signal} onFocus={signal} onToggle={signal}>
      <summary className="compare-button list-none">
        <span lang="zh-Hans">概念</span> Concepts{active.length > 0 ? ` · ${active.length}` : ""}
        {active.length > 0 ? <span className="sr-only"> highlighted</span> : null} <span aria-hidden="true">▾</span>
      </summary>
      <form method="get" action={PATHS.compare} className="concept-picker-panel" onSubmit={(event) => scripted && event.preventDefault()}>
        {/* The view's state but its concepts, which are the form's checkboxes: as compareHref writes it. */}
        {compareQuery({ ...formState, concepts: [] }).map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={value} />
        ))}
        <ConceptOptions picker={picker} active={active} onToggleConcept={toggle} intent={intent} />
        {scripted ? null : (
          <button type="submit" className="compare-button mt-2">
            Highlight
          </button>
        )}
      </form>
    </details>
  );
}

/** The picker's note on counts and its options, in two groups; re-rendered only when the concepts or the highlighted ones change. */
const ConceptOptions = memo(
  function ConceptOptions({
    picker,
    active,
    onToggleConcept,
    intent,
  }: {
    picker: PickerConcept[];
    active: string[];
    onToggleConcept: (id: string) => void;
    intent: Promise<void>;
  }) {
    const tones = assignTones(active);
    const shared = picker.filter((c) => c.left.total > 0 && c.right.total > 0);
    const single = picker.filter((c) => !(c.left.total > 0 && c.right.total > 0));
    const full = active.length >= MAX_ACTIVE_CONCEPTS;

    const option = (concept: PickerConcept) => {
      const checked = active.includes(concept.id);
      const tone = tones.get(concept.id);
      return (
        <li key={concept.id}>
          <label className="concept-option" data-tone={tone?.index}>
            <input type="checkbox" name={COMPARE_KEYS.concepts} value={concept.id} checked={checked} disabled={!checked && full} onChange={() => onToggleConcept(concept.id)} />
            <span className="min-w-0">
              <span lang="zh-Hans">{concept.labelZh}</span> <span className="focus-muted">{concept.labelEn}</span>
            </span>
            <span className="concept-counts">
              <span aria-hidden="true">
                {tone ? <span className="tone-glyph mr-1">{tone.glyph}</span> : null}
                <span data-testid="concept-count">
                  {concept.left.total} · {concept.right.total}
                </span>
                {concept.left.inNotes + concept.right.inNotes > 0 ? (
                  <span className="block text-[0.7rem] focus-muted">
                    {concept.left.inNotes} · {concept.right.inNotes} in notes
                  </span>
                ) : null}
              </span>
              <span className="sr-only">{`, left essay ${mentionCountLabel(concept.left)}, right essay ${mentionCountLabel(concept.right)}`}</span>
            </span>
          </label>
        </li>
      );
    };

    return (
      <Suspense fallback={null}>
        <HydrateOnIntent intent={intent}>
          <p className="px-1 pb-1 text-xs focus-muted">
            Mentions in the left · right essay, counted as on every page: {MENTION_COUNT_RULE.en} (a compound concept counts its items too).
            Up to {MAX_ACTIVE_CONCEPTS} at once{full ? " (reached)" : ""}.
          </p>
          <fieldset>
            <legend>
              Both essays <span lang="zh-Hans">两文共有</span>
            </legend>
            <ul>{shared.map(option)}</ul>
          </fieldset>
          {single.length > 0 ? (
            <fieldset>
              <legend>
                One essay only <span lang="zh-Hans">仅见于一文</span>
              </legend>
              <ul>{single.map(option)}</ul>
            </fieldset>
          ) : null}
        </HydrateOnIntent>
      </Suspense>
    );
  },
  // The highlighted concepts come as a new array at each change of the address (a pane's position too): equal ones are no change.
  (before, after) =>
    before.picker === after.picker &&
    before.onToggleConcept === after.onToggleConcept &&
    before.intent === after.intent &&
    before.active.length === after.active.length &&
    before.active.every((id, i) => id === after.active[i]),
);

/** The highlighted concepts in the order picked, each with its tone and a way to stop highlighting it. */
function ConceptLegend({
  picker,
  active,
  tones,
  onToggleConcept,
}: {
  picker: PickerConcept[];
  active: string[];
  tones: ToneMap;
  onToggleConcept: (id: string) => void;
}) {
  if (active.length === 0) return null;
  const byId = new Map(picker.map((concept) => [concept.id, concept]));
  return (
    <ul className="concept-legend" aria-label="Highlighted concepts">
      {active.map((id) => {
        const tone = tones.get(id)!;
        const concept = byId.get(id);
        return (
          <li key={id} className="legend-chip" data-tone={tone.index}>
            <span className="tone-glyph" aria-hidden="true">
              {tone.glyph}
            </span>
            <span lang="zh-Hans">{concept?.labelZh ?? id}</span>
            <button type="button" onClick={() => onToggleConcept(id)} aria-label={`Stop highlighting ${concept?.labelZh ?? id}`}>
              <span aria-hidden="true">×</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** The link to this exact view: a real link (it can be opened or dragged), which a click copies instead. */
function CopyViewLink({ href }: { href: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied("Link copied");
    } catch {
      setCopied("Copy the address bar's link");
    }
    window.setTimeout(() => setCopied(null), 4000);
  };
  return (
    <a
      href={href}
      className="compare-button no-underline"
      onClick={(event) => {
        event.preventDefault();
        void copyLink();
      }}
    >
      {copied ?? (
        <>
          Copy link<span className="max-md:hidden"> to this view</span>
        </>
      )}
    </a>
  );
}

const noSubscription = () => () => {};

function LineSample({ dash }: { dash: string | undefined }) {
  return (
    <svg width="22" height="8" aria-hidden="true">
      <line x1="1" y1="4" x2="21" y2="4" strokeDasharray={dash} strokeLinecap={dash === "1.5 3" ? "round" : undefined} />
    </svg>
  );
}
