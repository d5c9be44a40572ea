import type { ParseScore } from "./score-parse";

/**
 * The invariants every generated layout must satisfy, as named checks on a score. A violation names the
 * invariant and says what broke, briefly; the failure report prints the details.
 */

export const INVARIANTS = [
  "no-wrong-attachment",
  "no-body-text-lost",
  "no-text-added-to-body",
  "no-debris-leaked",
  "every-heading-found",
  "every-marker-found",
  "unsure-notes-warned",
] as const;
export type InvariantName = (typeof INVARIANTS)[number];

export interface Violation {
  invariant: InvariantName;
  detail: string;
}

const SHOWN = 3;
const clip = (s: string, n = 40) => (Array.from(s).length > n ? `${Array.from(s).slice(0, n).join("")}…` : s);

export function invariantViolations(score: ParseScore): Violation[] {
  const out: Violation[] = [];
  if (score.wrongAttachments.length > 0) {
    out.push({
      invariant: "no-wrong-attachment",
      detail: score.wrongAttachments
        .slice(0, SHOWN)
        .map((w) => `p${w.page} ${w.label} ${w.kind}: attached «${clip(w.attached)}» expected «${clip(w.expected)}»`)
        .join("; "),
    });
  }
  // Lost (or reordered: a move shows as lost here and added there) and added are apart: losing the
  // author's text is the worse failure, and each shrinks to its own smallest layout.
  if (score.body.lost > 0) {
    out.push({ invariant: "no-body-text-lost", detail: `lost ${score.body.lost} [${score.body.lostRuns.slice(0, SHOWN).map((r) => clip(r)).join(" | ")}]` });
  }
  if (score.body.added > 0) {
    out.push({ invariant: "no-text-added-to-body", detail: `added ${score.body.added} [${score.body.addedRuns.slice(0, SHOWN).map((r) => clip(r)).join(" | ")}]` });
  }
  if (score.debrisLeaked.length > 0) out.push({ invariant: "no-debris-leaked", detail: score.debrisLeaked.slice(0, SHOWN).map((d) => `«${d.text}» in ${d.where}`).join("; ") });
  if (score.headings.found < score.headings.truth) out.push({ invariant: "every-heading-found", detail: `missed ${score.headings.missed.slice(0, SHOWN).join("; ")}` });
  if (score.markers.found < score.markers.truth || score.markers.spurious > 0) {
    out.push({ invariant: "every-marker-found", detail: `${score.markers.found}/${score.markers.truth} found in place, ${score.markers.spurious} spurious` });
  }
  if (score.notes.unattachedWithoutWarning.length > 0) {
    out.push({ invariant: "unsure-notes-warned", detail: score.notes.unattachedWithoutWarning.slice(0, SHOWN).map((n) => `p${n.page} ${n.label}`).join(", ") });
  }
  return out;
}
