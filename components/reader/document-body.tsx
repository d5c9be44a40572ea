import type { DocumentStructure, Footnote } from "@/lib/model/document-model";
import type { ReadingOrder } from "@/lib/reader/reading-order";
import type { BlockMark } from "@/lib/reader/segment-block";
import { headingLabel } from "@/lib/reader/heading-label";
import { foliosByPage } from "@/lib/reader/printed-page";
import { BlockText } from "./block-text";
import { Fragment } from "react";
import "./document-body.css";
import { NoteContent } from "./note-content";
import { NotePopover } from "./note-popover";
import { DOCUMENT_TEXT_ID } from "./skip-to-text";
import { EditorialCorrection } from "./note-provenance";
import { pagesWithFragments, UnattachedFragments, unattachedFragmentsId } from "./unattached-fragments";
import { foliosAttribute, PrintedPageLink } from "./printed-page-link";
import { estimateSectionSize, sectionSizeStyle } from "./section-size-estimate";
import { staticMarkup } from "./static-markup";

export interface DocumentBodyProps {
  document: DocumentStructure;
  order: ReadingOrder;
  /** Highlights by block anchor (a quoted passage, a search hit). */
  marks?: ReadonlyMap<string, BlockMark[]>;
  /** "" in the reader; "left-"/"right-" in side by side, where one document may be open twice. */
  idPrefix?: string;
  /** Link to the cited work's source page (with the footnote trail), by citation anchor. */
  sourceHrefs?: ReadonlyMap<string, string>;
  /** Shown under a paragraph, by its anchor (side by side: the paragraph's concept chips and links). */
  afterParagraph?: ReadonlyMap<string, React.ReactNode>;
  /**
   * Send the text as one string of markup that React places and never hydrates (static-markup.ts says why).
   * A render with other marks then replaces the text whole rather than patching the marks: the reader's
   * changes only with its address; side by side puts its panes' positions back itself when a concept is toggled.
   */
  staticMarkup?: boolean;
}

const headingTag = { 1: "h2", 2: "h3", 3: "h4", 4: "h4" } as const;

/**
 * The text of a document in reading order: headings, numbered paragraphs and, after each section, its notes;
 * editorial corrections marked where they apply; at the end, the note texts that could not be attached.
 */
export function DocumentBody({ staticMarkup: asMarkup = false, ...props }: DocumentBodyProps) {
  const { document, idPrefix = "" } = props;
  const folios = document.sourcePdf ? foliosByPage(document) : null;
  const content = <DocumentBodyContent {...props} idPrefix={idPrefix} folios={folios} />;
  // Focusable by script only: the reader's skip link lands here (`tabIndex` -1, not in the Tab order).
  const attributes = {
    className: "document-body",
    id: idPrefix ? undefined : DOCUMENT_TEXT_ID,
    tabIndex: idPrefix ? undefined : -1,
    ...(folios ? foliosAttribute(folios) : {}),
  };
  return asMarkup ? <div {...attributes} dangerouslySetInnerHTML={{ __html: staticMarkup(content) }} /> : <div {...attributes}>{content}</div>;
}

