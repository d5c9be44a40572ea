import type { Attachment, IngestWarning, SourceLines } from "@/lib/model/document-model";
import type { BodyMarker } from "./build-body";
import { parseMarkerLabel } from "./find-markers";
import { matchHeading } from "./match-heading";
import { compactText, findUrlSpans, normaliseText } from "./normalise-text";
import { continuesNote, goesOnInLatin, isGloss, joinReadsAsOneCitation, stopsOnAddressQuery, type NoteSegment } from "./split-notes";

/**
 * `www.` opens a host: no address goes on after a dot with it (the label before a host's `www.` would have to be
 * part of the same host, as in `cn.www.`, which no site uses), so a text opening with it starts an address of its own.
 */
const OPENS_HOST = /^www\./iu;

/**
 * Note texts → the body markers they belong to, decided over the whole document. In extracted text a
 * page's note area follows that page's body, and labels restart on every page, so the markers an area
 * can serve are those standing between the previous area and this one, after the last label reset (a
 * marker numbered no higher than the one before it opens a new page). That holds even where the
 * layout stage missed a page break (a page whose notes were all lost leaves no area behind). Inside
 * its page a labelled note goes to its label; unlabelled notes go in order when texts and markers
 * agree one for one; when texts were lost, survivors are attached only where the structure settles it
 * (a 即 gloss and the page's one marker after a term, or order between notes so placed). What a survivor
 * shares with the sentence before a marker is only ever a suggestion, shown to an editor: an essay names
 * works, authors and dates in passing. Everything else stays an unattached fragment with the markers it
 * could belong to: an unattached note is honest, a wrong one is a defect.
 */

export interface PlacedNote {
  segment: NoteSegment;
  attachment: Attachment;
}

export interface UnplacedNote {
  segment: NoteSegment;
  /** Labels of the markers it could belong to. */
  candidates: string[];
  reason: string;
}

/** One page's note area as the layout stage found it. */
export interface NoteArea {
  page: number;
  /** First and last source line of the area (label list included). */
  firstLine: number;
  lastLine: number;
  segments: NoteSegment[];
  /** The bare label list printed in the area, when there is one. */
  list: ReadonlyArray<{ label: string; lineNo: number }>;
}

export interface MatchResult {
  /** Keyed by index into the document's body markers. */
  placed: Map<number, PlacedNote>;
  fragments: UnplacedNote[];
  /** Markers whose page has unattached note texts that may be theirs (index into body markers). */
  unlocated: Set<number>;
  /** The page each marker was printed on, as the matching reads it (label resets included). */
  pageOf: Map<number, number>;
  warnings: IngestWarning[];
}

/** Minimum lead (in shared-feature weight) the chosen alignment must have over any alternative for a note. */
export const PLACEMENT_MARGIN = 1.5;

/**
 * Confidence of each kind of evidence. A printed label is the page's own statement; a label list and
 * texts that agree one for one, or as many texts as markers, rest on the note boundaries being right;
 * wording rests on shared words. Below UNCERTAIN_BELOW the reader says "attachment uncertain".
 */
const CONFIDENCE = {
  label: 1,
  list: 0.95,
  order: 0.9,
  orderWeakSplit: 0.7,
  orderDoubtfulSplit: 0.7,
  truncatedByOrder: 0.8,
  gloss: 0.85,
  orderBetweenPlaced: 0.8,
} as const;
export const UNCERTAIN_BELOW = 0.8;

function attachment(how: Attachment["how"], confidence: number, evidence: string): Attachment {
  return { how, confidence, uncertain: confidence < UNCERTAIN_BELOW, evidence };
}

interface MarkerRef {
  marker: BodyMarker;
  index: number;
}

export function matchNotes(markers: readonly BodyMarker[], inputAreas: readonly NoteArea[], bodyTexts: readonly string[] = []): MatchResult {
  const rarity = sentenceFrequency(bodyTexts);
  const result: MatchResult = { placed: new Map(), fragments: [], unlocated: new Set(), pageOf: new Map(), warnings: [] };
  const areas = inputAreas
    .filter((area) => area.segments.length > 0 || area.list.length > 0)
    .map((area) => ({ ...area, segments: [...area.segments] }))
    .sort((a, b) => a.firstLine - b.firstLine);
  const refs: MarkerRef[] = markers.map((marker, index) => ({ marker, index })).sort((a, b) => a.marker.lineNo - b.marker.lineNo || a.index - b.index);
  for (const { marker, index } of refs) result.pageOf.set(index, marker.page);

  let cursor = 0;
  let previousLast: NoteSegment | null = null;
  /**
   * A page whose notes were printed but not found as notes (a label list standing alone, or a skipped page the note
   * before ran over to), right before the area being placed: its last note may open that area.
   */
  let unseenNotesOn: number | null = null;
  /** The layout page of the area before. */
  let previousPage: number | null = null;
  const cited = new CitedTitles();
  const sites = new CitedSites(areas.flatMap((area) => area.segments.map((segment) => segment.text)));
  for (const area of areas) {
    const span: MarkerRef[] = [];
    while (cursor < refs.length && refs[cursor]!.marker.lineNo < area.firstLine) span.push(refs[cursor++]!);
    const pages = splitAtResets(span);
    const own = pages[pages.length - 1] ?? [];
    // Pages before the last in the span printed markers but left no note area: their notes are lost.
    // The layout may have counted them as one page; report each marker on the page its labels say.
    reportPages(area, pages, result);
    checkSequence(area.page, own.map(({ marker }) => marker), result.warnings);
    if (area.list.length > 0 && area.list.length !== own.length) {
      result.warnings.push({
        code: "marker-list-mismatch",
        message: `Page ${area.page}: the note area's label list shows ${area.list.map((m) => m.label).join("")} but the page's markers are ${own.map(({ marker }) => marker.label).join("") || "none"}.`,
        sourceLines: [area.list[0]!.lineNo, area.list[area.list.length - 1]!.lineNo],
      });
    }
    // A note runs over to the foot of the next page only. When the labels restart between the two areas, a page
    // that printed markers stands between them with its note area lost (or read as body): the previous area's last
    // note cannot go on here, whatever this area opens with.
    // So does a page of the layout's own between the two areas that printed markers: the note ran over to the foot of
    // that page, whose note area was lost or read as body (issue 11: invented 85000285, both styles, a dev range, where a
    // note cut on a comma took the address heading the notes two pages on, the rest of that next page's own last note).
    const between = previousPage === null ? undefined : span.find(({ marker }) => marker.page > previousPage! && marker.page < area.page);
    const skipped = pages.length > 1 ? pages[pages.length - 2]![0]!.marker.page : between?.marker.page;
    if (skipped !== undefined) {
      // When the note before ran over, the skipped page printed notes (its rest at least) that were not found as notes:
      // its own last note may run over to this area's head as well.
      if (previousLast !== null && !previousLast.complete && !previousLast.stopsMidLine) unseenNotesOn ??= skipped;
      previousLast = null;
    }
    previousPage = area.page;
    previousLast = placeArea(area, own, previousLast, unseenNotesOn, result, rarity, cited, sites);
    for (const segment of area.segments) cited.add(segment.text);
    // A label list with no text after it: the page printed its notes and none was found. A note running over from the
    // page before went on at the head of those notes, not at the next page's: it stops here. When the note before
    // stopped unfinished (not far short of the margin: it ran over), that page's notes were printed, the carried-over
    // rest at least, and not found as notes (read as body): its own last note may have run over to the next area's head
    // as well (issue 11: invented 65000766, a dev range, where a note cut on a comma was joined to the next-but-one
    // page's carried-over address). A note before that finished says nothing of the sort: the page's notes are as
    // likely lost with their run-over, and the next area's start-less head is its own first note that lost its start.
    if (area.segments.length === 0 && area.list.length > 0) {
      unseenNotesOn = previousLast !== null && !previousLast.complete && !previousLast.stopsMidLine ? area.page : null;
      previousLast = null;
    } else unseenNotesOn = null;
  }

  return result;
}

