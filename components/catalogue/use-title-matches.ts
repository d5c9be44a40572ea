"use client";

import { useEffect, useRef, useState } from "react";
import { documentsApiHref } from "@/lib/urls/app-urls";
import { TYPE_AHEAD_SUGGESTIONS } from "@/lib/urls/url-grammar";

/** What the documents API answers for each match (GET /api/documents). */
export interface TitleMatch {
  slug: string;
  title: string;
  authors: string[];
  journal: string | null;
  date: string | null;
}

/**
 * Wait after the last keystroke before asking: shorter than the ~200 ms at which a delay is felt, long
 * enough that typing a word asks once, not once per character (an IME commits several at a time anyway).
 */
const TYPE_AHEAD_DELAY_MS = 150;

/**
 * The titles matching what is typed, asked of the documents API after a pause in typing; an answer to
 * words since replaced is dropped (its request aborted). `status` says what was found, for a live region.
 */
export function useTitleMatches(exclude: string | undefined) {
  const [matches, setMatches] = useState<TitleMatch[]>([]);
  const [status, setStatus] = useState("");
  const request = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      request.current?.abort();
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  /** Ask for the titles matching `words`; `onAnswer` runs when they are in. */
  function ask(words: string, onAnswer: () => void) {
    if (timer.current) clearTimeout(timer.current);
    request.current?.abort();
    if (words.trim() === "") {
      setMatches([]);
      setStatus("");
      return;
    }
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      request.current = controller;
      try {
        // One more than shown, so that leaving out the document itself still fills the list.
        const response = await fetch(documentsApiHref({ q: words, pageSize: TYPE_AHEAD_SUGGESTIONS + 1 }), { signal: controller.signal });
        if (!response.ok) {
          setStatus("Suggestions are unavailable; press Enter to search");
          return;
        }
        const answer = (await response.json()) as { documents: TitleMatch[]; total: number };
        const found = answer.documents.filter((match) => match.slug !== exclude).slice(0, TYPE_AHEAD_SUGGESTIONS);
        const total = answer.total - (answer.documents.length > found.length && answer.documents.some((match) => match.slug === exclude) ? 1 : 0);
        setMatches(found);
        onAnswer();
        setStatus(found.length === 0 ? "No title matches" : `${total} ${total === 1 ? "title matches" : "titles match"}${total > found.length ? `, the first ${found.length} listed` : ""}`);
      } catch (error) {
        if ((error as Error).name !== "AbortError") setStatus("Suggestions are unavailable; press Enter to search");
      }
    }, TYPE_AHEAD_DELAY_MS);
  }

  return { matches, status, setStatus, ask };
}
