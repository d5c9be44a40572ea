import type { Locator } from "@playwright/test";

/** A catalogue card as a reader sees it: the essay it opens, its title, and the line of authors, journal, issue and date. */
export interface CatalogueCardFacts {
  slug: string;
  title: string;
  byline: string;
}

/** The cards of a page of the catalogue (components/document-list.tsx), in order. */
export function readCatalogueCards(cards: Locator): Promise<CatalogueCardFacts[]> {
  return cards.evaluateAll((items) =>
    items.map((item) => {
      const link = item.querySelector<HTMLAnchorElement>('h3 a[href^="/read/"]');
      return {
        slug: decodeURIComponent((link?.getAttribute("href") ?? "").replace(/^\/read\//, "")),
        title: link?.textContent ?? "",
        // The line whose second part starts " · " (journal, issue, date), wherever a card puts it.
        byline: [...item.querySelectorAll(":scope > p")].find((line) => line.children[1]?.textContent?.startsWith(" · "))?.textContent ?? "",
      };
    }),
  );
}
