"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import type { CounterpartEntry, PickerConcept } from "@/lib/compare/build-compare-view";
import type { CompareState, Side } from "@/lib/compare/compare-state";
import { MAX_ACTIVE_CONCEPTS } from "@/lib/compare/concept-tones";
import { type PackedLinks, unpackLinks } from "@/lib/compare/pack-links";
import { readFocus, readJumped, writeFocus } from "@/lib/urls/app-urls";
import { AlignmentGutter, type ScrollGuard } from "./alignment-gutter";
import { ComparePane, CompareTabs } from "./compare-tabs";
import { CompareToolbar } from "./compare-toolbar";
import { activeConcepts } from "./concept-selection";
import { FocusedLinks } from "./focused-links";
import { renderedPlaces } from "./history-step";
import { countLinksByBlock, linksOfBlock } from "./paragraph-links";
import { otherSide } from "./sides";
import { useAlignToggle } from "./use-align-toggle";
import { useCompareQuery } from "./use-compare-query";
import { useConceptToggle } from "./use-concept-toggle";
import { useFocusedBlockMark } from "./use-focused-block-mark";
import { useJumpedMark } from "./use-jumped-mark";
import { usePaneClicks } from "./use-pane-clicks";
import { usePaneJump } from "./use-pane-jump";
import { usePanePositionsInUrl } from "./use-pane-positions-in-url";
import { usePaneRefs } from "./use-pane-refs";
import { usePaneRestore } from "./use-pane-restore";
import { usePaneRestoreOnBack } from "./use-pane-restore-on-back";
import { usePanesKeptInPlace } from "./use-panes-kept-in-place";
import { useServerStateInUrl } from "./use-server-state-in-url";

export interface ComparePanesProps {
  leftTitle: string;
  rightTitle: string;
  left: React.ReactNode;
  right: React.ReactNode;
  /** The state the server rendered, with what the documents lack dropped. */
  initial: CompareState;
  picker: PickerConcept[];
  /** Every link between the two documents, packed (lib/compare/pack-links.ts). */
  links: PackedLinks;
  /** By side, block and concept: each mention of an active concept and where its counterpart is. */
  counterparts: Record<Side, Record<string, Record<string, CounterpartEntry[]>>>;
}

/**
 * Two documents side by side, each pane scrolling on its own and keeping its place in the URL (`lp`,
 * `rp`: the block at the top of the pane), replaced while reading; jumps and concept changes are history
 * entries (Back steps back through them, the panes put back where they were). On a phone the panes become two tabs (`pane`). The rest of the view's state is in the URL
 * too (see lib/compare/compare-state.ts): highlighted concepts (a server render: the marks are in the
 * HTML), aligned mode and the focused paragraph (client only).
 */
export function ComparePanes({ leftTitle, rightTitle, left, right, initial, picker, links: packedLinks, counterparts }: ComparePanesProps) {
  const [query, setQuery] = useCompareQuery();
  const { leftRef, rightRef, paneOf } = usePaneRefs();
  /** The scrollTop each pane was last set to by the script, so aligned mode does not follow it. */
  const guardRef = useRef<ScrollGuard>({ left: null, right: null });
  const [announcement, setAnnouncement] = useState("");

  const links = useMemo(() => unpackLinks(packedLinks), [packedLinks]);
  const known = useMemo(() => new Set(picker.map((concept) => concept.id)), [picker]);
  const active = useMemo(() => activeConcepts(query.concepts, known, MAX_ACTIVE_CONCEPTS), [query.concepts, known]);
  const labels = useMemo(() => new Map(picker.map((concept) => [concept.id, concept.labelZh])), [picker]);
  const aligned = query.align === "1";
  const focus = useMemo(() => readFocus(query.focus), [query.focus]);
  const linkCounts = useMemo(() => countLinksByBlock(links), [links]);
  const jumped = useMemo(() => readJumped(query.jumped), [query.jumped]);
  const rendered = useMemo(
    () => renderedPlaces({ lp: query.leftPosition, rp: query.rightPosition, jumped, pane: query.pane, concepts: initial.concepts }),
    [query.leftPosition, query.rightPosition, jumped, query.pane, initial.concepts],
  );

  useServerStateInUrl(initial, setQuery);
  usePaneRestore(initial, paneOf, guardRef);
  usePaneRestoreOnBack(rendered, paneOf, guardRef, { left, right });
  usePanesKeptInPlace(initial, { left, right }, paneOf, guardRef);
  usePanePositionsInUrl(paneOf, setQuery);
  const jump = usePaneJump({ paneOf, guardRef, shownPane: query.pane, setQuery, announce: setAnnouncement });
  const setFocus = useCallback((next: CompareState["focus"]) => void setQuery({ focus: writeFocus(next) }), [setQuery]);
  usePaneClicks(paneOf, { counterparts, labels, linkCounts, focus, setFocus, jump });
  useFocusedBlockMark(focus, paneOf, left, right);
  useJumpedMark(jumped, paneOf, { left, right });
  const { pending, toggleConcept } = useConceptToggle({
    active,
    documents: initial,
    positions: { lp: query.leftPosition, rp: query.rightPosition },
    paneOf,
    setQuery,
  });

  const { toggleAlign, lead } = useAlignToggle({ aligned, focus, paneOf, guardRef, setQuery });

  const focusLinks = linksOfBlock(links, focus);
  const focusOpen = focus !== null && focusLinks.length > 0;

  return (
    <div className="compare" data-active-pane={query.pane} data-align={aligned ? "1" : undefined} data-focus-open={focusOpen ? "" : undefined}>
      <CompareToolbar
        picker={picker}
        active={active}
        pending={pending}
        aligned={aligned}
        onToggleConcept={toggleConcept}
        onAlign={toggleAlign}
        formState={{ ...initial, concepts: active, align: aligned, focus, pane: query.pane, lp: query.leftPosition, rp: query.rightPosition, jumped }}
      />
      <CompareTabs titles={{ left: leftTitle, right: rightTitle }} shown={query.pane} onShow={(side) => void setQuery({ pane: side })} />
      {/* The panes, and beside them (a wide screen) or over their foot (a narrow one) the links panel. */}
      <div className="compare-body">
        <div className="compare-grid">
          <ComparePane side="left" ref={leftRef}>
            {left}
          </ComparePane>
          {aligned ? (
            <AlignmentGutter
              links={links}
              leftRef={leftRef}
              rightRef={rightRef}
              texts={{ left, right }}
              guard={guardRef}
              focus={focus}
              // Turned on by the reader: the pane of the block kept in place leads. Opened so: a shared link with
              // both positions is restored as it is; otherwise the right pane falls in step.
              leadOnMount={lead ?? (initial.align && initial.rp !== null ? null : "left")}
            />
          ) : null}
          <ComparePane side="right" ref={rightRef}>
            {right}
          </ComparePane>
        </div>
        {focusOpen ? (
          <FocusedLinks
            focus={focus}
            links={focusLinks}
            activeConcepts={active}
            paneOf={paneOf}
            onClose={() => setFocus(null)}
            onGo={(link, moveFocus) => {
              const to = otherSide(focus.side);
              const end = link[to];
              jump(to, { anchor: end.anchor }, { moveFocus, say: `${end.label} shown in the ${to} essay` });
            }}
          />
        ) : null}
      </div>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
