/**
 * Transitional: components/reader/ (reader-interactions and the hooks it is being split into) imports these
 * from here; its owner switches the imports to lib/urls/app-urls.ts (where the reader's URLs are built:
 * `readerPath(slug)` is `readerHref(slug)`), and then this file goes.
 */
export { blockHref, MAX_QUOTE_LENGTH, passageHref, readerHref as readerPath, SELECTOR_CONTEXT_LENGTH } from "@/lib/urls/app-urls";
