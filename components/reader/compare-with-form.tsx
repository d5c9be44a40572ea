import { COMPARE_KEYS, PATHS } from "@/lib/urls/url-grammar";

/** "Compare with…": opens this document beside another, without any script. */
export function CompareWithForm({ slug, others }: { slug: string; others: { slug: string; title: string }[] }) {
  if (others.length === 0) return null;
  return (
    <form action={PATHS.compare} method="get" className="compare-form flex flex-wrap items-center gap-2 text-sm">
      <input type="hidden" name={COMPARE_KEYS.left} value={slug} />
      <label htmlFor="compare-right" className="text-muted dark:text-night-muted">
        <span lang="en">Compare with…</span>
      </label>
      <select id="compare-right" name={COMPARE_KEYS.right} className="max-w-full rounded border border-rule bg-transparent px-2 py-1 dark:border-night-rule" defaultValue={others[0]?.slug}>
        {others.map((other) => (
          <option key={other.slug} value={other.slug}>
            {other.title}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded border border-rule px-3 py-1 hover:border-accent dark:border-night-rule">
        对照 <span lang="en">Side by side</span>
      </button>
    </form>
  );
}
