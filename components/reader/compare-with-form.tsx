import Link from "next/link";
import { TitleTypeAhead } from "@/components/catalogue/title-type-ahead";
import type { CompareSuggestion } from "@/lib/db/suggest-compare-texts";
import { compareHref } from "@/lib/urls/app-urls";
import { COMPARE_CHOICE_KEYS, COMPARE_KEYS, PATHS } from "@/lib/urls/url-grammar";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "Compare with…": this document beside another, found by type-ahead over titles, and the few texts
 * that share most with this one (works both cite, concepts both mention) offered as links. Without a
 * script the words typed go to `/compare`, which lists the matching titles to pick from.
 */
export function CompareWithForm({ slug, suggestions }: { slug: string; suggestions: readonly CompareSuggestion[] }) {
  return (
    <div className="grid min-w-0 flex-1 gap-2 text-sm">
      <form action={PATHS.compare} method="get" className="compare-form flex flex-wrap items-end gap-2" data-testid="compare-with-form">
        <input type="hidden" name={COMPARE_KEYS.left} value={slug} />
        <div className="min-w-0 flex-1 basis-56">
          <TitleTypeAhead name={COMPARE_CHOICE_KEYS.rightQuery} label="Compare with…" pick={{ name: COMPARE_KEYS.right, exclude: slug }} placeholder="标题 · title" testId="compare-with" />
        </div>
        <button type="submit" className="rounded border border-rule px-3 py-1.5 hover:border-accent dark:border-night-rule">
          对照 <span lang="en">Side by side</span>
        </button>
      </form>
      {suggestions.length > 0 ? (
        <div data-testid="compare-suggestions">
          <p lang="en" className="text-xs text-muted dark:text-night-muted">
            Shares most with this text:
          </p>
          <ul className="mt-1 grid gap-1">
            {suggestions.map((suggestion) => (
              <li key={suggestion.slug} className="min-w-0">
                <Link href={compareHref({ left: slug, right: suggestion.slug })} className="font-serif">
                  {suggestion.title}
                </Link>{" "}
                <span lang="en" className="text-xs text-muted dark:text-night-muted">
                  ({[suggestion.sharedSources > 0 ? plural(suggestion.sharedSources, "work cited", "works cited") : null, suggestion.sharedConcepts > 0 ? plural(suggestion.sharedConcepts, "concept", "concepts") : null]
                    .filter(Boolean)
                    .join(", ")}{" "}
                  in common)
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
