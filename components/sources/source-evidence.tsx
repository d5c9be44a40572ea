import type { SourceEvidence } from "@/lib/citations/group-sources";
import { confidenceLabel, EVIDENCE_LABELS } from "./source-labels";

/** How sure the grouping is that these citations name one work, and the evidence for each merge. */
export function SourceEvidenceList({ confidence, evidence, citations }: { confidence: number; evidence: SourceEvidence[]; citations: number }) {
  return (
    <div className="text-sm" data-testid="source-evidence">
      <p>
        Grouping confidence: <strong>{confidenceLabel(confidence)}</strong>{" "}
        <span className="text-muted dark:text-night-muted">({Math.round(confidence * 100)}%, the weakest merge)</span>
      </p>
      {evidence.length === 0 ? (
        <p className="mt-1 text-muted dark:text-night-muted">
          {citations === 1 ? "Cited once: nothing was merged." : "Every citation gives the work identically."}
        </p>
      ) : (
        <ul className="mt-2 grid gap-1.5">
          {evidence.map((item) => (
            <li key={`${item.kind}:${item.detail}`} data-evidence={item.kind}>
              <span className="font-medium">{EVIDENCE_LABELS[item.kind as keyof typeof EVIDENCE_LABELS] ?? item.kind}</span>
              <span className="block font-serif text-muted dark:text-night-muted" lang="zh-Hans">
                {item.detail}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
