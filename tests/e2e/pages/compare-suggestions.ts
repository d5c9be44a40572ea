import type { Page } from "@playwright/test";

/** One of the reader's "Shares most with this text" suggestions (components/reader/compare-with-form.tsx). */
export interface CompareSuggestionFacts {
  /** The text it would open on the right, from its side-by-side link. */
  right: string;
  left: string;
  title: string;
  /** What it says the two share ("3 works cited, 2 concepts in common"); 0 when it names none. */
  sharedSources: number;
  sharedConcepts: number;
}

/** The suggestions in the order offered. */
export async function readCompareSuggestions(page: Page): Promise<CompareSuggestionFacts[]> {
  const items = await page.getByTestId("compare-suggestions").locator("li").evaluateAll((list) =>
    list.map((item) => ({ href: item.querySelector("a")?.getAttribute("href") ?? "", title: item.querySelector("a")?.textContent ?? "", text: item.textContent ?? "" })),
  );
  return items.map(({ href, title, text }) => {
    const query = new URL(href, "http://duizhao.test").searchParams;
    return {
      left: query.get("left") ?? "",
      right: query.get("right") ?? "",
      title,
      sharedSources: Number(/(\d+) works? cited/.exec(text)?.[1] ?? 0),
      sharedConcepts: Number(/(\d+) concepts?/.exec(text)?.[1] ?? 0),
    };
  });
}
