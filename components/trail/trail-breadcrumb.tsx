import Link from "next/link";
import { encodeStep, type Trail } from "@/lib/trail/trail-param";
import { stepHref } from "@/lib/urls/app-urls";

export interface TrailStepLabel {
  label: string;
  found: boolean;
}

const KIND = { marker: "注", source: "源", note: "注" } as const;
const KIND_EN = { marker: "started at note", source: "source", note: "citing note" } as const;

/**
 * The footnote trail as links, oldest step first; the last step is the page the reader is on. Labels come
 * from `describeTrail` (lib/db/describe-trail.ts); without them the steps show their ids. A trail that
 * could not be read is reported in one quiet line and otherwise ignored.
 */
export function TrailBreadcrumb({
  trail,
  labels,
  invalid = false,
}: {
  trail: Trail;
  labels?: ReadonlyMap<string, TrailStepLabel>;
  invalid?: boolean;
}) {
  if (trail.length === 0 && !invalid) return null;
  return (
    <div className="mb-6 text-sm">
      {invalid ? (
        <p role="status" data-testid="trail-notice" className="mb-2 text-muted dark:text-night-muted">
          The footnote trail in this link could not be read, so it was left out.
        </p>
      ) : null}
      {trail.length > 0 ? (
        <nav aria-label="Footnote trail" data-testid="trail-breadcrumb">
          <ol className="flex flex-wrap items-center gap-x-1 gap-y-1">
            {trail.map((step, index) => {
              const id = encodeStep(step);
              const described = labels?.get(id);
              const text = described?.label ?? (step.kind === "source" ? step.key : `${step.slug} · ${step.noteAnchor}`);
              const current = index === trail.length - 1;
              return (
                <li key={`${index}-${id}`} className="flex items-center gap-1" data-step-kind={step.kind}>
                  {index > 0 ? (
                    <span aria-hidden="true" className="px-1 text-muted dark:text-night-muted">
                      →
                    </span>
                  ) : null}
                  <span aria-hidden="true" className="rounded bg-accent-soft px-1 font-serif text-xs text-accent dark:bg-white/10 dark:text-night-accent">
                    {KIND[step.kind]}
                  </span>
                  <span className="sr-only">{KIND_EN[step.kind]}: </span>
                  {current ? (
                    <span aria-current="page" className="font-medium">
                      {text}
                    </span>
                  ) : (
                    <Link href={stepHref(trail, index)} className="underline decoration-rule underline-offset-2 hover:text-accent dark:decoration-night-rule dark:hover:text-night-accent">
                      {text}
                    </Link>
                  )}
                  {described && !described.found ? <span className="text-xs text-muted dark:text-night-muted">(no longer in the corpus)</span> : null}
                </li>
              );
            })}
          </ol>
        </nav>
      ) : null}
    </div>
  );
}
