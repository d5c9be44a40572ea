import type { ReactNode } from "react";
import { staticMarkup } from "./static-markup";

/**
 * A server-rendered part of the page that React places once and never hydrates (static-markup.ts says why),
 * held in a div: for parts with nothing React must keep up to date (the outline, the title block), whose
 * controls are native (links, details) or handled by delegation.
 */
export function Unhydrated({
  children,
  className,
  scrollRegionLabel,
}: {
  children: ReactNode;
  className?: string;
  /** For a part that scrolls sideways: a keyboard user must be able to reach and scroll it, so it is a named, focusable region. */
  scrollRegionLabel?: string;
}) {
  const region = scrollRegionLabel === undefined ? {} : { role: "region", "aria-label": scrollRegionLabel, tabIndex: 0 };
  return <div className={className} {...region} dangerouslySetInnerHTML={{ __html: staticMarkup(children) }} />;
}
