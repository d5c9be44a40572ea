import { COMPARE_KEYS, PATHS } from "@/lib/urls/url-grammar";

interface Essay {
  slug: string;
  title: string;
}

/**
 * "Read two side by side": pick the left and the right essay, then open them. A plain GET form, as the
 * reader's "Compare with…" (no script needed); the second essay is preselected on the right.
 */
export function SideBySideForm({ documents }: { documents: readonly Essay[] }) {
  if (documents.length < 2) return null;
  const select = (key: string, id: string, label: string, preselected: string) => (
    <label htmlFor={id} className="flex min-w-0 flex-1 basis-56 flex-col gap-1">
      <span lang="en" className="text-xs text-muted dark:text-night-muted">
        {label}
      </span>
      <select id={id} name={key} defaultValue={preselected} className="w-full min-w-0 rounded border border-rule bg-transparent px-2 py-1.5 font-serif dark:border-night-rule dark:bg-night">
        {documents.map((document) => (
          <option key={document.slug} value={document.slug}>
            {document.title}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form action={PATHS.compare} method="get" className="rounded-lg border border-rule p-4 dark:border-night-rule" aria-labelledby="side-by-side-heading" data-testid="side-by-side-form">
      <h2 id="side-by-side-heading" className="font-serif text-lg font-semibold">
        对照阅读 <span lang="en" className="font-sans text-sm font-normal text-muted dark:text-night-muted">Read two side by side</span>
      </h2>
      <div className="mt-3 flex flex-wrap items-end gap-3 text-sm">
        {select(COMPARE_KEYS.left, "side-by-side-left", "Left", documents[0]!.slug)}
        {select(COMPARE_KEYS.right, "side-by-side-right", "Right", documents[1]!.slug)}
        <button type="submit" className="rounded border border-rule px-3 py-1.5 hover:border-accent dark:border-night-rule">
          对照 <span lang="en">Side by side</span>
        </button>
      </div>
    </form>
  );
}
