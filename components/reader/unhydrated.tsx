import type { ReactNode } from "react";
import { staticMarkup } from "./static-markup";

/**
 * A server-rendered part of the page that React places once and never hydrates (static-markup.ts says why),
 * held in a div: for parts with nothing React must keep up to date (the outline, the title block), whose
 * controls are native (links, details) or handled by delegation.
 */
export function Unhydrated({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: staticMarkup(children) }} />;
}