/** Markers of one span split into printed pages: a label numbered no higher than the one before it starts a page. */
function splitAtResets(span: readonly MarkerRef[]): MarkerRef[][] {
  const pages: MarkerRef[][] = [];
  let previous = Number.POSITIVE_INFINITY;
  for (const ref of span) {
    if (ref.marker.number <= previous) pages.push([]);
    pages[pages.length - 1]!.push(ref);
    previous = ref.marker.number;
  }
  return pages;
}

function reportPages(area: NoteArea, pages: readonly MarkerRef[][], result: MatchResult): void {
  if (pages.length <= 1) return;
  const first = pages[0]![0]!.marker;
  const last = pages[pages.length - 1]!;
  const layoutPages = new Set(pages.flat().map(({ marker }) => marker.page));
  if (layoutPages.size < pages.length) {
    result.warnings.push({
      code: "page-break-from-labels",
      message: `Before the note area of page ${area.page}, the markers restart ${pages.length - 1} time(s) (${pages.map((p) => p.map(({ marker }) => marker.label).join("")).join(" | ")}): the area serves only the last run, ${last.map(({ marker }) => marker.label).join("")}.`,
      sourceLines: [first.lineNo, last[last.length - 1]!.marker.lineNo],
    });
  }
}

/**
 * One area's note texts → its page's markers. Returns the last note text of the area (a note that runs
 * over continues at the head of the next area).
 */
