import type { Attachment } from "@/lib/model/document-model";

/**
 * What the reader says about how a text came to stand where it does: a note placed under its marker with
 * less than certainty, and an editorial correction (corpus/<name>.corrections.json). Said in words, never
 * by colour alone; everything the parser or an editor wrote is rendered as React text.
 */

const attachedBy: Record<Attachment["how"], string> = {
  label: "its printed label",
  list: "the page's list of labels",
  order: "its order on the page",
  wording: "wording it shares with the sentence before the marker",
  ibid: "a 同上 (ibid.) chain",
  correction: "an editorial correction",
};

/** "归属存疑 · attachment uncertain", then why the parser put the text here and how sure it is. */
export function UncertainAttachment({ attachment }: { attachment: Attachment }) {
  return (
    <span className="provenance-note block" data-attachment="uncertain">
      <span className="provenance-badge">
        归属存疑 · <span lang="en">attachment uncertain</span>
      </span>{" "}
      <span lang="en">{`Placed under this marker by ${attachedBy[attachment.how]} (confidence ${Math.round(attachment.confidence * 100)}%): ${attachment.evidence}`}</span>
    </span>
  );
}

/** An editor's intervention, bracketed as editions mark them: [编者订正 · editorial correction: …]. */
export function EditorialCorrection({ correction, block = false }: { correction: string; block?: boolean }) {
  // The mark names itself: a message that does too ("Editorial correction: …") is not said twice.
  const what = correction.replace(/^\s*editorial correction\s*[:：]\s*/iu, "") || correction;
  return (
    <span className={block ? "editorial-mark block" : "editorial-mark"} data-correction="">
      <span aria-hidden="true">[</span>
      编者订正 · <span lang="en">{`editorial correction: ${what}`}</span>
      <span aria-hidden="true">]</span>
    </span>
  );
}
