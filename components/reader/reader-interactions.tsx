"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { describeQuote } from "@/lib/anchoring/match-quote";
import { blockHref, MAX_QUOTE_LENGTH, passageHref, SELECTOR_CONTEXT_LENGTH } from "@/lib/reader/deep-links";
import { offsetOfPoint, rangeAtOffset } from "@/lib/reader/text-offsets";
import { fillNotePopover } from "./fill-note-popover";
import { ReaderNotice } from "./reader-notice";

type Resolution =
  | { status: "current"; anchor: string }
  | { status: "moved"; anchor: string; targetAnchor: string; targetOffset: number }
  | { status: "orphaned"; anchor: string; quote: string }
  | { status: "unknown"; anchor: string };

interface SelectionLink {
  href: string;
  top: number;
  left: number;
}

/**
 * Everything in the reader that needs a script, in one small component working on the server-rendered
 * text by delegation: copying links (a paragraph's, a selection's), finding a link's target again when
 * its anchor has moved, search-hit highlighting, and note popovers in the history. In side by side it
 * serves both panes (`resolveFragment` off: there the panes keep their own positions).
 */
export function ReaderInteractions({ slug, hasQuote = false, resolveFragment = true }: { slug?: string; hasQuote?: boolean; resolveFragment?: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [copied, setCopied] = useState<{ href: string; ok: boolean } | null>(null);
  const [selection, setSelection] = useState<SelectionLink | null>(null);
  const [notice, setNotice] = useState<Resolution | null>(null);
  const copiedTimer = useRef<number | undefined>(undefined);

  const copy = useCallback(async (path: string) => {
    const href = new URL(path, window.location.origin).href;
    let ok = true;
    try {
      await navigator.clipboard.writeText(href);
    } catch {
      ok = false;
    }
    setCopied({ href, ok });
    window.clearTimeout(copiedTimer.current);
    copiedTimer.current = window.setTimeout(() => setCopied(null), ok ? 6000 : 20000);
  }, []);

  // Copy-link buttons of paragraphs, wherever they are rendered.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const button = (event.target as Element | null)?.closest<HTMLElement>("[data-copy-link]");
      if (!button) return;
      const documentSlug = button.closest<HTMLElement>("[data-slug]")?.dataset.slug ?? slug;
      if (!documentSlug) return;
      void copy(blockHref(documentSlug, button.dataset.copyLink!));
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [copy, slug]);

  // A selection inside one block offers a link to exactly that passage.
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

  // Where the page opens: a quoted passage or a search hit first, else the fragment, found again if it moved.
  useEffect(() => {
    const quote = document.querySelector("mark[data-quote]");
    if (quote) {
      quote.scrollIntoView({ block: "center" });
      return;
    }
    const hash = decodeURIComponent(window.location.hash.slice(1));
    const hit = searchParams.get("hl");
    if (hit && hash && !searchParams.get("hb")) {
      const params = new URLSearchParams(searchParams.toString());
      params.set("hb", hash);
      router.replace(`${pathname}?${params.toString()}${window.location.hash}`, { scroll: false });
      return;
    }
    const searchHit = document.querySelector("mark[data-search-hit]");
    if (searchHit) searchHit.scrollIntoView({ block: "center" });
  }, [hasQuote, pathname, router, searchParams]);

  useEffect(() => {
    if (!resolveFragment || !slug) return;
    let cancelled = false;
    const resolve = async () => {
      const anchor = decodeURIComponent(window.location.hash.slice(1));
      if (!anchor || document.querySelector("mark[data-quote]")) return;
      // A passage link's fragment is its block, which the server has already looked for the words in.
      const query = new URLSearchParams(window.location.search);
      if (query.has("q") && query.get("qa") === anchor) return;
      const target = document.getElementById(anchor);
      if (target) {
        // Arriving at a marker (a note's back-link) puts keyboard focus back on it.
        if (target.matches("button.note-marker")) target.focus({ preventScroll: true });
        return;
      }
      try {
        const response = await fetch(`/read/${encodeURIComponent(slug)}/anchors/${encodeURIComponent(anchor)}`, { cache: "no-store" });
        const resolution = (await response.json()) as Resolution;
        if (cancelled) return;
        setNotice(resolution.status === "current" ? null : resolution);
        if (resolution.status === "moved") landAt(resolution.targetAnchor, resolution.targetOffset);
      } catch {
        if (!cancelled) setNotice({ status: "unknown", anchor });
      }
    };
    void resolve();
    window.addEventListener("hashchange", resolve);
    return () => {
      cancelled = true;
      window.removeEventListener("hashchange", resolve);
    };
  }, [resolveFragment, slug]);

  // A document has one note popover: it shows the note of the marker that opened it (copied from the notes
  // list, so each note is sent once) and is anchored to that marker. Another marker clicked while it is open
  // shows that marker's note in place; the same marker closes it.
  useEffect(() => {
    let shownFor: HTMLElement | null = null;
    let clicked: HTMLElement | null = null;
    const show = (popover: HTMLElement, marker: HTMLElement) => {
      fillNotePopover(popover, marker);
      shownFor?.style.removeProperty("anchor-name");
      marker.style.setProperty("anchor-name", "--note-marker");
      shownFor = marker;
    };
    const onClick = (event: MouseEvent) => {
      const marker = (event.target as Element | null)?.closest<HTMLElement>(".note-marker");
      const popover = marker ? document.getElementById(marker.getAttribute("popovertarget") ?? "") : null;
      if (!marker || !popover) return;
      clicked = marker;
      // Closed: the button opens it (and `beforetoggle` fills it). Open: the button would only toggle it.
      if (!popover.matches(":popover-open")) return;
      event.preventDefault();
      if (marker === shownFor) popover.hidePopover();
      else show(popover, marker);
    };
    const onBeforeToggle = (event: Event) => {
      const popover = event.target as HTMLElement;
      if ((event as ToggleEvent).newState !== "open" || !popover.matches?.("[data-note-popover]")) return;
      const source = (event as ToggleEvent & { source?: Element | null }).source;
      const marker = source instanceof HTMLElement ? source : clicked;
      if (marker) show(popover, marker);
    };
    // Toggle events do not bubble: listen in the capture phase, as for clicks, which come before the toggle.
    document.addEventListener("click", onClick, true);
    document.addEventListener("beforetoggle", onBeforeToggle, true);
    return () => {
      document.removeEventListener("click", onClick, true);
      document.removeEventListener("beforetoggle", onBeforeToggle, true);
      shownFor?.style.removeProperty("anchor-name");
    };
  }, []);

  // An open note is a step in the history: Back closes it, as on a phone one expects of a sheet.
  useEffect(() => {
    let closingFromHistory = false;
    const onToggle = (event: Event) => {
      const popover = event.target as HTMLElement;
      if (!popover.classList?.contains("note-popover")) return;
      const state = window.history.state as Record<string, unknown> | null;
      if ((event as ToggleEvent).newState === "open") {
        if (state?.duizhaoNote !== popover.id) window.history.pushState({ ...state, duizhaoNote: popover.id }, "");
      } else if (!closingFromHistory && state?.duizhaoNote === popover.id) {
        window.history.back();
      }
      closingFromHistory = false;
    };
    const onPopState = () => {
      const open = document.querySelector<HTMLElement>(".note-popover:popover-open");
      const state = window.history.state as Record<string, unknown> | null;
      if (open && state?.duizhaoNote !== open.id) {
        closingFromHistory = true;
        open.hidePopover();
      }
    };
    const onClick = (event: MouseEvent) => {
      // Following a note to the notes list leaves the note: the list entry replaces it in the history.
      const link = (event.target as Element | null)?.closest("[data-note-link]");
      const popover = link?.closest<HTMLElement>(".note-popover");
      if (!popover) return;
      const state = window.history.state as Record<string, unknown> | null;
      if (state?.duizhaoNote) {
        const { duizhaoNote: _note, ...rest } = state;
        window.history.replaceState(rest, "");
      }
      popover.hidePopover();
    };
    document.addEventListener("toggle", onToggle, true);
    window.addEventListener("popstate", onPopState);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("toggle", onToggle, true);
      window.removeEventListener("popstate", onPopState);
      document.removeEventListener("click", onClick);
    };
  }, []);

  return (
    <>
      {notice ? (
        <ReaderNotice key={notice.anchor} kind={notice.status === "moved" ? "moved" : notice.status === "orphaned" ? "orphaned" : "unknown"}>
          {notice.status === "moved" ? (
            <span lang="en">This link pointed to a passage that has since moved; showing where it is now.</span>
          ) : notice.status === "orphaned" ? (
            <>
              <span lang="en">This link pointed to a passage that is no longer in the document:</span>
              <blockquote className="mt-1 font-serif">“{notice.quote}”</blockquote>
            </>
          ) : (
            <span lang="en">This link points to a passage this document does not have (#{notice.anchor}).</span>
          )}
        </ReaderNotice>
      ) : null}
      {selection ? (
        <button
          type="button"
          className="selection-link"
          style={{ top: selection.top, left: selection.left }}
          // Keep the selection: a mousedown on the button would otherwise clear it before the click.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => void copy(selection.href)}
        >
          <span lang="en">Copy link to selection</span>
        </button>
      ) : null}
      <div aria-live="polite" className="copy-toast-region">
        {copied ? (
          <p className="copy-toast" data-copied-link={copied.href}>
            <span lang="en">{copied.ok ? "Link copied:" : "Copy this link:"}</span>{" "}
            <a href={copied.href} className="break-all underline underline-offset-2">
              {decodeURI(copied.href)}
            </a>
          </p>
        ) : null}
      </div>
    </>
  );
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
  const text = Array.from(startBlock.querySelectorAll<HTMLElement>("[data-o]")).reduce(
    (all, run) => all.slice(0, Number(run.dataset.o)) + (run.textContent ?? ""),
    "",
  );
  const start = offsetOfPoint(startBlock, range.startContainer, range.startOffset);
  const end = Math.min(offsetOfPoint(startBlock, range.endContainer, range.endOffset), start + MAX_QUOTE_LENGTH);
  if (end <= start || text.slice(start, end).trim() === "") return null;
  const quote = describeQuote(text, start, end, SELECTOR_CONTEXT_LENGTH);
  const href = passageHref(slug, { ...quote, blockAnchor: startBlock.dataset.block!, offset: start });
  const rect = range.getBoundingClientRect();
  // Kept inside the viewport even when the selection has scrolled out of it.
  return { href, top: Math.max(8, Math.min(rect.bottom + 8, window.innerHeight - 48)), left: Math.max(8, Math.min(rect.left + rect.width / 2 - 80, window.innerWidth - 200)) };
}

function elementOf(node: Node): Element | null {
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

/** Scrolls to where a moved passage now begins and marks its block for a moment. */
function landAt(anchor: string, offset: number) {
  const block = document.getElementById(anchor);
  if (!block) return;
  for (const earlier of document.querySelectorAll<HTMLElement>("[data-landed]")) delete earlier.dataset.landed;
  const range = rangeAtOffset(block, offset);
  const rect = range?.getBoundingClientRect();
  if (rect && rect.height > 0) window.scrollTo({ top: window.scrollY + rect.top - window.innerHeight / 3 });
  else block.scrollIntoView({ block: "center" });
  block.dataset.landed = "";
}
