"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { readerHref } from "@/lib/urls/app-urls";
import { type TitleMatch, useTitleMatches } from "./use-title-matches";

/**
 * A title field with suggestions as one types (the WAI-ARIA 1.2 combobox with a listbox popup): ↓/↑ move
 * through the titles, Enter chooses, Esc closes. Without a script it is a plain text field of its form,
 * submitted as typed (`name`), and the page it goes to lists the matching titles.
 *
 * Choosing a title opens it in the reader, or, with `pick`, fills the form's hidden `pick.name` field with
 * the document's slug (a side of a side-by-side view) and keeps the title in the field.
 */
export function TitleTypeAhead({
  name,
  label,
  defaultValue = "",
  pick,
  placeholder,
  testId,
  form,
}: {
  name: string;
  label: string;
  defaultValue?: string;
  pick?: { name: string; exclude?: string; defaultSlug?: string };
  placeholder?: string;
  testId?: string;
  /** The id of another form the words typed belong to (the slug picked stays in the enclosing one). */
  form?: string;
}) {
  const router = useRouter();
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(defaultValue);
  const { matches, status, setStatus, ask } = useTitleMatches(pick?.exclude);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [picked, setPicked] = useState<string | null>(pick?.defaultSlug ?? null);

  function choose(match: TitleMatch) {
    setOpen(false);
    if (!pick) {
      router.push(readerHref(match.slug));
      return;
    }
    setText(match.title);
    setPicked(match.slug);
    setStatus(`Chosen: ${match.title}`);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (matches.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      // Wraps around: down from the last to the first, up from the first (or from none) to the last.
      setActive((current) => (current < 0 ? (step > 0 ? 0 : matches.length - 1) : (current + step + matches.length) % matches.length));
    } else if (event.key === "Enter" && open && active >= 0 && active < matches.length) {
      event.preventDefault();
      choose(matches[active]!);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const activeId = open && active >= 0 && active < matches.length ? `${id}-option-${active}` : undefined;
  return (
    <div className="relative min-w-0" data-testid={testId}>
      <label htmlFor={`${id}-input`} className="mb-1 block text-xs text-muted dark:text-night-muted" lang="en">
        {label}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        // Once a title is picked, its slug is what the form sends; the words typed to find it are not.
        name={pick && picked ? undefined : name}
        form={form}
        value={text}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open && matches.length > 0}
        aria-controls={listId}
        aria-activedescendant={activeId}
        className="w-full min-w-0 rounded border border-rule bg-transparent px-2 py-1.5 font-serif dark:border-night-rule dark:bg-night"
        onChange={(event) => {
          setText(event.target.value);
          setPicked(null);
          // Each answer opens the list afresh, nothing highlighted (Enter then submits the words as typed).
          ask(event.target.value, () => {
            setOpen(true);
            setActive(-1);
          });
        }}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (matches.length > 0 && !picked) setOpen(true);
        }}
        onBlur={() => setOpen(false)}
      />
      {pick && picked ? <input type="hidden" name={pick.name} value={picked} /> : null}
      <TitleOptions id={id} listId={listId} label={label} matches={matches} active={active} hidden={!open || matches.length === 0} onChoose={choose} onHover={setActive} />
      <p role="status" aria-live="polite" className="sr-only">
        {status}
      </p>
    </div>
  );
}

function TitleOptions({
  id,
  listId,
  label,
  matches,
  active,
  hidden,
  onChoose,
  onHover,
}: {
  id: string;
  listId: string;
  label: string;
  matches: readonly TitleMatch[];
  active: number;
  hidden: boolean;
  onChoose: (match: TitleMatch) => void;
  onHover: (index: number) => void;
}) {
  return (
    <ul
      id={listId}
      role="listbox"
      aria-label={`${label}: matching titles`}
      hidden={hidden}
      className="absolute inset-x-0 top-full z-20 mt-1 max-h-80 overflow-y-auto rounded border border-rule bg-paper shadow-lg dark:border-night-rule dark:bg-night"
    >
      {matches.map((match, index) => (
        <li
          key={match.slug}
          id={`${id}-option-${index}`}
          role="option"
          aria-selected={index === active}
          className="cursor-pointer px-3 py-2 text-sm aria-selected:bg-accent-soft dark:aria-selected:bg-white/10"
          // Chosen on mouse down, before the field's blur closes the list.
          onMouseDown={(event) => {
            event.preventDefault();
            onChoose(match);
          }}
          onMouseEnter={() => onHover(index)}
          data-testid="type-ahead-option"
          data-slug={match.slug}
        >
          <span className="block font-serif">{match.title}</span>
          <span className="block text-xs text-muted dark:text-night-muted">
            {[match.authors.join("、"), match.journal, match.date].filter(Boolean).join(" · ") || "\u00a0"}
          </span>
        </li>
      ))}
    </ul>
  );
}