function DocumentBodyContent({
  document,
  order,
  marks,
  idPrefix,
  sourceHrefs,
  afterParagraph,
  folios,
}: Omit<DocumentBodyProps, "staticMarkup"> & { idPrefix: string; folios: ReturnType<typeof foliosByPage> | null }) {
  const notes = new Map(document.footnotes.map((note) => [note.anchor, note]));
  const placeOfNote = placesOfNotes(document, order);

  // An essay read from a PDF the database keeps: its paragraphs and notes open on their printed page.
  const printedPage = (placement: Footnote["placement"], blockName: string, className?: string) =>
    folios && placement ? <PrintedPageLink slug={document.slug} placement={placement} folios={folios} blockName={blockName} className={className} /> : null;

  // Two panes may list notes under the same title: landmarks must still be told apart.
  const paneSuffix = idPrefix ? ` (${idPrefix.replace(/-$/, "")})` : "";

  // An unlocated note points to the unattached note texts of its page, when the page kept any.
  const fragmentPages = pagesWithFragments(document.fragments);
  const unattachedHref = (note: Footnote): string | null =>
    note.status === "unlocated" && fragmentPages.has(note.page) ? `#${unattachedFragmentsId(note.page, idPrefix)}` : null;

  return (
    <>
      {order.sections.map((section, sectionIndex) => (
        <section
          key={section.heading?.anchor ?? `front-${sectionIndex}`}
          className="text-section"
          style={sectionSizeStyle(estimateSectionSize(section))}
          aria-labelledby={section.heading ? idPrefix + section.heading.anchor : undefined}
        >
          {section.blocks.map((block) => {
            if (block.kind === "heading") {
              const { heading } = block;
              const Tag = headingTag[heading.level as 1 | 2 | 3 | 4] ?? "h4";
              return (
                <Fragment key={heading.anchor}>
                  <Tag
                    id={idPrefix + heading.anchor}
                    data-block={heading.anchor}
                    className={`reader-heading level-${heading.level}`}
                  >
                    {heading.label ? <span>{headingLabel(heading.label)}</span> : null}
                    <BlockText
                      text={heading.text}
                      markers={heading.markers}
                      marks={marks?.get(heading.anchor)}
                      markerIds={order.blockMarkerIds.get(heading.anchor) ?? []}
                      notes={notes}
                      idPrefix={idPrefix}
                    />
                    <a href={`#${idPrefix}${heading.anchor}`} className="heading-link" aria-label={`Link to this heading`}>
                      #
                    </a>
                  </Tag>
                  {heading.correction ? <BlockCorrection correction={heading.correction} /> : null}
                </Fragment>
              );
            }
            const { paragraph, number } = block;
            return (
              <div key={paragraph.anchor} className="reader-paragraph">
                <p id={idPrefix + paragraph.anchor} data-block={paragraph.anchor} data-number={number}>
                  <BlockText
                    text={paragraph.text}
                    markers={paragraph.markers}
                    marks={marks?.get(paragraph.anchor)}
                    markerIds={order.blockMarkerIds.get(paragraph.anchor) ?? []}
                    notes={notes}
                    idPrefix={idPrefix}
                  />
                </p>
                {paragraph.correction ? <BlockCorrection correction={paragraph.correction} /> : null}
                <span className="paragraph-gutter">
                  <a href={`#${idPrefix}${paragraph.anchor}`} className="paragraph-number" aria-label={`¶ ${number}: link to this paragraph`}>
                    {number}
                  </a>
                  <button type="button" className="copy-link" data-copy-link={paragraph.anchor} aria-label={`Copy link to ¶ ${number}`} title="Copy link" />
                </span>
                {paragraph.placement && folios ? (
                  <div className="flex justify-end text-xs text-muted dark:text-night-muted print:hidden">{printedPage(paragraph.placement, `¶ ${number}`)}</div>
                ) : null}
                {afterParagraph?.get(paragraph.anchor)}
              </div>
            );
          })}
          {section.notes.length > 0 ? (
            <NotesList
              printedPage={printedPage}
              marks={marks}
              sourceHrefs={sourceHrefs}
              notes={section.notes}
              order={order}
              idPrefix={idPrefix}
              placeOfNote={placeOfNote}
              unattachedHref={unattachedHref}
              headingLevel={section.heading ? 3 : 2}
              title={section.heading ? `注释 · Notes to ${headingLabel(section.heading.label)}${section.heading.text}` : "注释 · Notes"}
              landmarkSuffix={paneSuffix}
            />
          ) : null}
        </section>
      ))}
      {order.unplacedNotes.length > 0 ? (
        <NotesList printedPage={printedPage} notes={order.unplacedNotes} order={order} idPrefix={idPrefix} sourceHrefs={sourceHrefs} marks={marks} placeOfNote={placeOfNote} unattachedHref={unattachedHref} headingLevel={2} title="Notes not called from the text" landmarkSuffix={paneSuffix} />
      ) : null}
      <UnattachedFragments fragments={document.fragments} idPrefix={idPrefix} landmarkSuffix={paneSuffix} />
      <NotePopover idPrefix={idPrefix} />
    </>
  );
}

