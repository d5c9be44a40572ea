import type { SelectionLink } from "./use-selection-link";

/** The button beside a selection that copies the link to exactly that passage. */
export function SelectionLinkButton({ link, onCopy }: { link: SelectionLink; onCopy: (href: string) => void }) {
  return (
    <button
      type="button"
      className="selection-link"
      style={{ top: link.top, left: link.left }}
      // Keep the selection: a mousedown on the button would otherwise clear it before the click.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onCopy(link.href)}
    >
      <span lang="en">Copy link to selection</span>
    </button>
  );
}
