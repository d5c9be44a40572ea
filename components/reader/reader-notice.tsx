"use client";

import { useState } from "react";

/** A gentle note about where a link landed (moved, edited, or gone), kept in view until dismissed. */
export function ReaderNotice({ kind, children }: { kind: "moved" | "orphaned" | "unknown"; children: React.ReactNode }) {
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <div role="status" data-link-notice={kind} className="link-notice">
      <div className="min-w-0 flex-1">{children}</div>
      <button type="button" onClick={() => setOpen(false)} className="link-notice-close" aria-label="Dismiss this notice">
        ×
      </button>
    </div>
  );
}