/** Where each note's first marker stands ("¶ 12", "a heading"), by note anchor. */
function placesOfNotes(document: DocumentStructure, order: ReadingOrder): Map<string, string> {
  const placeOfNote = new Map<string, string>();
  for (const paragraph of document.paragraphs) {
    for (const marker of paragraph.markers) {
      if (!placeOfNote.has(marker.footnoteAnchor)) placeOfNote.set(marker.footnoteAnchor, `¶ ${order.paragraphNumbers.get(paragraph.anchor)}`);
    }
  }
  for (const heading of document.headings) {
    for (const marker of heading.markers) if (!placeOfNote.has(marker.footnoteAnchor)) placeOfNote.set(marker.footnoteAnchor, "a heading");
  }
  return placeOfNote;
}

/** An editorial correction of a heading or paragraph, under it. */
function BlockCorrection({ correction }: { correction: string }) {
  return (
    <div className="block-correction">
      <EditorialCorrection correction={correction} />
    </div>
  );
}

function NotesList({
  notes,
  order,
  idPrefix,
  placeOfNote,
  unattachedHref,
  title,
  headingLevel,
  landmarkSuffix,
  sourceHrefs,
  marks,
  printedPage,
}: {
  /** The note's printed-page control, or null (a text source, or a note without placement). */
  printedPage: (placement: Footnote["placement"], blockName: string) => React.ReactNode;
  sourceHrefs?: ReadonlyMap<string, string>;
  marks?: ReadonlyMap<string, BlockMark[]>;
  notes: Footnote[];
  order: ReadingOrder;
  idPrefix: string;
  placeOfNote: Map<string, string>;
  unattachedHref: (note: Footnote) => string | null;
  title: string;
  headingLevel: 2 | 3;
  landmarkSuffix: string;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <aside className="notes-list" aria-label={title + landmarkSuffix}>
      <Heading className="notes-title">{title}</Heading>
      <ol>
        {notes.map((note) => {
          const back = order.markerIds.get(note.anchor)?.[0];
          const onPrintedPage = printedPage(note.placement, `note ${note.label}`);
          return (
            <li key={note.anchor} id={idPrefix + note.anchor} className="note-item" data-note-item={note.anchor} data-status={note.status}>
              <span className="note-label">{note.label}</span>
              <div className="note-body">
                <div data-note-content="">
                  <NoteContent
                    note={note}
                    calledFrom={placeOfNote.get(note.anchor) ?? null}
                    unattachedHref={unattachedHref(note)}
                    citationIdPrefix={idPrefix}
                    sourceHrefs={sourceHrefs}
                    marks={marks?.get(note.anchor)}
                  />
                </div>
                <span className="note-foot">
                  {back ? (
                    <a href={`#${idPrefix}${back}`} aria-label={`返回正文 · back to note ${note.label} in the text${placeOfNote.has(note.anchor) ? ` (${placeOfNote.get(note.anchor)})` : ""}`} data-back-link="">
                      {/* One text node: the link's name is its aria-label, so the arrow needs no hiding from it. */}
                      ↩ 返回正文
                    </a>
                  ) : null}
                  {/* One string, one text node: mixed JSX text is several, with a comment between each. */}
                  {onPrintedPage ? (
                    <span lang="en" className="inline-flex items-center gap-1">
                      {placeOfNote.has(note.anchor) ? <span>{`${placeOfNote.get(note.anchor)} ·`}</span> : null}
                      {onPrintedPage}
                    </span>
                  ) : (
                    <span lang="en">{`${placeOfNote.get(note.anchor) ?? ""} · p. ${note.page}`}</span>
                  )}
                </span>
              </div>
            </li>
          );
        })}
      </ol>
    </aside>
  );
}
