import { parallelsHref } from "@/lib/urls/app-urls";

/** Under a paragraph that shares words with other essays: how many places, a link to them (the parallels view). */
export function ParallelsLink({ slug, anchor, places, documents }: { slug: string; anchor: string; places: number; documents: number }) {
  return (
    <p className="mt-1 text-right text-xs text-muted dark:text-night-muted print:hidden" lang="en">
      <a href={parallelsHref(slug, anchor)} className="underline decoration-rule underline-offset-2 dark:decoration-night-rule" data-parallels={anchor}>
        {/* One string, one text node: mixed JSX text is a node per part, with a comment between each. */}
        {`∥ ${places} ${places === 1 ? "place" : "places"} in ${documents} ${documents === 1 ? "other essay" : "other essays"} share words with this paragraph`}
      </a>
    </p>
  );
}
