import Link from "next/link";
import { PaginationNav } from "@/components/catalogue/pagination-nav";
import { Unhydrated } from "@/components/reader/unhydrated";
import type { ParallelGroup, ParallelPlace, Parallels, StockPhrase } from "@/lib/db/list-parallels";
import { exactPhraseQuery } from "@/lib/search/exact-phrase-query";
import { blockHref, compareHref, parallelsHref, searchHitHref, searchPageHref, sourceHref } from "@/lib/urls/app-urls";

const KIND_NAMES = { heading: "heading", paragraph: "paragraph", footnote: "note" } as const;

const places = (count: number) => `${count} ${count === 1 ? "place" : "places"}`;

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
              in {passage.corpusDocuments} of {from.corpusSize} essays{passage.corpusDocuments >= from.stockFrom ? " · a stock phrase" : ""}
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

/** A page of places, grouped by the work both cite (plain links, written as static markup: see below). */
function Groups({ groups, from, Heading }: { groups: readonly ParallelGroup[]; from: Parallels; Heading: "h2" | "h3" }) {
  return groups.map((group, index) => (
    <section key={group.work?.key ?? `unknown-${index}`} className="mt-8" aria-labelledby={`parallels-group-${index}`} data-testid="parallel-group">
      <Heading id={`parallels-group-${index}`} className="font-serif text-lg font-semibold">
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
      </Heading>
      <ul className="mt-3 space-y-3">
        {group.places.map((place) => (
          <Place key={`${place.slug}#${place.anchor}`} place={place} from={from} />
        ))}
      </ul>
    </section>
  ));
}

/** One stock phrase of the block: its words, how many essays hold them, how many places here share only such words, and a search for them. */
function StockPhraseItem({ phrase, from }: { phrase: StockPhrase; from: Parallels }) {
  const search = exactPhraseQuery(phrase.text);
  return (
    <li className="rounded border border-rule p-3 dark:border-night-rule" data-testid="stock-phrase" data-start={phrase.start} data-end={phrase.end}>
      <q className="font-serif" lang="zh-Hans">
        {phrase.text}
      </q>
      <p className="mt-1 text-xs text-muted dark:text-night-muted" lang="en">
        in <span data-testid="stock-phrase-documents">{phrase.corpusDocuments}</span> of {from.corpusSize} essays ·{" "}
        {phrase.stockOnlyPlaces === 0 ? (
          "every place here sharing these words shares more"
        ) : (
          <>
            <span data-testid="stock-phrase-places">{places(phrase.stockOnlyPlaces)}</span> here {phrase.stockOnlyPlaces === 1 ? "shares" : "share"} only stock phrases, these among
            them
          </>
        )}{" "}
        ·{" "}
        <a href={searchPageHref({ q: search.query })} className="underline underline-offset-2" data-testid="stock-phrase-search">
          {search.cut ? `Search the corpus for their first ${[...search.words].length} characters` : "Search the corpus for these words"}
        </a>
      </p>
    </li>
  );
}

/**
 * The places elsewhere in the corpus sharing a passage with one block: grouped by the work both cite for it
 * when one is known, each a deep link to the words in that essay and, for paragraphs, to the two read side
 * by side. Places sharing only stock phrases (words a large part of the corpus holds) are not listed one by
 * one: each stock phrase is named with how many essays hold it and how many places here share only such
 * words, with a search for it; a link lists those places anyway. A page of places at a time (a popular
 * quotation is found in hundreds), the block's shared words all marked on every page.
 */
