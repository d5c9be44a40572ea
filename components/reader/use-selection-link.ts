"use client";

import { useEffect, useState } from "react";
import { describeQuote } from "@/lib/anchoring/match-quote";
import { passageHref, SELECTOR_CONTEXT_LENGTH } from "@/lib/urls/app-urls";
import { offsetOfPoint } from "@/lib/reader/text-offsets";
import { blockTextFromRuns, selectedPassage, selectionLinkPlace } from "./selection-link";

export interface SelectionLink {
  href: string;
  top: number;
  left: number;
}

/**
 * A selection inside one block offers a link to exactly that passage: the link and where its button
 * stands, kept up to date as the selection changes, the window resizes or anything scrolls.
 */
export function useSelectionLink(): SelectionLink | null {
  const [selection, setSelection] = useState<SelectionLink | null>(null);
  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setSelection(selectionLink()));
    };
    document.addEventListener("selectionchange", update);
    window.addEventListener("resize", update);
    // Capture: panes of side by side scroll on their own, and their scroll events do not bubble.
    document.addEventListener("scroll", update, { capture: true, passive: true });
    return () => {
      document.removeEventListener("selectionchange", update);
      window.removeEventListener("resize", update);
      document.removeEventListener("scroll", update, { capture: true });
      cancelAnimationFrame(frame);
    };
  }, []);
  return selection;
}

function selectionLink(): SelectionLink | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const startBlock = elementOf(range.startContainer)?.closest<HTMLElement>("[data-block]");
  const endBlock = elementOf(range.endContainer)?.closest<HTMLElement>("[data-block]");
  // A selection reaching into a note popover is about the note, not the passage.
  if (!startBlock || startBlock !== endBlock || elementOf(range.commonAncestorContainer)?.closest(".note-popover")) return null;
  const slug = startBlock.closest<HTMLElement>("[data-slug]")?.dataset.slug;
  if (!slug) return null;
  const runs = Array.from(startBlock.querySelectorAll<HTMLElement>("[data-o]"), (run) => ({ offset: Number(run.dataset.o), text: run.textContent ?? "" }));
  const text = blockTextFromRuns(runs);
  const start = offsetOfPoint(startBlock, range.startContainer, range.startOffset);
  const passage = selectedPassage(text, start, offsetOfPoint(startBlock, range.endContainer, range.endOffset));
  if (!passage) return null;
  const quote = describeQuote(text, passage.start, passage.end, SELECTOR_CONTEXT_LENGTH);
  const href = passageHref(slug, { ...quote, blockAnchor: startBlock.dataset.block!, offset: passage.start });
  const place = selectionLinkPlace(range.getBoundingClientRect(), { width: window.innerWidth, height: window.innerHeight });
  return { href, ...place };
}

function elementOf(node: Node): Element | null {
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}
