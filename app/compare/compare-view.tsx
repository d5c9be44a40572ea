import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ComparePanes } from "@/components/compare/compare-panes";
import { ParagraphTools } from "@/components/compare/paragraph-tools";
import { DocumentBody } from "@/components/reader/document-body";
import { DocumentOutline } from "@/components/reader/document-outline";
import { DocumentTitleBlock } from "@/components/reader/document-title-block";
import { ReaderInteractions } from "@/components/reader/reader-interactions";
import { Unhydrated } from "@/components/reader/unhydrated";
import { buildCompareView, type PaneView } from "@/lib/compare/build-compare-view";
import { type CompareState, dropUnknown, type Side } from "@/lib/compare/compare-state";
import { packLinks } from "@/lib/compare/pack-links";
import { getDocumentStructure } from "@/lib/db/get-document";
import { listCompareMentions } from "@/lib/db/list-compare-mentions";
import { listPassageLinks } from "@/lib/db/list-passage-links";
import { buildReadingOrder, type ReadingOrder } from "@/lib/reader/reading-order";
import { readerHref } from "@/lib/urls/app-urls";
import "./compare.css";

/**
 * Side by side, shared by its two routes: `[left]/[right]/page.tsx` (two documents and nothing else in
 * the address, rendered once per corpus and then served from the page cache) and `page.tsx` (an address
 * that also carries concepts, positions, aligned mode, a focused paragraph or a phone tab; next.config.ts
 * sends the plain ones to the first).
 */
/** One query per document and request, shared by the page and its metadata. */
const loadDocumentStructure = cache((slug: string) => getDocumentStructure(slug));

export async function compareMetadata(leftSlug: string | undefined, rightSlug: string | undefined): Promise<Metadata> {
  const [left, right] = await Promise.all([leftSlug, rightSlug].map((slug) => (slug ? loadDocumentStructure(slug) : null)));
  if (!left || !right) return { title: "对照 · Side by side" };
  const title = `对照：${left.title} ↔ ${right.title}`;
  return { title, description: "Two essays side by side.", openGraph: { title, description: "Two essays side by side, in Duizhao." } };
}

export async function CompareView({ requested }: { requested: CompareState }) {
  const [left, right, mentions, linked] = await Promise.all([
    loadDocumentStructure(requested.left),
    loadDocumentStructure(requested.right),
    listCompareMentions({ left: requested.left, right: requested.right }),
    listPassageLinks({ left: requested.left, right: requested.right }),
  ]);
  if (!left || !right || "missing" in linked) notFound();

  const orders = { left: buildReadingOrder(left), right: buildReadingOrder(right) };
  const view = buildCompareView(
    {
      left: { document: left, order: orders.left, mentions: mentions.left },
      right: { document: right, order: orders.right, mentions: mentions.right },
      concepts: mentions.concepts,
      members: mentions.members,
      links: linked.links,
    },
    requested.concepts,
  );
  const state = dropUnknown(requested, {
    leftAnchors: view.left.anchors,
    rightAnchors: view.right.anchors,
    concepts: new Set(view.picker.map((concept) => concept.id)),
  });
  const labels = new Map(view.picker.map((concept) => [concept.id, concept.labelZh]));

  const pane = (document: NonNullable<typeof left>, side: Side) => (
    // Each pane's text, title block and outline are placed once and never hydrated (static-markup.ts): on a
    // phone the pane of the other tab is sent for the wide screen and for a reader without scripts, and was
    // hydrated element by element all the same. Marks and chips are in that text, so a concept picked or
    // dropped replaces it whole; ComparePanes keeps each pane's place across that (usePanesKeptInPlace).
    <article className="compare-article" lang="zh-Hans" data-slug={document.slug} aria-label={document.title}>
      <Unhydrated>
        <DocumentTitleBlock document={document} />
      </Unhydrated>
      <p className="mt-2 text-sm">
        <a href={readerHref(document.slug)} className="text-muted underline underline-offset-2 dark:text-night-muted">
          <span lang="en">Open in the reader</span>
        </a>
      </p>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm text-muted dark:text-night-muted">目录 · Contents</summary>
        <Unhydrated className="mt-2">
          <DocumentOutline headings={document.headings} idPrefix={`${side}-`} label={`目录 · ${side === "left" ? "Left" : "Right"}`} />
        </Unhydrated>
      </details>
      <div className="mt-6">
        <DocumentBody
          document={document}
          order={orders[side]}
          idPrefix={`${side}-`}
          marks={view[side].marks}
          afterParagraph={paragraphTools(side, orders[side], view[side], labels)}
          staticMarkup
        />
      </div>
    </article>
  );

  return (
    <>
      <h1 className="sr-only">对照 · Side by side</h1>
      <ReaderInteractions resolveFragment={false} />
      <ComparePanes
        leftTitle={left.title}
        rightTitle={right.title}
        left={pane(left, "left")}
        right={pane(right, "right")}
        initial={state}
        picker={view.picker}
        links={packLinks(view.links)}
        counterparts={{ left: view.left.counterparts, right: view.right.counterparts }}
      />
    </>
  );
}

function paragraphTools(side: Side, order: ReadingOrder, pane: PaneView, labels: ReadonlyMap<string, string>): Map<string, React.ReactNode> {
  const tools = new Map<string, React.ReactNode>();
  for (const [anchor, number] of order.paragraphNumbers) {
    const chips = pane.chips.get(anchor) ?? [];
    const linkCount = pane.linkCounts.get(anchor) ?? 0;
    if (chips.length > 0 || linkCount > 0) {
      tools.set(anchor, <ParagraphTools side={side} anchor={anchor} number={number} chips={chips} linkCount={linkCount} labels={labels} />);
    }
  }
  return tools;
}

