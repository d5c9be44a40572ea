import type { LinkNoticeResolution } from "./fragment-resolution";
import { ReaderNotice } from "./reader-notice";

/**
 * What became of the passage a link's fragment named: moved (and shown where it is now), gone, or never
 * there. Keyed by its anchor where it is rendered, so a notice dismissed comes back for another link.
 */
export function LinkNotice({ notice }: { notice: LinkNoticeResolution }) {
  return (
    <ReaderNotice kind={notice.status === "moved" ? "moved" : notice.status === "orphaned" ? "orphaned" : "unknown"}>
      {notice.status === "moved" ? (
        <span lang="en">This link pointed to a passage that has since moved; showing where it is now.</span>
      ) : notice.status === "orphaned" ? (
        <>
          <span lang="en">This link pointed to a passage that is no longer in the document:</span>
          <blockquote className="mt-1 font-serif">“{notice.quote}”</blockquote>
        </>
      ) : (
        <span lang="en">This link points to a passage this document does not have (#{notice.anchor}).</span>
      )}
    </ReaderNotice>
  );
}
