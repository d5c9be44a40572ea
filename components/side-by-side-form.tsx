import { TitleTypeAhead } from "@/components/catalogue/title-type-ahead";
import { COMPARE_CHOICE_KEYS, COMPARE_KEYS, PATHS } from "@/lib/urls/url-grammar";

/**
 * "Read two side by side": a title for the left and one for the right, each found by type-ahead, then
 * open them. A plain GET form: without a script the words typed go to `/compare`, which lists the titles
 * they match on each side to pick from.
 */
export function SideBySideForm({ documentCount }: { documentCount: number }) {
  if (documentCount < 2) return null;
  return (
    <form action={PATHS.compare} method="get" className="rounded-lg border border-rule p-4 dark:border-night-rule" aria-labelledby="side-by-side-heading" data-testid="side-by-side-form">
      <h2 id="side-by-side-heading" className="font-serif text-lg font-semibold">
        对照阅读 <span lang="en" className="font-sans text-sm font-normal text-muted dark:text-night-muted">Read two side by side</span>
      </h2>
      <div className="mt-3 flex flex-wrap items-end gap-3 text-sm">
        <div className="min-w-0 flex-1 basis-56">
          <TitleTypeAhead name={COMPARE_CHOICE_KEYS.leftQuery} label="Left" pick={{ name: COMPARE_KEYS.left }} placeholder="标题 · title" testId="side-by-side-left" />
        </div>
        <div className="min-w-0 flex-1 basis-56">
          <TitleTypeAhead name={COMPARE_CHOICE_KEYS.rightQuery} label="Right" pick={{ name: COMPARE_KEYS.right }} placeholder="标题 · title" testId="side-by-side-right" />
        </div>
        <button type="submit" className="rounded border border-rule px-3 py-1.5 hover:border-accent dark:border-night-rule">
          对照 <span lang="en">Side by side</span>
        </button>
      </div>
    </form>
  );
}
