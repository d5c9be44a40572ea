"use client";

import { useCallback, useRef, useState } from "react";

export interface CopiedLink {
  /** The absolute address copied (or to copy by hand). */
  href: string;
  /** False when the clipboard refused: the toast then shows the link to copy. */
  ok: boolean;
}

/** How long the toast stays: long enough to copy the link by hand when the clipboard refused. */
const SHOWN_MS = { copied: 6000, refused: 20000 };

/** Copies a link (made absolute) to the clipboard and says so for a moment (`copied`, for the toast). */
export function useCopyLink(): { copied: CopiedLink | null; copy: (path: string) => Promise<void> } {
  const [copied, setCopied] = useState<CopiedLink | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const copy = useCallback(async (path: string) => {
    const href = new URL(path, window.location.origin).href;
    let ok = true;
    try {
      await navigator.clipboard.writeText(href);
    } catch {
      ok = false;
    }
    setCopied({ href, ok });
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setCopied(null), ok ? SHOWN_MS.copied : SHOWN_MS.refused);
  }, []);
  return { copied, copy };
}
