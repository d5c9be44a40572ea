import type { DocumentStructure } from "@/lib/model/document-model";

type Fragment = DocumentStructure["fragments"][number];

/** DOM id of the unattached note texts of one printed page (one document may be shown twice: `idPrefix`). */
export function unattachedFragmentsId(page: number, idPrefix = ""): string {
  return `${idPrefix}unattached-page-${page}`;
}

/** The printed pages that have unattached note texts. */
export function pagesWithFragments(fragments: readonly Fragment[]): Set<number> {
  return new Set(fragments.map((fragment) => fragment.page));
}

/**
 * Note texts the parser kept but could not place under any marker with certainty, by printed page, with
 * the markers each could belong to and why it was left unattached. Shown after the document's notes, so that
 * an unlocated note can point here. Corpus text is rendered as React text only.
 */
export function UnattachedFragments({ fragments, idPrefix = "", landmarkSuffix = "" }: { fragments: readonly Fragment[]; idPrefix?: string; landmarkSuffix?: string }) {
  if (fragments.length === 0) return null;
  const byPage = new Map<number, Fragment[]>();
  for (const fragment of [...fragments].sort((a, b) => a.page - b.page || a.sourceLines[0] - b.sourceLines[0])) {
    byPage.set(fragment.page, [...(byPage.get(fragment.page) ?? []), fragment]);
  }
  const title = "未归属的注文 · Unattached note texts";
  return (
    <aside className="notes-list unattached-fragments" aria-label={title + landmarkSuffix} data-unattached-fragments="">
      <h2 className="notes-title">{title}</h2>
      <p lang="en" className="unattached-intro">
        Note texts found in the source that could not be placed under a marker with certainty. They are kept here, never attached by guesswork.
      </p>
      {[...byPage].map(([page, list]) => (
        <div key={page} id={unattachedFragmentsId(page, idPrefix)} className="scroll-mt-24" data-fragments-page={page}>
          <h3 lang="en" className="unattached-page">{`Printed page ${page}`}</h3>
          <ul>
            {list.map((fragment) => (
              <li key={`${fragment.sourceLines[0]}-${fragment.sourceLines[1]}`} className="unattached-fragment" data-fragment="">
                <span lang="zh-Hans" className="block">
                  {fragment.text}
                </span>
                <span lang="en" className="unattached-meta">
                  {fragment.candidates.length > 0 ? `Could belong to ${fragment.candidates.join(" or ")}` : "No marker is a plausible owner"}
                  {` · ${fragment.reason} · ${linesOf(fragment.sourceLines)}`}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </aside>
  );
}

const linesOf = ([from, to]: readonly [number, number]): string => (from === to ? `source line ${from}` : `source lines ${from}–${to}`);
