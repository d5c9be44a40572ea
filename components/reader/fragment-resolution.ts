/** Where a block anchor of a document points now (the reader's `anchors/<anchor>` route). */
export type Resolution =
  | { status: "current"; anchor: string }
  | { status: "moved"; anchor: string; targetAnchor: string; targetOffset: number }
  | { status: "orphaned"; anchor: string; quote: string }
  | { status: "unknown"; anchor: string };

/** A resolution the reader says something about: every one but `current`. */
export type LinkNoticeResolution = Exclude<Resolution, { status: "current" }>;

/** What the reader says about a resolution: nothing when the anchor is current. */
export function noticeOf(resolution: Resolution): LinkNoticeResolution | null {
  return resolution.status === "current" ? null : resolution;
}

/**
 * The resolution in the anchors route's answer about `anchor`, checked field by field (this runs in the
 * browser, which the route schemas' zod stays out of). An answer that is not one (the route's 404 for a
 * document no longer there, `{ error }`; a 503; whatever a proxy sends) finds no passage: `unknown`, for
 * the anchor asked for. The route's 400 for a malformed anchor is itself an `unknown` resolution.
 */
export function resolutionFrom(body: unknown, anchor: string): Resolution {
  const unknown: Resolution = { status: "unknown", anchor };
  if (typeof body !== "object" || body === null) return unknown;
  const answer = body as Record<string, unknown>;
  const { status, anchor: answered, targetAnchor, targetOffset, quote } = answer;
  if (typeof answered !== "string" || answered === "") return unknown;
  switch (status) {
    case "current":
    case "unknown":
      return { status, anchor: answered };
    case "moved":
      return typeof targetAnchor === "string" && targetAnchor !== "" && typeof targetOffset === "number" && Number.isInteger(targetOffset) && targetOffset >= 0
        ? { status, anchor: answered, targetAnchor, targetOffset }
        : unknown;
    case "orphaned":
      return typeof quote === "string" ? { status, anchor: answered, quote } : unknown;
    default:
      return unknown;
  }
}
