import type { Heading } from "@/lib/model/document-model";
import { headingLabel } from "@/lib/reader/heading-label";
import "./document-body.css";

/** The headings as a table of contents; sticky beside the text on wide screens. */
export function DocumentOutline({ headings, idPrefix = "", label = "目录 · Contents" }: { headings: Heading[]; idPrefix?: string; label?: string }) {
  if (headings.length === 0) return null;
  const top = Math.min(...headings.map((heading) => heading.level));
  return (
    <nav aria-label={label} className="document-outline text-sm">
      <p className="mb-2 font-medium text-muted dark:text-night-muted">{label}</p>
      <ol className="space-y-1.5">
        {headings.map((heading) => (
          <li key={heading.anchor} style={{ paddingInlineStart: `${(heading.level - top) * 1}em` }}>
            <a href={`#${idPrefix}${heading.anchor}`}>
              {headingLabel(heading.label) + heading.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
