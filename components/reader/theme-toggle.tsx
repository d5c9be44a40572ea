"use client";

import { useSyncExternalStore } from "react";

type Theme = "light" | "dark";

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}

const currentTheme = (): Theme => (document.documentElement.dataset.theme === "dark" ? "dark" : "light");

/** Light or dark reading; the choice is remembered (`duizhao-theme`) and applied before paint by the root layout. */
export function ThemeToggle() {
  const theme = useSyncExternalStore<Theme | null>(subscribe, currentTheme, () => null);
  const dark = theme === "dark";
  return (
    <button
      type="button"
      aria-pressed={theme === null ? undefined : dark}
      onClick={() => {
        const next: Theme = dark ? "light" : "dark";
        document.documentElement.dataset.theme = next;
        try {
          localStorage.setItem("duizhao-theme", next);
        } catch {
          // Private modes may refuse storage: the theme still applies to this page.
        }
      }}
      className="ml-auto rounded border border-rule px-2 py-1 text-xs text-muted hover:border-accent aria-pressed:bg-white/10 dark:border-night-rule dark:text-night-muted"
    >
      {/* A toggle keeps its name and says its state by being pressed (aria-pressed, and drawn pressed): the moon
          and "Dark theme" stay; a sun beside "Dark theme" read as the opposite of what the button does. */}
      <span aria-hidden="true">☾</span> <span lang="en" className="sr-only sm:not-sr-only">Dark theme</span>
      <span aria-hidden="true" className="ml-1 hidden sm:inline">{dark ? "✓" : ""}</span>
    </button>
  );
}