export function ParallelsView({ parallels }: { parallels: Parallels }) {
  const { document, block, listing } = parallels;
  const stockOnly = listing === "stock-only";
  const total = parallels.parallelPlaces + parallels.stockOnlyPlaces;
  const pager = (
    <PaginationNav
      label={stockOnly ? "Pages of places sharing only stock phrases" : "Pages of places"}
      noun={parallels.listed === 1 ? "place" : "places"}
      page={parallels.page}
      pageSize={parallels.pageSize}
      total={parallels.listed}
      hrefFor={(page) => parallelsHref(document.slug, block.anchor, { page, pageSize: parallels.pageSize, stockOnly })}
      testId="parallels-pagination"
    />
  );
  const list = (
    // Plain elements and links, written as static markup (Unhydrated): a page of 25 places is some four
    // hundred elements that React would otherwise send again in the page's RSC payload and hydrate, though
    // nothing in them changes in the browser.
    <Unhydrated>
      {/* Under the stock listing's own heading, or the page's. */}
      <Groups groups={parallels.groups} from={parallels} Heading={stockOnly ? "h3" : "h2"} />
    </Unhydrated>
  );
  const stockPhrases =
    parallels.stockPhrases.length === 0 ? null : (
      <section className="mt-10" aria-labelledby="stock-phrases" data-testid="stock-phrases">
        <h2 id="stock-phrases" className="font-serif text-xl font-semibold" lang="en">
          Stock phrases
        </h2>
        <p className="mt-2 text-sm" lang="en">
          Words of this {KIND_NAMES[block.kind]} held by at least {parallels.stockFrom} of the corpus&apos;s {parallels.corpusSize} essays: set phrases of the genre rather
          than a quotation linking two arguments.
        </p>
        <Unhydrated>
          <ul className="mt-3 space-y-3">
            {parallels.stockPhrases.map((phrase) => (
              <StockPhraseItem key={`${phrase.start}-${phrase.end}`} phrase={phrase} from={parallels} />
            ))}
          </ul>
        </Unhydrated>
        {!stockOnly && parallels.stockOnlyPlaces > 0 ? (
          <p className="mt-4 text-sm" lang="en">
            <Link href={parallelsHref(document.slug, block.anchor, { stockOnly: true })} className="underline underline-offset-2" data-testid="stock-only-link">
              List the {places(parallels.stockOnlyPlaces)} sharing only stock phrases
            </Link>
          </p>
        ) : null}
      </section>
    );
  return (
    <div className="mx-auto max-w-4xl px-4 py-10" data-testid="parallels" data-listing={listing}>
      <p className="text-sm text-muted dark:text-night-muted">
        <Link href={blockHref(document.slug, block.anchor)} className="underline underline-offset-2" lang="zh-Hans">
          {document.title}
        </Link>{" "}
        <span lang="en">· {KIND_NAMES[block.kind]}</span>
      </p>
      <h1 className="mt-1 font-serif text-2xl font-semibold" lang="en">
        Parallels <span lang="zh-Hans">· 互见</span>
      </h1>
      <blockquote className="mt-4 border-l-4 border-rule pl-4 font-serif leading-relaxed dark:border-night-rule" lang="zh-Hans">
        <Marked text={block.text} ranges={parallels.shared} />
      </blockquote>
      <p className="mt-4 text-sm" lang="en" data-testid="parallels-summary" data-parallel-places={parallels.parallelPlaces} data-stock-only-places={parallels.stockOnlyPlaces}>
        {total === 0
          ? "No other place in the corpus shares a passage with this one."
          : `${places(total)} elsewhere in the corpus ${total === 1 ? "shares" : "share"} words with it (at least 12 Chinese characters in a row)` +
            (parallels.stockOnlyPlaces === 0
              ? "."
              : `: ${parallels.parallelPlaces} more than stock phrases, ${parallels.stockOnlyPlaces} only stock phrases.`)}
      </p>
      {stockOnly ? (
        <>
          {stockPhrases}
          <section className="mt-10" aria-labelledby="stock-only-places">
            <h2 id="stock-only-places" className="font-serif text-xl font-semibold" lang="en">
              Places sharing only stock phrases
            </h2>
            <p className="mt-2 text-sm" lang="en">
              <Link href={parallelsHref(document.slug, block.anchor)} className="underline underline-offset-2" data-testid="parallels-link">
                {parallels.parallelPlaces === 0 ? "Back to the parallels" : `Back to the ${places(parallels.parallelPlaces)} sharing more than stock phrases`}
              </Link>
            </p>
            {list}
            {pager}
          </section>
        </>
      ) : (
        <>
          {parallels.listed > 0 || parallels.page > 1 ? (
            <>
              {list}
              {pager}
            </>
          ) : null}
          {stockPhrases}
        </>
      )}
    </div>
  );
}
