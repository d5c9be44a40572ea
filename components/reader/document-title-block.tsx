import type { DocumentStructure } from "@/lib/model/document-model";

/** Title, authors and where the essay appeared; what the source does not say is shown as unknown. */
export function DocumentTitleBlock({ document, headingId }: { document: DocumentStructure; headingId?: string }) {
  const venue = [document.journal, document.issue].filter(Boolean).join("，");
  return (
    <header className="title-block">
      <h1 id={headingId} className="font-serif text-2xl font-semibold leading-snug sm:text-3xl">
        {document.title}
      </h1>
      <p className="mt-3 text-sm">
        {document.authors.length > 0 ? (
          <span>{document.authors.join("、")}</span>
        ) : (
          <span className="text-muted dark:text-night-muted">
            作者不详 <span lang="en">(author unknown)</span>
          </span>
        )}
        <span className="text-muted dark:text-night-muted">
          {" · "}
          {venue || (
            <>
              出处不详 <span lang="en">(journal unknown)</span>
            </>
          )}
          {" · "}
          {document.date ?? (
            <>
              日期不详 <span lang="en">(date unknown)</span>
            </>
          )}
        </span>
      </p>
      {document.abstract ? (
        <details className="abstract mt-4 text-[0.95rem]">
          <summary className="cursor-pointer text-sm text-muted dark:text-night-muted">摘要 · Abstract</summary>
          <p className="mt-2 font-serif leading-8">{document.abstract}</p>
        </details>
      ) : null}
    </header>
  );
}
