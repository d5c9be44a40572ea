import type { SourceDetails } from "@/lib/db/source-record";
import { OutboundLink } from "./outbound-link";
import { SOURCE_TYPE_LABELS } from "./source-labels";

/** The cited work's record: who issued it, what it is, when and where it appeared, and its URLs. */
export function SourceRecordView({ source }: { source: SourceDetails }) {
  const type = SOURCE_TYPE_LABELS[source.type];
  const rows: [string, React.ReactNode][] = [];
  rows.push(["Type", <span key="t">{type.zh} <span className="text-muted dark:text-night-muted">({type.en})</span></span>]);
  if (source.authors.length > 0) rows.push([source.type === "speech" ? "Speaker" : "Authors / issuing body", source.authors.join("、")]);
  if (source.date) rows.push(["Date", <time key="d" dateTime={source.date}>{source.date}</time>]);
  if (source.container) rows.push([source.type === "journal-article" ? "Journal" : "Published by / on", source.container]);
  if (source.issue) rows.push(["Issue", source.issue]);
  if (source.pages) rows.push(["Pages", source.pages]);
  if (source.versions.length > 0) rows.push(["Versions cited", source.versions.join(", ")]);
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm" data-testid="source-record">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-muted dark:text-night-muted">{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      <dt className="text-muted dark:text-night-muted">{source.urls.length > 1 ? "URLs" : "URL"}</dt>
      <dd>
        {source.urls.length === 0 ? (
          <span className="text-muted dark:text-night-muted">none given in the notes</span>
        ) : (
          <ul className="grid gap-1">
            {source.urls.map((url) => (
              <li key={url}>
                <OutboundLink url={url} />
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
