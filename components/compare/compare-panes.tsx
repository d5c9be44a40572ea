"use client";

import { debounce, parseAsArrayOf, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import type { CompareLink, CounterpartEntry, JumpTarget, PickerConcept } from "@/lib/compare/build-compare-view";
import { type CompareState, readFocus, type Side, writeFocus } from "@/lib/compare/compare-state";
import { MAX_ACTIVE_CONCEPTS } from "@/lib/compare/concept-tones";
import { AlignmentGutter, type ScrollGuard } from "./alignment-gutter";
import { CompareToolbar } from "./compare-toolbar";
import { FocusedLinks } from "./focused-links";

const paneParsers = {
  lp: parseAsString,
  rp: parseAsString,
  pane: parseAsStringLiteral(["left", "right"] as const).withDefault("left"),
  c: parseAsArrayOf(parseAsString, ",").withDefault([]),
  align: parseAsStringLiteral(["1"] as const),
  f: parseAsString,
};

const PHONE = "(max-width: 767px)";

/**
 * The panes' exact positions, handed to the view that replaces this one when a concept is picked or
 * dropped: with and without concepts the page comes from different routes (one of them cached), so
 * the panes are new, and the blocks named in `lp`/`rp` alone would move a long paragraph to its start.
 */
let handedOver: { documents: string; at: number; left: number; right: number } | null = null;
const HANDOVER_MS = 10_000;
const FLASH_MS = 2400;
const other = (side: Side): Side => (side === "left" ? "right" : "left");

export interface ComparePanesProps {
  leftTitle: string;
  rightTitle: string;
  left: React.ReactNode;
  right: React.ReactNode;
  /** The state the server rendered, with what the documents lack dropped. */
  initial: CompareState;
  picker: PickerConcept[];
  links: CompareLink[];
  /** By side, block and concept: each mention of an active concept and where its counterpart is. */
  counterparts: Record<Side, Record<string, Record<string, CounterpartEntry[]>>>;
}

/**
 * Two documents side by side, each pane scrolling on its own and keeping its place in the URL (`lp`,
 * `rp`: the block at the top of the pane), replaced while reading, not pushed, so Back leaves the
 * comparison. On a phone the panes become two tabs (`pane`). The rest of the view's state is in the URL
 * too (see lib/compare/compare-state.ts): highlighted concepts (a server render: the marks are in the
 * HTML), aligned mode and the focused paragraph (client only).
 */
export function ComparePanes({ leftTitle, rightTitle, left, right, initial, picker, links, counterparts }: ComparePanesProps) {
  const [state, setState] = useQueryStates(paneParsers, { history: "replace", scroll: false });
  const [pending, startTransition] = useTransition();
  const leftRef = useRef<HTMLDivElement>(null);
  const rightRef = useRef<HTMLDivElement>(null);
  const start = useRef(initial);
  const guard = useRef<ScrollGuard>({ left: null, right: null });
  const flashed = useRef<{ elements: HTMLElement[]; timer: number }>({ elements: [], timer: 0 });
  const afterPaneSwitch = useRef<(() => void) | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const known = useMemo(() => new Set(picker.map((concept) => concept.id)), [picker]);
  const active = useMemo(() => [...new Set(state.c)].filter((id) => known.has(id)).slice(0, MAX_ACTIVE_CONCEPTS), [state.c, known]);
  const labels = useMemo(() => new Map(picker.map((concept) => [concept.id, concept.labelZh])), [picker]);
  const aligned = state.align === "1";
  const focus = useMemo(() => readFocus(state.f), [state.f]);
  const linkCounts = useMemo(() => {
    const counts = { left: new Map<string, number>(), right: new Map<string, number>() };
    for (const link of links) for (const side of ["left", "right"] as const) counts[side].set(link[side].anchor, (counts[side].get(link[side].anchor) ?? 0) + 1);
    return counts;
  }, [links]);
  const paneRef = useCallback((side: Side) => (side === "left" ? leftRef : rightRef).current, []);

  // The URL says what the server showed: values it dropped (an unknown concept, an anchor of another version) go.
  useEffect(() => {
    const wanted = start.current;
    const next: Partial<Record<"c" | "f" | "lp" | "rp", string | string[] | null>> = {};
    const url = new URLSearchParams(window.location.search);
    if ((url.getAll("c").join(",") || null) !== (wanted.concepts.join(",") || null)) next.c = wanted.concepts.length > 0 ? wanted.concepts : null;
    if (url.get("f") !== writeFocus(wanted.focus)) next.f = writeFocus(wanted.focus);
    if (url.get("lp") !== wanted.lp) next.lp = wanted.lp;
    if (url.get("rp") !== wanted.rp) next.rp = wanted.rp;
    if (Object.keys(next).length > 0) void setState(next as Parameters<typeof setState>[0], { shallow: true });
  }, [setState]);

  // Open each pane where the view it replaces left it, or else where its URL says.
  useEffect(() => {
    const handed = handedOver;
    handedOver = null;
    if (handed && handed.documents === `${start.current.left}|${start.current.right}` && Date.now() - handed.at < HANDOVER_MS) {
      for (const side of ["left", "right"] as const) {
        const pane = paneRef(side);
        if (!pane) continue;
        pane.scrollTop = handed[side];
        guard.current[side] = pane.scrollTop;
      }
      return;
    }
    for (const side of ["left", "right"] as const) {
      const anchor = side === "left" ? start.current.lp : start.current.rp;
      const pane = paneRef(side);
      const target = anchor ? pane?.querySelector<HTMLElement>(`[id="${side}-${CSS.escape(anchor)}"]`) : null;
      if (pane && target) {
        pane.scrollTop += target.getBoundingClientRect().top - pane.getBoundingClientRect().top - 8;
        guard.current[side] = pane.scrollTop;
      }
    }
  }, [paneRef]);

  useEffect(() => {
    const listeners = (["left", "right"] as const).map((side) => {
      const pane = paneRef(side);
      const key = side === "left" ? "lp" : "rp";
      const onScroll = () => {
        if (!pane || pane.offsetParent === null) return;
        void setState({ [key]: topBlock(pane) }, { limitUrlUpdates: debounce(300) });
      };
      pane?.addEventListener("scroll", onScroll, { passive: true });
      return () => pane?.removeEventListener("scroll", onScroll);
    });
    return () => listeners.forEach((remove) => remove());
  }, [paneRef, setState]);

  // A jump that had to switch tabs first (phone) runs once the other pane is shown.
  useEffect(() => {
    const run = afterPaneSwitch.current;
    afterPaneSwitch.current = null;
    run?.();
  }, [state.pane]);

  const flash = useCallback((elements: HTMLElement[]) => {
    const previous = flashed.current;
    window.clearTimeout(previous.timer);
    for (const element of previous.elements) delete element.dataset.flash;
    for (const element of elements) element.dataset.flash = "";
    flashed.current = {
      elements,
      timer: window.setTimeout(() => {
        for (const element of elements) delete element.dataset.flash;
      }, FLASH_MS),
    };
  }, []);

  /** Shows a block (and the concept's words in it) of pane `to`, without the aligned panes following. */
  const jump = useCallback(
    (to: Side, target: JumpTarget | { anchor: string; start?: null; end?: null }, options: { concept?: string; say: string; moveFocus: boolean }) => {
      const go = () => {
        const pane = paneRef(to);
        const block = pane?.querySelector<HTMLElement>(`[id="${to}-${CSS.escape(target.anchor)}"]`);
        if (!pane || !block) return;
        let shown: HTMLElement[] = [block];
        if (options.concept && typeof target.start === "number" && typeof target.end === "number") {
          const { start: from, end: until } = target;
          const words = [...block.querySelectorAll<HTMLElement>(`mark[data-concept="${CSS.escape(options.concept)}"]`)].filter((mark) => {
            const offset = Number(mark.closest<HTMLElement>("[data-o]")?.dataset.o);
            return offset >= from && offset < until;
          });
          if (words.length > 0) shown = words;
        }
        const rect = shown[0]!.getBoundingClientRect();
        pane.scrollTop += rect.top - pane.getBoundingClientRect().top - pane.clientHeight / 3;
        guard.current[to] = pane.scrollTop;
        flash(shown);
        if (options.moveFocus) {
          if (!block.hasAttribute("tabindex")) block.setAttribute("tabindex", "-1");
          block.focus({ preventScroll: true });
        }
        setAnnouncement(options.say);
      };
      if (state.pane !== to && window.matchMedia(PHONE).matches) {
        afterPaneSwitch.current = go;
        void setState({ pane: to });
      } else go();
    },
    [flash, paneRef, setState, state.pane],
  );

  const setFocus = useCallback((next: CompareState["focus"]) => void setState({ f: writeFocus(next) }), [setState]);

  // Chips, marks, link buttons and paragraphs of both panes, by delegation on the server-rendered text.
  useEffect(() => {
    const grid = leftRef.current?.parentElement;
    if (!grid) return;
    const conceptJump = (side: Side, anchor: string, concept: string, entry: CounterpartEntry | undefined, keyboard: boolean) => {
      const target = entry?.[2];
      if (!target) return;
      const to = other(side);
      jump(to, target, { concept, moveFocus: keyboard, say: `${labels.get(concept) ?? concept}: shown in the ${to} essay` });
    };
    const onClick = (event: MouseEvent) => {
      const element = event.target as Element | null;
      const side = element?.closest<HTMLElement>("[data-pane]")?.dataset.pane as Side | undefined;
      if (!element || (side !== "left" && side !== "right")) return;
      const keyboard = event.detail === 0;

      const chip = element.closest<HTMLElement>("[data-jump-concept]");
      if (chip) {
        const anchor = chip.dataset.jumpBlock!;
        const concept = chip.dataset.jumpConcept!;
        const entries = counterparts[side][anchor]?.[concept] ?? [];
        conceptJump(side, anchor, concept, [...entries].sort((a, b) => a[0] - b[0])[0], keyboard);
        return;
      }
      const linksButton = element.closest<HTMLElement>("[data-focus-block]");
      if (linksButton) {
        const anchor = linksButton.dataset.focusBlock!;
        setFocus(focus?.side === side && focus.anchor === anchor ? null : { side, anchor });
        return;
      }
      if (element.closest("a, button, input, label, summary, [popover]")) return;
      if (window.getSelection()?.isCollapsed === false) return;
      const block = element.closest<HTMLElement>("[data-block]");
      const anchor = block?.dataset.block;
      if (!block || !anchor) return;
      const mark = element.closest<HTMLElement>("mark[data-concept]");
      if (mark) {
        const concept = mark.dataset.concept!;
        const offset = Number(mark.closest<HTMLElement>("[data-o]")?.dataset.o);
        const entries = counterparts[side][anchor]?.[concept] ?? [];
        conceptJump(side, anchor, concept, entries.find(([from, until]) => offset >= from && offset < until) ?? entries[0], false);
      }
      // A linked paragraph clicked is the paragraph in focus: its links are listed.
      if ((linkCounts[side].get(anchor) ?? 0) > 0) setFocus({ side, anchor });
    };
    grid.addEventListener("click", onClick);
    return () => grid.removeEventListener("click", onClick);
  }, [counterparts, focus, jump, labels, linkCounts, setFocus]);

  // The focused paragraph is marked in its pane, and its links button pressed.
  useEffect(() => {
    if (!focus) return;
    const block = paneRef(focus.side)?.querySelector<HTMLElement>(`[id="${focus.side}-${CSS.escape(focus.anchor)}"]`);
    const button = paneRef(focus.side)?.querySelector<HTMLElement>(`[data-focus-block="${CSS.escape(focus.anchor)}"]`);
    if (block) block.dataset.focused = "";
    button?.setAttribute("aria-pressed", "true");
    return () => {
      if (block) delete block.dataset.focused;
      button?.setAttribute("aria-pressed", "false");
    };
  }, [focus, paneRef, left, right]);

  const toggleConcept = useCallback(
    (id: string) => {
      const next = active.includes(id) ? active.filter((c) => c !== id) : [...active, id].slice(0, MAX_ACTIVE_CONCEPTS);
      handedOver = {
        documents: `${initial.left}|${initial.right}`,
        at: Date.now(),
        left: leftRef.current?.scrollTop ?? 0,
        right: rightRef.current?.scrollTop ?? 0,
      };
      // The marks are drawn on the server, so a new set of concepts is a (transitioned) server render. The
      // panes' positions go with it: a position update still waiting (debounced) would land during the
      // navigation and cancel it; this update replaces it.
      const position = (side: Side) => {
        const pane = paneRef(side);
        return pane && pane.offsetParent !== null ? topBlock(pane) : side === "left" ? state.lp : state.rp;
      };
      void setState({ c: next.length > 0 ? next : null, lp: position("left"), rp: position("right") }, { shallow: false, startTransition });
    },
    [active, initial.left, initial.right, paneRef, setState, state.lp, state.rp],
  );

  const tab = (side: Side, title: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${side}`}
      aria-selected={state.pane === side}
      aria-controls={`pane-${side}`}
      tabIndex={state.pane === side ? 0 : -1}
      onClick={() => void setState({ pane: side })}
      onKeyDown={(event) => {
        if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
          void setState({ pane: other(side) });
          document.getElementById(`tab-${other(side)}`)?.focus();
        }
      }}
      className="compare-tab"
    >
      <span className="line-clamp-2">{title}</span>
    </button>
  );

  const focusLinks = focus ? links.filter((link) => link[focus.side].anchor === focus.anchor) : [];

  return (
    <div className="compare" data-active-pane={state.pane} data-align={aligned ? "1" : undefined} data-focus-open={focus && focusLinks.length > 0 ? "" : undefined}>
      <CompareToolbar
        picker={picker}
        active={active}
        pending={pending}
        aligned={aligned}
        onToggleConcept={toggleConcept}
        onAlign={() => void setState({ align: aligned ? null : "1" })}
        formState={{ ...initial, concepts: active, align: aligned, focus, pane: state.pane, lp: state.lp, rp: state.rp }}
      />
      <div role="tablist" aria-label="Documents" className="compare-tabs">
        {tab("left", leftTitle)}
        {tab("right", rightTitle)}
      </div>
      <div className="compare-grid">
        <div id="pane-left" ref={leftRef} className="compare-pane" data-pane="left" role="tabpanel" aria-labelledby="tab-left" tabIndex={0}>
          {left}
        </div>
        {aligned ? <AlignmentGutter
            links={links}
            leftRef={leftRef}
            rightRef={rightRef}
            guard={guard}
            focus={focus}
            // A shared link with both positions is restored as it is; otherwise the right pane falls in step.
            leadOnMount={initial.align && initial.rp !== null ? null : "left"}
          /> : null}
        <div id="pane-right" ref={rightRef} className="compare-pane" data-pane="right" role="tabpanel" aria-labelledby="tab-right" tabIndex={0}>
          {right}
        </div>
      </div>
      {focus && focusLinks.length > 0 ? (
        <FocusedLinks
          focus={focus}
          links={focusLinks}
          activeConcepts={active}
          onClose={() => setFocus(null)}
          onGo={(link, moveFocus) => {
            const to = other(focus.side);
            const end = link[to];
            jump(to, { anchor: end.anchor }, { moveFocus, say: `${end.label} shown in the ${to} essay` });
          }}
        />
      ) : null}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

/** The block at the top of a pane: the first whose bottom is below the pane's top edge. */
function topBlock(pane: HTMLElement): string | null {
  const top = pane.getBoundingClientRect().top;
  for (const block of pane.querySelectorAll<HTMLElement>("[data-block]")) {
    if (block.getBoundingClientRect().bottom > top + 4) return block.dataset.block ?? null;
  }
  return null;
}
