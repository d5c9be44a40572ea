import Link from "next/link";
import { PATHS } from "@/lib/urls/url-grammar";

/**
 * Every 404 (an essay, concept or source that is not in the corpus, or an address no page has), in the
 * app's own styles: Next's built-in page sets inline styles, which the Content-Security-Policy refuses.
 */
export default function NotFound() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="font-serif text-3xl font-semibold">未找到 · Not found</h1>
      <p lang="en" className="mt-4 text-muted dark:text-night-muted">
        Nothing in the corpus is at this address: the essay, concept or source may have been renamed or removed.
      </p>
      <ul className="mt-6 flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <Link href={PATHS.home}>语料 · The corpus</Link>
        </li>
        <li>
          <Link href={PATHS.search}>检索 · Search</Link>
        </li>
        <li>
          <Link href={PATHS.concepts}>概念 · Concepts</Link>
        </li>
      </ul>
    </div>
  );
}
