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