function placeArea(
  area: NoteArea,
  own: readonly MarkerRef[],
  previousLast: NoteSegment | null,
  unseenNotesOn: number | null,
  result: MatchResult,
  rarity: SentenceFrequency,
  cited: CitedTitles,
  sites: CitedSites,
): NoteSegment | null {
  const segments = area.segments;
  const page = area.page;
  if (segments.length === 0) return previousLast;
  const labelled = segments.some((s) => s.label !== null);
  let rest = segments;

  // After a page whose notes were printed but not found as notes, a head that opens mid-sentence may be that page's
  // last note running over as well as a note of this page that lost its start: neither is settled. The texts
  // after it are placed as usual (if it were this page's own, they would be fewer than the markers).
  const firstText = segments[0]!;
  if (unseenNotesOn !== null && firstText.label === null && !firstText.startsLikeNote) {
    unplaced(
      result,
      firstText,
      own.slice(0, 1).map(({ marker }) => marker.label),
      `Page ${page}: the note area opens mid-sentence after page ${unseenNotesOn}, whose note texts were not found as notes (the note before ran over to them); it may be the end of that page's last note or the start-less text of ${own[0]?.marker.label ?? "this page's first marker"}; left unattached.`,
    );
    rest = segments.slice(1);
    if (rest.length === 0) {
      markUnlocated(own, result, page);
      return firstText;
    }
    if (labelled) placeLabelled(page, rest, own, result);
    else placeUnlabelled(area, rest, own, result, rarity);
    return rest[rest.length - 1]!;
  }

  // The head of the area continues the previous area's last note when it starts mid-sentence and that
  // note stopped unfinished: a note running over is the one explanation that needs no lost text.
  const head = segments[0]!;
  // A note's last line left short by less than the unbreakable start of the web address heading this area
  // (`http://example`) was full: the address did not fit and moved on whole, to the next page. The line is short
  // because of what follows it, not because its note lost its end there (issue 11: corpus-001 circled 41000057, a dev
  // range, where a line ending on a date 4 em short and the next page's address were left apart).
  const addressMovedOn = previousLast !== null && !previousLast.stopsMidLine && head.openingAddressWidth > previousLast.mostRoomLeft;
  const previousAtMargin = previousLast !== null && (previousLast.endsAtMargin || addressMovedOn);
  const previousFull = previousLast !== null && (previousLast.endsFull || addressMovedOn);
  // A note whose last line left room for what the head opens with (and for the characters line-breaking rules carry
  // down) did not run over to it: a note runs over from a full line only, so it lost its end in extraction, and the
  // head is a text of this page (issue 11: invented circled 113000722, a dev range, where `…，山` two thirds across the
  // line left the next page's three texts for three markers unattached).
  const leftRoomForHead = previousLast !== null && previousLast.leastRoomLeft > head.openingWidth + LINE_BREAK_CARRY;
  // A note cut at the margin on a comma or colon is cut mid-sentence: the head goes on with it, whatever it opens with.
  const cutMidClause = previousLast !== null && previousAtMargin && /[，、：；,:;]$/u.test(previousLast.text);
  // An English citation cut mid-phrase (widths of Latin text are only estimated) goes on in Latin text
  // that does not open a citation of its own (`Author, “Title,”`).
  // A phrase left on a function word (`… on Trade and`) goes on whatever follows.
  // A title closed on a comma (`…Public Interest,”`) is cut before what it is part of, as a comma is.
  const latinCarry = previousLast !== null && goesOnInLatin(previousLast.text, head.text);
  // The note before stopped inside a web address and the head is its rest (continuesAddress).
  const urlCarry = previousLast !== null && continuesAddress(previousLast.text, head.text);
  const headMayContinue =
    head.label === null && previousLast !== null && (!previousLast.complete || urlCarry) && (cutMidClause || latinCarry || urlCarry || continuesNote(previousLast.text, head.text));
  // The page's own notes are all there without the head (as many unlabelled texts as markers, or a note
  // labelled with the page's first label): the head can only be the end of the note before.
  const rest0 = segments.slice(1);
  const ownWithoutHead = labelled
    ? rest0.some((s) => s.label !== null && parseMarkerLabel(s.label)?.number === own[0]?.marker.number)
    : rest0.length === own.length && rest0.every((s) => s.startsLikeNote);
  // A note cut at the margin looks the same whether it runs over or lost its end: joined at the margin only
  // where the join reads as one citation (issue 11: `…，在` took another note's tail `致辞（摘要）》。`).
  const readsAsOne = previousLast !== null && previousAtMargin && joinReadsAsOneCitation(previousLast.text, head.text);
  // A site name the join would make up, where the cut text began one the document cites: the head is another note's tail.
  const madeUpSite = readsAsOne && sites.joinMakesUpSite(previousLast.text, head.text);
  const marginJoin = readsAsOne && !cited.recitedNotContinued(previousLast.text, head.text) && !madeUpSite;
  // A last line short of the measure by more than one tolerance and less than two may be full (the widths misjudged)
  // or may have stopped where its note lost its end; a head that reads as its rest may then as well be a note of this
  // page that lost its start (`…《某报告》，某某` + `网站，2022年11月7日，http://…。`: both halves of two cut citations).
  // When this page's texts without the head are fewer than its markers, the head may be its own first note, and
  // neither reading is settled: it is left unattached with the texts after it (issue 11: corpus-001 circled 57000014,
  // a dev range, where the join attached a second citation's surviving tail to a first one cut 2.5 em short).
  const headMayBeOwn = !ownWithoutHead && own.length > 0 && (labelled || rest0.length < own.length);
  const marginUndecided = marginJoin && !previousFull && headMayBeOwn && !latinCarry && !urlCarry;
  if (headMayContinue && !marginUndecided && (marginJoin || ownWithoutHead || latinCarry || urlCarry)) {
    joinContinuation(previousLast, head, result.warnings, page);
    rest = segments.slice(1);
    // The carried text was ended at a sentence that only happens to close at the margin: the text after it
    // may be its rest as well as a note of this page that lost its start, and the order of the rest rests on it.
    if (head.end === "carried" && rest.length > 0 && rest[0]!.label === null) {
      const doubtful = rest[0]!;
      unplaced(
        result,
        doubtful,
        own.slice(0, 1).map(({ marker }) => marker.label),
        `Page ${page}: the note carried over from the page before may go on in the text at lines ${linesText(doubtful)}, or that text is the start-less note of ${own[0]?.marker.label ?? "this page's first marker"}; left unattached.`,
      );
      rest = rest.slice(1);
      if (!rest.some((s) => s.label !== null)) {
        for (const segment of rest) unplaced(result, segment, own.map(({ marker }) => marker.label), `Page ${page}: the note texts after an uncertain text cannot be matched to markers by their order; left unattached.`);
        markUnlocated(own, result, page);
        return rest[rest.length - 1] ?? doubtful;
      }
    }
  } else if (headMayContinue && !previousLast.stopsMidLine && !leftRoomForHead) {
    // The note before stopped unfinished and this text starts mid-sentence: it is the lost end, or a note that
    // lost its start. Neither it nor the order of the texts after it can be trusted. Not when the note before
    // stopped far short of the margin: a note runs over from a full line, so that one lost its end in extraction,
    // and this text is a note of this page that lost its start (issue 11: invented circled 41000189, a dev range,
    // where `同` at the foot of a page left all nine texts of the next page unattached).
    const ownFirst = own[0]?.marker.label ?? "this page's first note";
    unplaced(
      result,
      head,
      own.slice(0, 1).map(({ marker }) => marker.label),
      marginUndecided
        ? `Page ${page}: the note area opens with a text that reads as the rest of the note before, which stopped a little short of the margin (full or cut, the widths do not tell); it may be that note's end or the start-less text of ${ownFirst}; left unattached.`
        : madeUpSite
          ? `Page ${page}: the note area opens with the tail of a site name, a date and an address, after a note cut inside a site's name, where the cut part begins or the tail ends a site the document cites elsewhere (${sites.namesAround(previousLast.text, head.text)}); joined, they would name a site the document never cites, so it may be that note's end or the start-less text of ${ownFirst}; left unattached.`
          : `Page ${page}: the note area opens mid-sentence after a note that stopped mid-line; it may be that note's end or the start-less text of ${ownFirst}; left unattached.`,
    );
    rest = segments.slice(1);
    if (!rest.some((s) => s.label !== null)) {
      for (const segment of rest) unplaced(result, segment, own.map(({ marker }) => marker.label), `Page ${page}: the note texts after an uncertain first text cannot be matched to markers by their order; left unattached.`);
      markUnlocated(own, result, page);
      return rest[rest.length - 1] ?? head;
    }
  }
  const last = rest[rest.length - 1] ?? previousLast;

  if (labelled) {
    placeLabelled(page, rest, own, result);
    return last;
  }
  placeUnlabelled(area, rest, own, result, rarity);
  return last;
}

/**
 * How much of a line, in em, line-breaking rules may leave empty before its note runs over: a closing mark never opens
 * a line and an opening one never ends one, so a typesetter carries the character before a closing mark, or an
 * opening mark with the character after it, down to the next line.
 */
const LINE_BREAK_CARRY = 2;

/**
 * A title's closing part shorter than this says nothing about which work it closes: many titles end in `报告》`,
 * `白皮书》` or `讲话》`; six characters (`致辞（摘要）》`) are a phrase of one title.
 */
const MIN_RECITED_TITLE_TAIL = 6;

/**
 * The titles (《…》) cited in the note texts read so far. A head that closes a title the note before left open joins
 * it as one citation; but when the title so joined was never cited while the head alone ends like a title cited
 * earlier, the head is that work cited again in short form, a note of its own whose start was lost (issue 11:
 * `…在某某大会上的` + `某某论坛开幕式上的讲话》。`, the second a title cited on an earlier page).
 */
class CitedTitles {
  private readonly titles = new Set<string>();

  add(text: string): void {
    for (const m of text.matchAll(/《([^《》]+)》/gu)) this.titles.add(m[1]!);
  }

  recitedNotContinued(previous: string, head: string): boolean {
    const open = previous.lastIndexOf("《");
    const close = head.indexOf("》");
    if (open === -1 || close === -1 || previous.indexOf("》", open) !== -1) return false;
    const tail = head.slice(0, close);
    if (Array.from(tail).length < MIN_RECITED_TITLE_TAIL) return false;
    const joined = previous.slice(open + 1) + tail;
    const titles = [...this.titles];
    return !titles.includes(joined) && titles.some((title) => title.endsWith(tail) && title !== tail);
  }
}

