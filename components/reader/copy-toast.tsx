import type { CopiedLink } from "./use-copy-link";

/** Says which link was copied (or, when the clipboard refused, shows it to copy by hand). */
export function CopyToast({ copied }: { copied: CopiedLink | null }) {
  return (
    <div aria-live="polite" className="copy-toast-region">
      {copied ? (
        <p className="copy-toast" data-copied-link={copied.href}>
          <span lang="en">{copied.ok ? "Link copied:" : "Copy this link:"}</span>{" "}
          <a href={copied.href} className="break-all underline underline-offset-2">
            {decodeURI(copied.href)}
          </a>
        </p>
      ) : null}
    </div>
  );
}
