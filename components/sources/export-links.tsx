import { EXPORT_FORMATS, type ExportFormat } from "@/lib/citations/export-sources";

const FORMAT_LABELS: Record<ExportFormat, string> = {
  bibtex: "BibTeX",
  ris: "RIS",
  "csl-json": "CSL-JSON",
  gbt7714: "GB/T 7714",
};

/** Download links for every export format; `href` builds the URL of one format. */
export function ExportLinks({ href, label }: { href: (format: ExportFormat) => string; label: string }) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-muted dark:text-night-muted">{label}:</span>
      {EXPORT_FORMATS.map((format) => (
        <a
          key={format}
          href={href(format)}
          download
          data-format={format}
          className="rounded border border-rule px-2 py-0.5 no-underline hover:border-accent hover:text-accent dark:border-night-rule dark:hover:border-night-accent dark:hover:text-night-accent"
        >
          {FORMAT_LABELS[format]}
        </a>
      ))}
    </nav>
  );
}