/** Characters a site or publisher's name is made of: no punctuation, bracket or space (a name is one field of a citation). */
const SITE_NAME_CHAR = "[^，,。；;《》〈〉“”\"()（）\\s]";
/**
 * The longest name read as a site's: a ministry's or an institute's site name (`某某部新闻办公室网站`) runs to a dozen
 * characters at most; twice that keeps a clause of comment before a date from being taken for one.
 */
const MAX_SITE_NAME_CHARS = 24;
/** A site or publisher named between commas before a date with its month (`…》，某某政府网，2022年7月12日，…`); two characters at least. */
const SITE_BEFORE_DATE = new RegExp(`[，,](${SITE_NAME_CHAR}{2,${MAX_SITE_NAME_CHARS}})[，,]\\s*\\d{4}年\\d{1,2}月`, "gu");
/** What a cut note's last field holds after its last comma: the start of a site name (no digit: no date or number in it). */
const CUT_SITE_START = new RegExp(`[，,]((?:(?!\\d)${SITE_NAME_CHAR})+)$`, "u");
/** The rest of a site name heading a text, then the date it was published or read (`府网，2020年3月5日，…`). */
const SITE_REST_BEFORE_DATE = new RegExp(`^((?:(?!\\d)${SITE_NAME_CHAR})+)[，,]\\s*\\d{4}年\\d{1,2}月`, "u");

/**
 * The sites and publishers the document's note texts name before a date. A note cut at the margin inside a site name
 * (`…》，某某政`) and a head opening with the rest of a name, a date and an address (`某网，2019年5月8日，http://…`) read
 * as one citation by their fields alone; but a page's first note that lost its start with its label opens the same way.
 * When the name so joined is cited nowhere in the document while the cut part begins a name it does cite, or the head's
 * part ends one, the join makes up a site and the head is the tail of another citation (issue 11: corpus-001 bracket
 * 121000162, a range the parser was never tuned to, where the cut start of a government site's name and the tail of a
 * news site's became one note running over the page; corpus-001 bracket 161000093, another, where the cut site was
 * cited in that note alone and the head's part ended a site cited on other pages). Neither reading is then settled,
 * and the head is left unattached.
 */
class CitedSites {
  private readonly names: string[];

  constructor(texts: readonly string[]) {
    const names = new Set<string>();
    for (const text of texts) for (const m of text.matchAll(SITE_BEFORE_DATE)) names.add(m[1]!);
    this.names = [...names];
  }

  /** The cited site names that begin with the cut text's last field (`start`, when it has one), longer than it. */
  private completions(start: string | undefined): string[] {
    if (start === undefined) return [];
    return this.names.filter((name) => name.startsWith(start) && name.length > start.length);
  }

  /** The cited site names that end with the head's first field (`rest`, when it has one), longer than it. */
  private endings(rest: string | undefined): string[] {
    if (rest === undefined) return [];
    return this.names.filter((name) => name.endsWith(rest) && name.length > rest.length);
  }

  /** The cited names the cut text's last field begins and the head's first field ends, for a warning. */
  namesAround(previous: string, head: string): string {
    return [...new Set([...this.completions(CUT_SITE_START.exec(previous)?.[1]), ...this.endings(SITE_REST_BEFORE_DATE.exec(head)?.[1])])].join("、");
  }

  joinMakesUpSite(previous: string, head: string): boolean {
    const start = CUT_SITE_START.exec(previous)?.[1];
    const rest = SITE_REST_BEFORE_DATE.exec(head)?.[1];
    if (start === undefined || rest === undefined) return false;
    return !this.names.includes(start + rest) && (this.completions(start).length > 0 || this.endings(rest).length > 0);
  }
}

/**
 * `head` goes on with the web address `previous` stopped inside. One broken after a dot (`…www.example.` +
 * `gov.cn/some_path…`) reads as a finished sentence. So is one cut anywhere when the head is nothing but the rest of
 * an address (`pdf。`, `_17361.pdf。`, `htm?id=1234567。`, `publications/some-report/.`): no note consists of a file
 * ending, a query or an address path alone. One stopped on the `?` of its query goes on in that query's `key=value`
 * pairs (issue 11: corpus-001 45000158 and 45000085, a dev range, where the query became a note of its own). A head
 * opening a host of its own (`www.…`) goes on only after a bare scheme (`…https://`): after any other part of an
 * address it is another address (issue 11: corpus-001 circled 89000039, where two became one).
 */
