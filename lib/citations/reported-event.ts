/**
 * A speech or meeting reported by a news outlet, as a citation names it: who spoke, at which event, on which
 * day. Two outlets report the same speech under different headlines (新华网 "习近平：自主创新推进网络强国建设",
 * 中国政府网 "习近平出席全国网络安全和信息化工作会议并发表重要讲话", both of 21 April 2018), so neither the
 * title nor the URL joins them; the speaker, the day and the event do (group-sources.ts, evidence
 * "same-event"). A headline often names no event; the sentence of the essay that calls the note usually does
 * ("在2018年4月全国网络安全和信息化工作会议上，他强调…"), and is read when the headline is silent.
 */

/** A headline that opens with a person and what they did or said there: "习近平：…", "习近平出席…". */
const SPEAKER_OPENING = /^([\p{Script=Han}]{2,4}?)(?:[:：]|出席|在|主持|发表|致|会见|同|向|强调|指出|考察|参加)/u;

/**
 * Words that end the name of an event (a conference, a forum, a summit, a symposium). Longest first, so that
 * 工作会议 is not cut to 会议.
 */
const EVENT_END = "(?:工作会议|座谈会|博览会|开幕式|研讨会|会议|大会|论坛|峰会)";
const EVENT = new RegExp(`[\\p{Script=Han}]{2,30}?${EVENT_END}`, "gu");

/**
 * What comes before an event's name in a sentence and is not part of it: the verbs and prepositions that
 * place someone at an event (the name starts after the last of them), then the end of a date ("2018年4月…":
 * only the Han characters reach here, so a date leaves its last unit, 年, 月 or 日).
 */
const BEFORE_EVENT = /^(?:.*(?:出席|参加|主持|召开|举行|在|于))?[年月日号]?/u;

/** Abbreviations used interchangeably with their full form (the same as titles are compared with). */
const EVENT_SYNONYMS: readonly (readonly [RegExp, string])[] = [[/网信/gu, "网络安全和信息化"]];

/** Fewest characters of an event's name, its ending included: "大会" alone names no event. */
const MIN_EVENT_LENGTH = 5;

/** The person a headline reports, when it opens with one (see SPEAKER_OPENING), else null. */
export function reportedSpeaker(title: string | null): string | null {
  if (!title) return null;
  return SPEAKER_OPENING.exec(title.normalize("NFKC").replace(/\s+/gu, ""))?.[1] ?? null;
}

/** The events a text names ("全国网络安全和信息化工作会议"), normalised, in order. */
export function namedEvents(text: string | null): string[] {
  if (!text) return [];
  const compact = text.normalize("NFKC").replace(/\s+/gu, "");
  const events: string[] = [];
  for (const match of compact.matchAll(EVENT)) {
    let event = match[0].replace(BEFORE_EVENT, "");
    for (const [pattern, full] of EVENT_SYNONYMS) event = event.replace(pattern, full);
    if ([...event].length >= MIN_EVENT_LENGTH && !events.includes(event)) events.push(event);
  }
  return events;
}

/** Sentence ends of the essays' prose (full-width and half-width). */
const SENTENCE_END = /[。！？；!?;]/u;

/**
 * The sentence that calls a note: the text of its block up to the marker, from the end of the sentence
 * before. A marker usually stands after the sentence's own full stop, so one closing stop is skipped first.
 */
export function citingSentence(blockText: string, markerOffset: number): string {
  const before = blockText.slice(0, Math.max(0, Math.min(markerOffset, blockText.length))).replace(/[。！？；!?;\s”’」』）)]+$/u, "");
  let start = before.length;
  while (start > 0 && !SENTENCE_END.test(before[start - 1]!)) start -= 1;
  return before.slice(start);
}

export interface ReportedEvent {
  speaker: string;
  /** The day of the report, YYYY-MM-DD. */
  day: string;
  /** The event the headline names, else the one the citing sentence names; null when neither does. */
  event: string | null;
  /** Where the event was read. */
  eventFrom: "title" | "citing sentence" | null;
}

/**
 * The reported event of a citation: a headline opening with a person, dated to the day, published by an
 * outlet (a container or a URL). Null for anything else: a book, an article, an undated or month-dated report.
 */
export function reportedEvent(
  citation: { title: string | null; date: string | null; container: string | null; url: string | null },
  citing: string | null,
): ReportedEvent | null {
  const speaker = reportedSpeaker(citation.title);
  if (!speaker || !citation.date || !/^\d{4}-\d{2}-\d{2}$/u.test(citation.date) || (!citation.container && !citation.url)) return null;
  const inTitle = namedEvents(citation.title)[0];
  if (inTitle) return { speaker, day: citation.date, event: inTitle, eventFrom: "title" };
  // A sentence naming two events does not say which one the report is of.
  const named = namedEvents(citing);
  const inSentence = named.length === 1 ? named[0] : undefined;
  return { speaker, day: citation.date, event: inSentence ?? null, eventFrom: inSentence ? "citing sentence" : null };
}
