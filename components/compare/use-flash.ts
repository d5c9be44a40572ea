"use client";

import { useCallback, useRef } from "react";

const FLASH_MS = 2400;

/** Marks elements (`data-flash`) for a moment; a new flash ends the one before. */
export function useFlash(): (elements: HTMLElement[]) => void {
  const flashed = useRef<{ elements: HTMLElement[]; timer: number }>({ elements: [], timer: 0 });
  return useCallback((elements: HTMLElement[]) => {
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
}
