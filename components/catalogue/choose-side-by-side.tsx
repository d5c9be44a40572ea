import Link from "next/link";
import type { SideChoice } from "@/lib/db/choose-side-by-side";
import { compareChoiceHref } from "@/lib/urls/app-urls";
import { COMPARE_CHOICE_KEYS, COMPARE_KEYS, PATHS } from "@/lib/urls/url-grammar";
import { TitleTypeAhead } from "./title-type-ahead";

const SIDES = {
  left: { label: "Left", slugKey: COMPARE_KEYS.left, wordsKey: COMPARE_CHOICE_KEYS.leftQuery },
  right: { label: "Right", slugKey: COMPARE_KEYS.right, wordsKey: COMPARE_CHOICE_KEYS.rightQuery },
} as const;

/**
 * `/compare` before both texts are chosen: for each side, the text chosen, or the titles matching the
 * words typed for it as radio buttons (the first checked), and a title field to look again. All of it a
 * plain GET form, so a reader without a script gets there from any "Side by side" form and can finish.
 */
export function ChooseSideBySide({ left, right }: { left: SideChoice; right: SideChoice }) {
  const side = (name: keyof typeof SIDES, choice: SideChoice, other: SideChoice) => {
    const { label, slugKey, wordsKey } = SIDES[name];
    if (choice.chosen) {
      const changeHref = compareChoiceHref(name === "left" ? { right: other.chosen?.slug, rq: other.words } : { left: other.chosen?.slug, lq: other.words });
      return (
        <div className="grid gap-1 text-sm" data-testid={`choose-${name}`}>
          <span lang="en" className="text-xs text-muted dark:text-night-muted">
            {label}
          </span>
          <input type="hidden" name={slugKey} value={choice.chosen.slug} />
          <p className="font-serif text-base">
            {choice.chosen.title}{" "}
            <Link href={changeHref} className="font-sans text-xs">
              <span lang="en">change</span>
              <span className="sr-only"> the {name} text</span>
            </Link>
          </p>
        </div>
      );
    }
    const searchForm = `choose-${name}-search`;
    return (
      <div className="grid gap-2 text-sm" data-testid={`choose-${name}`}>
        {/* The words belong to this side's search form (below the main one): looking again sends them with the
            other side as it stands, while choosing sends only slugs. First in the form: a title picked here is
            the value sent, before any radio button below. */}
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1 basis-56">
            <TitleTypeAhead name={wordsKey} form={searchForm} label={label} defaultValue={choice.words ?? ""} pick={{ name: slugKey, exclude: other.chosen?.slug }} placeholder="标题 · title" />
          </div>
          <button type="submit" form={searchForm} className="rounded border border-rule px-3 py-1.5 hover:border-accent dark:border-night-rule">
            查找 <span lang="en">Find</span>
            <span className="sr-only"> {name} titles</span>
          </button>
        </div>
        {choice.candidates.length > 0 ? (
          <fieldset className="grid gap-1">
            <legend lang="en" className="text-xs text-muted dark:text-night-muted">
              {choice.candidatesLabel}
            </legend>
            {choice.candidates.map((candidate, index) => (
              <label key={candidate.slug} className="flex items-baseline gap-2">
                <input type="radio" name={slugKey} value={candidate.slug} defaultChecked={index === 0} />
                <span className="font-serif">{candidate.title}</span>
                {candidate.note ? (
                  <span lang="en" className="text-xs text-muted dark:text-night-muted">
                    {candidate.note}
                  </span>
                ) : null}
              </label>
            ))}
          </fieldset>
        ) : choice.words ? (
          <p role="status" lang="en" className="text-muted dark:text-night-muted">
            No title matches “{choice.words}”.
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="font-serif text-2xl font-semibold">对照 · Side by side</h1>
      <p lang="en" className="mt-2 text-sm text-muted dark:text-night-muted">
        Choose the two texts: type words of a title (or an author) for each side.
      </p>
      <form action={PATHS.compare} method="get" className="mt-6 grid gap-6" data-testid="choose-side-by-side">
        {side("left", left, right)}
        {side("right", right, left)}
        <button type="submit" className="justify-self-start rounded border border-rule px-4 py-1.5 hover:border-accent dark:border-night-rule">
          对照 <span lang="en">Open side by side</span>
        </button>
      </form>
      {/* Each side's search form: its words (fields above, by their form attribute) and the other side as it stands. */}
      {(["left", "right"] as const).map((name) => {
        const other = name === "left" ? right : left;
        const otherKeys = SIDES[name === "left" ? "right" : "left"];
        return (
          <form key={name} id={`choose-${name}-search`} action={PATHS.compare} method="get" hidden>
            {other.chosen ? <input type="hidden" name={otherKeys.slugKey} value={other.chosen.slug} /> : null}
            {!other.chosen && other.words ? <input type="hidden" name={otherKeys.wordsKey} value={other.words} /> : null}
          </form>
        );
      })}
    </div>
  );
}
