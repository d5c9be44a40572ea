import Link from "next/link";
import { PaginationNav } from "@/components/catalogue/pagination-nav";
import { Unhydrated } from "@/components/reader/unhydrated";
import type { ParallelPlace, Parallels } from "@/lib/db/list-parallels";
import { blockHref, compareHref, parallelsHref, searchHitHref, sourceHref } from "@/lib/urls/app-urls";

const KIND_NAMES = { heading: "heading", paragraph: "paragraph", footnote: "note" } as const;

/** The block's text with the shared words marked (text only: corpus text is never markup). */
function Marked({ text, ranges }: { text: string; ranges: readonly { start: number; end: number }[] }) {
  const sorted = [...ranges].sort((x, y) => x.start - y.start);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [index, range] of sorted.entries()) {
    if (range.start < at) continue;
    parts.push(text.slice(at, range.start));
    parts.push(<mark key={index}>{text.slice(range.start, range.end)}</mark>);
    at = range.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

function Place({ place, from }: { place: ParallelPlace; from: Parallels }) {
  const first = place.passages[0]!;
  // Side by side pairs paragraphs: the left pane at this one, its links listed, the right pane at the parallel.
  const pairable = from.block.kind === "paragraph" && place.blockKind === "paragraph";
  return (
    <li className="rounded border border-rule p-4 dark:border-night-rule" data-testid="parallel-place" data-slug={place.slug} data-anchor={place.anchor}>
      <p className="text-sm">
        <a href={searchHitHref(place.slug, place.anchor, { start: first.otherStart, end: first.otherEnd })} className="font-serif underline underline-offset-2" lang="zh-Hans">
          {place.title}
        </a>{" "}
        <span className="text-muted dark:text-night-muted" lang="en">
          · {KIND_NAMES[place.blockKind]} <a href={blockHref(place.slug, place.anchor)}>{place.anchor}</a>
        </span>
      </p>
      <ul className="mt-2 space-y-1 text-sm">
        {place.passages.map((passage, index) => (
          <li key={index}>
            <q lang="zh-Hans">{passage.otherText}</q>{" "}
            <span className="text-xs text-muted dark:text-night-muted" lang="en">
              in {passage.corpusDocuments} of {from.corpusSize} essays{place.stock ? " · a stock phrase" : ""}
            </span>
          </li>
        ))}
      </ul>
      {pairable ? (
        <p className="mt-2 text-xs" lang="en">
          <a href={compareHref({ left: from.document.slug, right: place.slug, lp: from.block.anchor, rp: place.anchor, focus: { side: "left", anchor: from.block.anchor } })} className="underline underline-offset-2">
            Read the two side by side at this passage
          </a>
        </p>
      ) : null}
    </li>
  );
}

/**
 * The places elsewhere in the corpus sharing a passage with one block: grouped by the work both cite for it
 * when one is known, each a deep link to the words in that essay and, for paragraphs, to the two read side
 * by side; stock phrases (words a large part of the corpus shares) last and said to be so. A page of places
 * at a time (a popular quotation is found in hundreds), the block's shared words all marked on every page.
 */
export function ParallelsView({ parallels }: { parallels: Parallels }) {
  const placeCount = parallels.total;
  const pager = (
    <PaginationNav
      label="Pages of places"
      noun={placeCount === 1 ? "place" : "places"}
      page={parallels.page}
      pageSize={parallels.pageSize}
      total={placeCount}
      hrefFor={(page) => parallelsHref(parallels.document.slug, parallels.block.anchor, { page, pageSize: parallels.pageSize })}
      testId="parallels-pagination"
    />
  );
  return (
    <div className="mx-auto max-w-4xl px-4 py-10" data-testid="parallels">
      <p className="text-sm text-muted dark:text-night-muted">
        <Link href={blockHref(parallels.document.slug, parallels.block.anchor)} className="underline underline-offset-2" lang="zh-Hans">
          {parallels.document.title}
        </Link>{" "}
        <span lang="en">· {KIND_NAMES[parallels.block.kind]}</span>
      </p>
      <h1 className="mt-1 font-serif text-2xl font-semibold" lang="en">
        Parallels <span lang="zh-Hans">· 互见</span>
      </h1>
      <blockquote className="mt-4 border-l-4 border-rule pl-4 font-serif leading-relaxed dark:border-night-rule" lang="zh-Hans">
        <Marked text={parallels.block.text} ranges={parallels.shared} />
      </blockquote>
      <p className="mt-4 text-sm" lang="en" data-testid="parallels-summary">
        {placeCount === 0
          ? "No other place in the corpus shares a passage with this one."
          : `${placeCount} ${placeCount === 1 ? "place" : "places"} elsewhere in the corpus ${placeCount === 1 ? "shares" : "share"} words with it (at least 12 Chinese characters in a row).`}
      </p>
      {/* Plain elements and links, written as static markup (Unhydrated): a page of 25 places is some four
          hundred elements that React would otherwise send again in the page's RSC payload and hydrate, though
          nothing in them changes in the browser. */}
      <Unhydrated>
        {parallels.groups.map((group, index) => (
          <section key={group.work?.key ?? `unknown-${index}`} className="mt-8" aria-labelledby={`parallels-group-${index}`} data-testid="parallel-group">
            <h2 id={`parallels-group-${index}`} className="font-serif text-lg font-semibold">
              {group.work ? (
                <>
                  <span lang="en">Both cite </span>
                  <a href={sourceHref(group.work.key)} className="underline underline-offset-2" lang="zh-Hans">
                    {group.work.title ?? "a cited work"}
                  </a>
                </>
              ) : (
                <span lang="en">No work both cite for these words</span>
              )}
            </h2>
            <ul className="mt-3 space-y-3">
              {group.places.map((place) => (
                <Place key={`${place.slug}#${place.anchor}`} place={place} from={parallels} />
              ))}
            </ul>
          </section>
        ))}
      </Unhydrated>
      {pager}
    </div>
  );
}
