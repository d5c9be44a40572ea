import { createRequire } from "node:module";
import path from "node:path";
import type { Page } from "@playwright/test";

/** A body paragraph's notes as placed in its text: note id, printed label, and the offset in the text without notes. */
export interface PlacedNote {
  block: string;
  note: string;
  label: string;
  offset: number;
}

export interface RenderedParagraph {
  block: string;
  /** The paragraph's text without its notes' content (and, in the reader, without its marker buttons). */
  text: string;
}

// The package exports its ES module source only; the browser build (a classic script defining window.CETEI)
// sits beside it in dist/, found from the module's own path.
const ceteiceanScript = path.join(path.dirname(createRequire(import.meta.url).resolve("CETEIcean")), "..", "dist", "CETEI.js");

/**
 * A TEI file rendered by CETEIcean (TEI elements as HTML custom elements, `tei-p`, `tei-note`…, xml:id as id)
 * in a blank page, as TEI Publisher-style viewers show it.
 */
export class CeteiceanRender {
  constructor(readonly page: Page) {}

  async render(xml: string) {
    await this.page.goto("about:blank");
    await this.page.addScriptTag({ path: ceteiceanScript });
    await this.page.evaluate((text) => {
      const cetei = new (window as unknown as { CETEI: new () => { makeHTML5(xml: string): Node } }).CETEI();
      document.body.appendChild(cetei.makeHTML5(text));
    }, xml);
  }

  async bodyParagraphCount(): Promise<number> {
    return this.page.locator("tei-text > tei-body tei-p").count();
  }

  /** Body paragraphs (outside notes), with their text as a reader sees it. */
  async paragraphs(): Promise<RenderedParagraph[]> {
    return this.page.locator("tei-text > tei-body tei-p").evaluateAll((paragraphs) =>
      paragraphs
        .filter((p) => !p.closest("tei-note"))
        .map((p) => {
          const clone = p.cloneNode(true) as Element;
          for (const note of clone.querySelectorAll("tei-note")) note.remove();
          return { block: p.id, text: clone.textContent ?? "" };
        }),
    );
  }

  /** Every foot note in a body paragraph, where it stands. */
  async placedNotes(): Promise<PlacedNote[]> {
    // Foot notes only: a note may hold a note of its own (type="correction", an editor's remark on it).
    return this.page.locator('tei-text > tei-body tei-p tei-note[place="foot"]').evaluateAll((notes) =>
      notes.flatMap((note) => {
        const paragraph = note.parentElement?.closest("tei-p");
        if (!paragraph || paragraph.closest("tei-note")) return [];
        const range = document.createRange();
        range.setStart(paragraph, 0);
        range.setEndBefore(note);
        const before = range.cloneContents();
        for (const other of before.querySelectorAll("tei-note")) other.remove();
        return [{ block: paragraph.id, note: note.id, label: note.getAttribute("n") ?? "", offset: (before.textContent ?? "").length }];
      }),
    );
  }
}
