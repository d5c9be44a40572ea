import "server-only";
import type { Trail } from "@/lib/trail/trail-param";
import { encodeStep } from "@/lib/trail/trail-param";
import { getDatabase, type Database } from "./prisma-client";

export interface TrailStepLabel {
  /** What the step is, in a few words: "note ③ · 全球网络空间治理…" or the work's title. */
  label: string;
  /** False when the step names a document, note or source that is not (or no longer) in the corpus. */
  found: boolean;
}

const SHORT_TITLE = 18;

function shorten(text: string): string {
  const chars = [...text];
  return chars.length > SHORT_TITLE ? `${chars.slice(0, SHORT_TITLE).join("")}…` : text;
}

/** Labels for the breadcrumb, by encoded step. Unknown steps are labelled from their ids, never dropped. */
export async function describeTrail(trail: Trail, db: Database = getDatabase()): Promise<Map<string, TrailStepLabel>> {
  const keys = [...new Set(trail.flatMap((step) => (step.kind === "source" ? [step.key] : [])))];
  const notes = trail.flatMap((step) => (step.kind === "source" ? [] : [{ slug: step.slug, anchor: step.noteAnchor }]));
  const [sources, footnotes] = await Promise.all([
    keys.length ? db.source.findMany({ where: { key: { in: keys } }, select: { key: true, title: true, citations: { select: { raw: true } } } }) : [],
    notes.length
      ? db.footnote.findMany({
          where: { OR: notes.map((note) => ({ anchor: note.anchor, document: { slug: note.slug } })) },
          select: { anchor: true, label: true, document: { select: { slug: true, title: true } } },
        })
      : [],
  ]);
  // A work no note gives a title for is named by the words a note cites it by, as its page names it.
  const sourceName = new Map(
    sources.map((source) => [source.key, source.title ? `《${shorten(source.title)}》` : `“${shorten(source.citations.map((c) => c.raw.trim()).sort()[0] ?? source.key)}”`]),
  );
  const note = new Map(footnotes.map((n) => [`${n.document.slug}\u0000${n.anchor}`, n]));
  const labels = new Map<string, TrailStepLabel>();
  for (const step of trail) {
    if (step.kind === "source") {
      const name = sourceName.get(step.key);
      labels.set(encodeStep(step), name ? { label: name, found: true } : { label: step.key, found: false });
    } else {
      const found = note.get(`${step.slug}\u0000${step.noteAnchor}`);
      labels.set(
        encodeStep(step),
        found
          ? { label: `${shorten(found.document.title)} · 注${found.label}`, found: true }
          : { label: `${step.slug} · ${step.noteAnchor}`, found: false },
      );
    }
  }
  return labels;
}
