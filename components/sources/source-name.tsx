/**
 * A cited work as the pages name it: its title in 《》, or, when no note gives one, the words a note cites
 * it by, quoted and said to be so (never its internal key, never a bare "no title").
 */
export function SourceName({ title, citedAs }: { title: string | null; citedAs: string | null }) {
  if (title) return <>{`《${title}》`}</>;
  return (
    <>
      {citedAs ? `“${citedAs}”` : null}
      <span lang="en" className="ml-1 font-sans text-xs font-normal text-muted dark:text-night-muted" data-testid="untitled-source">
        {citedAs ? "(no title in the notes: the note's own words)" : "(no title in the notes)"}
      </span>
    </>
  );
}
