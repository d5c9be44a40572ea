"use client";

import { useEffect } from "react";
import { blockHref } from "@/lib/urls/app-urls";

/**
 * Copy-link buttons of paragraphs (`data-copy-link`), wherever they are rendered, by delegation: the
 * document is the button's (`data-slug` around it), else `slug`.
 */
export function useParagraphLinkButtons(copy: (path: string) => Promise<void>, slug: string | undefined): void {
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const button = (event.target as Element | null)?.closest<HTMLElement>("[data-copy-link]");
      if (!button) return;
      const documentSlug = button.closest<HTMLElement>("[data-slug]")?.dataset.slug ?? slug;
      if (!documentSlug) return;
      void copy(blockHref(documentSlug, button.dataset.copyLink!));
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [copy, slug]);
}