export function continuesAddress(previous: string, head: string): boolean {
  return (
    !(OPENS_HOST.test(head) && !/:\/\/$/u.test(previous)) &&
    ((/[A-Za-z0-9]\.$/u.test(previous) && /^[a-z0-9][\w\-]*[./]/u.test(head)) ||
      (stopsOnAddressQuery(previous) && isQueryRest(head)) ||
      (endsInsideAddress(previous) &&
        (/^[\w\-./]*(?:s?html?|pdf|aspx?|php|jsp)(?:\?[\w\-.=&%#~]*)?[。.]?$/iu.test(head) ||
          isAddressPath(head) ||
          (/\/$/u.test(previous) && isPathSegment(head)))))
  );
}

/**
 * One segment of an address path and nothing else (`annual-trade-review-2019.`): after a note that stopped on a
 * slash inside an address it is that address's end (issue 11: a layout of the dev range).
 */
function isPathSegment(text: string): boolean {
  return /^[A-Za-z0-9_\-.?=&%#~]*[A-Za-z0-9_\-][A-Za-z0-9_\-.?=&%#~]*[。.]?$/u.test(text) && /[A-Za-z]/u.test(text);
}

/** The query string of a web address and nothing else: `key=value` pairs joined by `&`, at most a full stop after them. */
function isQueryRest(text: string): boolean {
  return /^[\w\-.%~]+=[\w\-.%~]*(?:&[\w\-.%~]+=[\w\-.%~]*)*(?:#[\w\-.]*)?[。.]?$/u.test(text);
}

/** The rest of a web address and nothing else: a path with a slash, no scheme or host of its own, at most a full stop after it. */
function isAddressPath(text: string): boolean {
  return !/^(?:https?:|www\.)/iu.test(text) && /^[\w\-.?=&%#~]*\/[\w\-./?=&%#~]*[。.]?$/u.test(text);
}

/**
 * The text stops inside a web address: on an address character, or on a dot that ends no file name
 * (`…/brief_17361.`, where `…/report.pdf.` is a finished address and sentence).
 */
function endsInsideAddress(text: string): boolean {
  // Nothing of the address but its scheme or `www.` (`…, 2014, https://`).
  if (/(?:https?:\/{0,2}|www\.)$/iu.test(text)) return true;
  if (/https?:\/\/\S*[A-Za-z0-9/_\-=?&%#~]$/u.test(text)) return true;
  return /https?:\/\/\S*\.$/u.test(text) && !/\.(?:s?html?|pdf|aspx?|php|jsp)\.$/iu.test(text);
}

function joinContinuation(previous: NoteSegment, head: NoteSegment, warnings: IngestWarning[], page: number): void {
  previous.lines = [...previous.lines, ...head.lines];
  previous.rawLines = [...previous.rawLines, ...head.rawLines];
  previous.text = normaliseText(previous.rawLines.join("\n"));
  // The joined note ends where the head ends: whether it runs over again is read from the head's last line, not from
  // the line that ran over (a note cut at the margin whose rest stops mid-line on the next page does not go on to a third).
  previous.complete = head.complete;
  previous.end = head.end;
  previous.endsAtMargin = head.endsAtMargin;
  previous.endsFull = head.endsFull;
  previous.stopsMidLine = head.stopsMidLine;
  previous.mostRoomLeft = head.mostRoomLeft;
  previous.leastRoomLeft = head.leastRoomLeft;
  warnings.push({
    code: "note-continued",
    message: `The note area of page ${page} opens with the end of the last note of the page before; joined to it.`,
    sourceLines: [head.lines[0]!.lineNo, head.lines[head.lines.length - 1]!.lineNo],
  });
}

/**
 * A page whose notes start with their labels. An unlabelled text there is a note whose first line (and
 * label) was lost: it belongs to a marker numbered between the labelled notes around it, and is attached
 * only when exactly one such marker is free.
 */
function placeLabelled(page: number, segments: readonly NoteSegment[], own: readonly MarkerRef[], result: MatchResult): void {
  const taken = new Set<number>();
  const numberOf = (segment: NoteSegment) => (segment.label === null ? null : (parseMarkerLabel(segment.label)?.number ?? null));
  for (const segment of segments) {
    const number = numberOf(segment);
    if (number === null) continue;
    const target = [...own].reverse().find(({ marker, index }) => marker.number === number && !taken.has(index));
    if (target) {
      taken.add(target.index);
      result.placed.set(target.index, { segment, attachment: attachment("label", CONFIDENCE.label, `printed with its label ${segment.label} (lines ${linesText(segment)})`) });
    } else {
      unplaced(result, segment, [], `Page ${page}: the note labelled ${segment.label} has no marker ${segment.label} on its page.`);
    }
  }
  // Unlabelled texts come in runs between labelled notes (or after the last one). A run goes to the free
  // markers numbered between its labelled neighbours when there are exactly as many of them as texts, in
  // order; after the last label only texts that finish as notes do (what follows a page's notes unfinished
  // may be anything the extraction left there).
  let k = 0;
  while (k < segments.length) {
    if (segments[k]!.label !== null) {
      k += 1;
      continue;
    }
    let end = k;
    while (end < segments.length && segments[end]!.label === null) end += 1;
    const run = segments.slice(k, end);
    const below = segments.slice(0, k).map(numberOf).filter((n): n is number => n !== null);
    const above = segments.slice(end).map(numberOf).filter((n): n is number => n !== null);
    const low = below.length > 0 ? Math.max(...below) : 0;
    const high = above.length > 0 ? Math.min(...above) : Number.POSITIVE_INFINITY;
    const free = own.filter(({ marker, index }) => marker.number > low && marker.number < high && !taken.has(index));
    const closed = Number.isFinite(high) || run.every((segment) => segment.complete);
    if (run.some(readsAsHeading)) {
      for (const segment of run) unplaced(result, segment, free.map(({ marker }) => marker.label), headingReason(page, run));
    } else if (k > 0 && segments[k - 1]!.end === "doubtful") {
      // The labelled note before stopped at (or, with a later label missing, short of) the margin without finishing, and
      // these texts may be its rest (see splitNoteArea).
      const before = segments[k - 1]!;
      for (const segment of run) {
        unplaced(
          result,
          segment,
          free.map(({ marker }) => marker.label),
          `Page ${page}: the text at line${linesText(segment).includes("–") ? "s" : ""} ${linesText(segment)} may be the rest of the note ${before.label === null ? "before it" : `labelled ${before.label}`} (${before.endsFull ? "its line ends at the margin" : "its line stops short of the margin unfinished"}) or a note that lost its label with its first line (${free.map(({ marker }) => marker.label).join("、") || "no free marker"}); left unattached.`,
        );
      }
    } else if (free.length === run.length && closed) {
      run.forEach((segment, r) => {
        const { index, marker } = free[r]!;
        taken.add(index);
        const between = `between the notes ${low > 0 ? `labelled ${labelOfNumber(own, low)}` : "at the head of the area"} and ${Number.isFinite(high) ? `labelled ${labelOfNumber(own, high)}` : "the end of the area"}`;
        result.placed.set(index, {
          segment,
          attachment: attachment(
            "order",
            CONFIDENCE.truncatedByOrder,
            run.length === 1
              ? `its label was lost with its first line; it stands ${between}, and only ${marker.label} is free there`
              : `its label was lost with its first line; ${run.length} unlabelled texts stand ${between}, where ${free.map((f) => f.marker.label).join("")} are free, in order`,
          ),
        });
      });
    } else {
      for (const segment of run) {
        unplaced(result, segment, free.map(({ marker }) => marker.label), `Page ${page}: a note text without its label (its start was lost) could belong to ${free.map(({ marker }) => marker.label).join("、") || "no free marker"}; left unattached.`);
      }
    }
    k = end;
  }
  markUnlocated(own, result, page);
}

function labelOfNumber(own: readonly MarkerRef[], number: number): string {
  return own.find(({ marker }) => marker.number === number)?.marker.label ?? String(number);
}

function placeUnlabelled(area: NoteArea, texts: readonly NoteSegment[], own: readonly MarkerRef[], result: MatchResult, rarity: SentenceFrequency): void {
  const page = area.page;
  if (texts.length === 0) return;
  if (texts.some(readsAsHeading)) {
    for (const segment of texts) unplaced(result, segment, own.map(({ marker }) => marker.label), headingReason(page, texts));
    markUnlocated(own, result, page);
    return;
  }
  // A text in the middle of the area that starts mid-sentence is a note that lost its start, or the rest
  // of the text before it wrongly cut off; a text that stops short mid-sentence lost its end, or its rest
  // was cut off: either way the order of the texts no longer tells their markers.
  const orderHolds = texts.slice(1).every((segment) => segment.startsLikeNote) && texts.slice(0, -1).every((segment) => segment.end !== "cut");
  if (texts.length === own.length && !orderHolds) {
    // As many texts as markers, but a boundary is in doubt (a text opens mid-sentence or stops short): the
    // order is still the likeliest reading, and is given as uncertain, naming the doubtful texts.
    const doubtful = texts.filter((segment, k) => (k > 0 && !segment.startsLikeNote) || (k < texts.length - 1 && segment.end === "cut"));
    const evidence =
      `${texts.length} note texts for the page's ${own.length} markers, in order; uncertain: ` +
      doubtful.map((segment) => `the text at line${linesText(segment).includes("–") ? "s" : ""} ${linesText(segment)} ${segment.startsLikeNote ? "stops short" : "opens mid-sentence"}`).join(", ") +
      " (its start or end may have been lost, or a note boundary misread)";
    texts.forEach((segment, k) => result.placed.set(own[k]!.index, { segment, attachment: attachment("order", CONFIDENCE.orderDoubtfulSplit, evidence) }));
    return;
  }
  if (texts.length === own.length && orderHolds) {
    const weak = texts.slice(0, -1).some((s) => s.end === "weak");
    const listAgrees = area.list.length === own.length && area.list.every((item, k) => item.label === own[k]!.marker.label);
    const how = listAgrees ? "list" : "order";
    const confidence = weak ? CONFIDENCE.orderWeakSplit : listAgrees ? CONFIDENCE.list : CONFIDENCE.order;
    texts.forEach((segment, k) => {
      const evidence = listAgrees
        ? `the page's label list ${area.list.map((m) => m.label).join("")} and its ${texts.length} note texts agree one for one`
        : `${texts.length} note texts for the page's ${own.length} markers, in order`;
      result.placed.set(own[k]!.index, { segment, attachment: attachment(how, confidence, weak ? `${evidence}; a note boundary rests on a sentence ending at the margin` : evidence) });
    });
    return;
  }
  const alignment = alignNotes(
    own.map(({ marker }) => ({ context: marker.context, termPosition: marker.termPosition })),
    texts.map((segment) => ({ text: segment.text, gloss: isGloss(segment.text) })),
    rarity,
  );
  const kept = new Set<number>();
  for (const pair of alignment) {
    const segment = texts[pair.note]!;
    if (!pair.sure || (!orderHolds && !pair.glossed)) continue;
    const { index, marker } = own[pair.marker]!;
    kept.add(pair.note);
    result.placed.set(index, {
      segment,
      attachment: pair.glossed
        ? attachment("wording", CONFIDENCE.gloss, `it glosses a term (即…), and ${marker.label} is the only marker on the page that follows one`)
        : attachment("order", CONFIDENCE.orderBetweenPlaced, `${texts.length} note texts for ${own.length} markers; between notes placed on other evidence, texts and markers agree one for one`),
    });
  }
  texts.forEach((segment, k) => {
    if (kept.has(k)) return;
    const pair = alignment.find((p) => p.note === k);
    const candidates = (pair?.candidates ?? []).map((m) => own[m]!.marker.label);
    const suggestion = pair?.likely ? own[pair.marker]!.marker.label : null;
    const ordered = suggestion === null ? candidates : [suggestion, ...candidates.filter((label) => label !== suggestion)];
    unplaced(
      result,
      segment,
      ordered,
      `Page ${page}: ${texts.length} note texts for ${own.length} markers and nothing in the layout decides which this one belongs to` +
        (suggestion !== null
          ? `; its wording points to ${suggestion} (a date, number or name only that sentence shares with it), which an editor can confirm`
          : ordered.length > 0
            ? ` (could be ${ordered.join("、")})`
            : "") +
        "; left unattached.",
    );
  });
  markUnlocated(own, result, page);
}

/**
 * A text of the note area that reads as a section heading (one or two lines, an enumerator, no sentence end) is
 * body text the layout read into the notes: only the body has headings. It is never attached, and the texts around
 * it are not attached on their count or order, which it upsets (issue 11: invented bracket 33000771, a dev range,
 * where a heading printed first on a page glued to the one before went to that page's marker as its note).
 */
function readsAsHeading(segment: NoteSegment): boolean {
  return segment.label === null && segment.lines.length <= MAX_HEADING_LINES && matchHeading(segment.lines.map((line) => line.raw).join("")) !== null;
}

/** A heading's text is short (match-heading's MAX_HEADING_CHARS): it wraps to two lines at most on the narrowest note measure. */
const MAX_HEADING_LINES = 2;

function headingReason(page: number, texts: readonly NoteSegment[]): string {
  const heading = texts.find(readsAsHeading)!;
  return `Page ${page}: the text at line${linesText(heading).includes("–") ? "s" : ""} ${linesText(heading)} reads as a section heading (only the body has headings), not a note; the page's unlabelled note texts are left unattached.`;
}

/** Markers of a page that left texts unattached, and could be theirs, are "unlocated", not "missing". */
function markUnlocated(own: readonly MarkerRef[], result: MatchResult, page: number): void {
  const labels = new Set(result.fragments.filter((f) => f.segment.page === page).flatMap((f) => f.candidates));
  for (const { marker, index } of own) if (!result.placed.has(index) && labels.has(marker.label)) result.unlocated.add(index);
}

function unplaced(result: MatchResult, segment: NoteSegment, candidates: string[], message: string): void {
  result.fragments.push({ segment, candidates, reason: message });
  result.warnings.push({ code: "note-unplaced", message, sourceLines: linesOf(segment) });
}

function linesText(segment: NoteSegment): string {
  const [from, to] = linesOf(segment);
  return from === to ? String(from) : `${from}–${to}`;
}

export function linesOf(segment: NoteSegment): SourceLines {
  return [segment.lines[0]!.lineNo, segment.lines[segment.lines.length - 1]!.lineNo];
}

function checkSequence(page: number, markers: readonly BodyMarker[], warnings: IngestWarning[]): void {
  const bad = markers.some((marker, k) => marker.number !== k + 1);
  if (!bad || markers.length === 0) return;
  warnings.push({
    code: "marker-sequence",
    message: `Page ${page}: markers read ${markers.map((m) => m.label).join("")}, not 1..n in order.`,
    sourceLines: [markers[0]!.lineNo, markers[markers.length - 1]!.lineNo],
  });
}


export interface AlignMarker {
  context: string;
  termPosition: boolean;
}

export interface AlignNote {
  text: string;
  gloss: boolean;
}

export interface AlignedPair {
  note: number;
  marker: number;
  /** The structure settles it: no other marker can take it, or order between settled neighbours. */
  sure: boolean;
  /** Settled because it glosses a term and only this marker follows one. */
  glossed: boolean;
  /** Not settled, but the wording points here: something only this sentence shares with the note. */
  likely: boolean;
  /** Markers this note goes under in alignments within the margin of the best. */
  candidates: number[];
}

/**
 * Order-preserving alignment of note texts to markers (fewer notes than markers, or more), maximising
 * the weight of features each note shares with its marker's context. Features: Han bigrams, dates
 * (year and month weighted most), longer numbers, Latin words; weighted by rarity among the page's
 * contexts.
 */
export function alignNotes(markers: readonly AlignMarker[], notes: readonly AlignNote[], rarity: SentenceFrequency | null = null): AlignedPair[] {
  const k = notes.length;
  const n = markers.length;
  if (k === 0 || n === 0) return [];
  const contextFeatures = markers.map((m) => features(m.context));
  const pageFrequency = new Map<string, number>();
  for (const fs of contextFeatures) for (const f of fs.keys()) pageFrequency.set(f, (pageFrequency.get(f) ?? 0) + 1);
  const hasTermMarker = markers.some((m) => m.termPosition);
  const termMarkers = markers.filter((m) => m.termPosition).length;

  const sim: number[][] = notes.map((note) => {
    const nf = features(note.text);
    return markers.map((marker, j) => {
      // A 即 gloss explains the term its marker follows.
      if (note.gloss && hasTermMarker && !marker.termPosition) return Number.NEGATIVE_INFINITY;
      let score = 0;
      for (const [f, weight] of nf) {
        if (!contextFeatures[j]!.has(f)) continue;
        // Words the essay repeats in many sentences say nothing about which sentence a note belongs to.
        if (rarity !== null && rarity(f) > RARE_IN_SENTENCES) continue;
        score += weight * Math.log((n + 1) / (pageFrequency.get(f)! + 0.5));
      }
      return score;
    });
  });

  const best = bestAlignment(sim, null);
  if (best === null) return [];
  const noteOf = new Map(best.pairs.map(([note, marker]) => [note, marker]));

  // Competing markers for a note: those it takes in some alignment not far below the best.
  const competitors = (note: number, marker: number): number[] => {
    const out: number[] = [];
    for (let j = 0; j < n; j += 1) {
      if (j === marker) continue;
      const forced = bestAlignmentWith(sim, note, j);
      if (forced && best.score - forced.score < DOMINANT_MARGIN) out.push(j);
    }
    return out;
  };

  // 1. Placements the structure settles: no other marker can take the note at all (a 即 gloss and the
  //    page's one marker after a term). What the wording suggests is only a suggestion: an essay mentions
  //    works, authors and dates in passing, so a shared date or title points at a sentence, not at a note.
  const sure = new Set<number>();
  const glossed = new Set<number>();
  const likely = new Set<number>();
  const candidatesOf = new Map<number, number[]>();
  for (const [note, marker] of best.pairs) {
    const alternative = bestAlignment(sim, [note, marker]);
    const margin = best.score - (alternative?.score ?? Number.NEGATIVE_INFINITY);
    if (margin === Number.POSITIVE_INFINITY) {
      // Only a gloss with the page's one term marker is settled by its own words; any other note that no
      // alignment can move is held there by the count of texts, which is only as good as the note split.
      sure.add(note);
      if (notes[note]!.gloss && termMarkers === 1) glossed.add(note);
      candidatesOf.set(note, [marker]);
      continue;
    }
    const rivals = margin >= DOMINANT_MARGIN ? [] : competitors(note, marker);
    candidatesOf.set(note, [marker, ...rivals].sort((a, b) => a - b));
    if (margin >= PLACEMENT_MARGIN && hasDistinctiveEvidence(notes[note]!.text, markers[marker]!.context, rivals.map((j) => markers[j]!.context))) likely.add(note);
  }
  // 2. Placements the order settles: notes between two settled ones (or the page's ends) that exactly
  //    fill the markers between.
  let changed = true;
  while (changed) {
    changed = false;
    const settled = [...sure].sort((a, b) => a - b);
    const bounds = [-1, ...settled, k];
    for (let g = 0; g + 1 < bounds.length; g += 1) {
      const from = bounds[g]!;
      const to = bounds[g + 1]!;
      const gapNotes = to - from - 1;
      if (gapNotes <= 0) continue;
      const lowMarker = from === -1 ? -1 : noteOf.get(from)!;
      const highMarker = to === k ? n : noteOf.get(to)!;
      if (highMarker - lowMarker - 1 === gapNotes) {
        for (let t = from + 1; t < to; t += 1) {
          sure.add(t);
          candidatesOf.set(t, [noteOf.get(t)!]);
        }
        changed = true;
      }
    }
  }
  return best.pairs.map(([note, marker]) => ({
    note,
    marker,
    sure: sure.has(note),
    glossed: glossed.has(note),
    likely: !sure.has(note) && likely.has(note),
    candidates: candidatesOf.get(note) ?? [marker],
  }));
}

/** In how many of the document's body sentences a feature occurs. */
export type SentenceFrequency = (feature: string) => number;

/**
 * A feature shared by a note and the sentence before a marker counts only when at most this many body
 * sentences hold it: the quoted work, its date or its author's name, not the essay's recurring vocabulary.
 * One: a work named again in a later sentence is as likely the subject of a 同上 there as of this note.
 */
const RARE_IN_SENTENCES = 1;

/** Counts each alignment feature once per body sentence of the document. */
export function sentenceFrequency(bodyTexts: readonly string[]): SentenceFrequency {
  const counts = new Map<string, number>();
  for (const text of bodyTexts) {
    for (const sentence of text.split(/(?<=[。！？!?；;])/u)) {
      for (const f of features(sentence).keys()) counts.set(f, (counts.get(f) ?? 0) + 1);
    }
  }
  return (feature) => counts.get(feature) ?? 0;
}

/** A lead this large in shared-feature weight settles a placement on its own. */
const DOMINANT_MARGIN = 4;

/** Something the note shares with `context` and with none of `rivals`: a date, a long number, a Latin word, a four-character phrase. */
function hasDistinctiveEvidence(note: string, context: string, rivals: readonly string[]): boolean {
  // A date, a long number or a Latin word, not a title or a name: an essay mentions works and authors
  // in passing far more often than it repeats the month a cited page was published.
  const strong = (raw: string) => {
    const text = withoutUrls(raw);
    const out = new Set<string>();
    for (const m of text.matchAll(/((?:1[6-9]|20)\d\d)年(\d{1,2})月/g)) out.add(`m:${m[1]}-${Number(m[2])}`);
    for (const m of text.matchAll(/\d{3,}/g)) if (!/^(?:1[6-9]|20)\d\d$/.test(m[0])) out.add(`d:${m[0]}`);
    for (const m of text.matchAll(/[A-Za-z]{4,}/g)) out.add(`w:${m[0].toLowerCase()}`);
    return out;
  };
  const noteFeatures = strong(note);
  const rivalFeatures = rivals.map(strong);
  for (const f of strong(context)) {
    if (noteFeatures.has(f) && rivalFeatures.every((r) => !r.has(f))) return true;
  }
  return false;
}

function features(raw: string): Map<string, number> {
  const out = new Map<string, number>();
  // A web address says where a work was found, not what the sentence is about (http, www, htm…).
  const text = withoutUrls(raw);
  const compact = compactText(text);
  const chars = Array.from(compact);
  for (let i = 0; i + 1 < chars.length; i += 1) {
    if (/\p{Script=Han}/u.test(chars[i]!) && /\p{Script=Han}/u.test(chars[i + 1]!)) out.set(`h:${chars[i]}${chars[i + 1]}`, 1);
  }
  // Dates decide most: a year and month together, then a year; short numbers (days, pages) coincide too often.
  for (const m of text.matchAll(/((?:1[6-9]|20)\d\d)年(\d{1,2})月/g)) out.set(`m:${m[1]}-${Number(m[2])}`, 3);
  for (const m of text.matchAll(/\d{3,}/g)) out.set(`d:${m[0]}`, /^(?:1[6-9]|20)\d\d$/.test(m[0]) ? 1.5 : 1);
  for (const m of text.matchAll(/[A-Za-z]{3,}/g)) out.set(`w:${m[0].toLowerCase()}`, 1);
  return out;
}

interface Alignment {
  score: number;
  pairs: Array<[number, number]>;
}

/**
 * Best monotone alignment; `forbid` excludes one (note, marker) pair. Every item of the smaller side is
 * aligned; items of the larger side may be skipped.
 */
function bestAlignment(sim: readonly number[][], forbid: [number, number] | null): Alignment | null {
  const k = sim.length;
  const n = sim[0]!.length;
  const NEG = Number.NEGATIVE_INFINITY;
  const score = (i: number, j: number) => (forbid !== null && forbid[0] === i && forbid[1] === j ? NEG : sim[i]![j]!);
  const notesSmaller = k <= n;
  // dp[i][j]: best score aligning within notes[0..i) and markers[0..j), the smaller side fully used.
  const dp: number[][] = Array.from({ length: k + 1 }, (_, i) =>
    Array.from({ length: n + 1 }, (_, j) => (notesSmaller ? (i === 0 ? 0 : NEG) : j === 0 ? 0 : NEG)),
  );
  for (let i = 1; i <= k; i += 1) {
    for (let j = 1; j <= n; j += 1) {
      const skip = notesSmaller ? dp[i]![j - 1]! : dp[i - 1]![j]!;
      const take = dp[i - 1]![j - 1]! + score(i - 1, j - 1);
      dp[i]![j] = Math.max(skip, take);
    }
  }
  if (dp[k]![n] === NEG) return null;
  const pairs: Array<[number, number]> = [];
  let i = k;
  let j = n;
  while (i > 0 && j > 0) {
    const take = dp[i - 1]![j - 1]! + score(i - 1, j - 1);
    if (take !== NEG && take === dp[i]![j]) {
      pairs.unshift([i - 1, j - 1]);
      i -= 1;
      j -= 1;
    } else if (notesSmaller) j -= 1;
    else i -= 1;
  }
  return { score: dp[k]![n]!, pairs };
}

/** Best alignment in which note `note` goes under marker `marker`. */
function bestAlignmentWith(sim: readonly number[][], note: number, marker: number): Alignment | null {
  const forced = sim.map((row, i) => row.map((v, j) => (i === note && j !== marker) || (j === marker && i !== note) ? Number.NEGATIVE_INFINITY : v));
  return bestAlignment(forced, null);
}

/**
 * Editorial attachments (from a corrections file) applied over the parser's own: the named note text goes
 * under the named marker; whatever that marker held before becomes an unattached fragment, and the text's
 * former marker is left without a note (unlocated), never handed something else.
 */
export function forceAttachments(
  markers: readonly BodyMarker[],
  result: MatchResult,
  attachments: ReadonlyArray<{ index: number; noteLine: number; markerLine: number; label: string }>,
  report: { applied(index: number, message: string): void; notApplied(index: number, reason: string): void },
): void {
  for (const wanted of attachments) {
    const markerIndex = markers.findIndex((m) => m.lineNo === wanted.markerLine && m.label === wanted.label);
    if (markerIndex === -1) {
      report.notApplied(wanted.index, `there is no marker ${wanted.label} on line ${wanted.markerLine}`);
      continue;
    }
    const holds = (segment: NoteSegment) => segment.lines.some((line) => line.lineNo === wanted.noteLine);
    const fragment = result.fragments.findIndex((f) => holds(f.segment));
    const placedAt = [...result.placed].find(([, p]) => holds(p.segment))?.[0];
    let segment: NoteSegment;
    if (fragment !== -1) segment = result.fragments.splice(fragment, 1)[0]!.segment;
    else if (placedAt !== undefined) {
      segment = result.placed.get(placedAt)!.segment;
      result.placed.delete(placedAt);
      if (placedAt !== markerIndex) result.unlocated.add(placedAt);
    } else {
      report.notApplied(wanted.index, `no note text stands on line ${wanted.noteLine}`);
      continue;
    }
    const displaced = result.placed.get(markerIndex);
    if (displaced && displaced.segment !== segment) {
      result.fragments.push({ segment: displaced.segment, candidates: [], reason: `Displaced from ${wanted.label} by an editorial correction.` });
    }
    const message = `note text at line ${wanted.noteLine} attached to ${wanted.label} on line ${wanted.markerLine}`;
    result.placed.set(markerIndex, { segment, attachment: attachment("correction", 1, `an editorial correction: ${message}`) });
    result.unlocated.delete(markerIndex);
    report.applied(wanted.index, message);
  }
  // A marker stays unlocated only while a text left unattached on its page could still be its note.
  if (attachments.length === 0) return;
  for (const index of [...result.unlocated]) {
    const marker = markers[index]!;
    const stillOpen = result.fragments.some((f) => f.segment.page === (result.pageOf.get(index) ?? marker.page) && f.candidates.includes(marker.label));
    if (result.placed.has(index) || !stillOpen) result.unlocated.delete(index);
  }
}

function withoutUrls(text: string): string {
  if (!text.includes("http") && !text.includes("www.")) return text;
  let out = "";
  let last = 0;
  for (const [from, to] of findUrlSpans(text)) {
    out += `${text.slice(last, from)} `;
    last = to;
  }
  return out + text.slice(last);
}
