"use client";

import { type ReactNode, use, useCallback, useState } from "react";

/**
 * A promise that settles the first time the reader shows they are about to use a part of the page (a pointer
 * over it, focus in it, a details element opened), and the function that settles it: for `HydrateOnIntent`.
 */
export function useIntent(): { intent: Promise<void>; signal: () => void } {
  const [deferred] = useState(() => {
    let signal = () => {};
    const intent = new Promise<void>((resolve) => (signal = resolve));
    return { intent, signal };
  });
  const signal = useCallback(() => deferred.signal(), [deferred]);
  return { intent: deferred.intent, signal };
}

/**
 * Children that React leaves as the server sent them, unhydrated, until `intent` settles: a component that
 * suspends while hydrating keeps its Suspense boundary's server markup in place and is hydrated when the promise
 * settles. For a part of the page that is large, closed on load and only needed once used (side by side's concept
 * picker: 52 options, four fifths of the page's hydrated elements). The server never waits for it.
 *
 * Put it inside a `<Suspense fallback={null}>` in a memoised component: a boundary whose props change before it
 * is hydrated is rendered afresh on the client instead, and then shows its fallback until the intent.
 */
export function HydrateOnIntent({ intent, children }: { intent: Promise<void>; children: ReactNode }) {
  if (typeof window !== "undefined") use(intent);
  return children;
}
