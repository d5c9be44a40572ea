import type { ReactNode } from "react";
import { NuqsAdapter } from "nuqs/adapters/next/app";

/**
 * Side by side keeps its panes' positions and choices in the address through nuqs; it is the only part of the
 * app that does, so only its pages load the adapter (in the root layout every page downloaded and hydrated it).
 */
export default function CompareLayout({ children }: { children: ReactNode }) {
  return <NuqsAdapter>{children}</NuqsAdapter>;
}
