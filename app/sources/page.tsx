import { redirect } from "next/navigation";
import { bibliographyHref } from "@/lib/urls/app-urls";

/** The list of sources is the corpus bibliography. */
export default function SourcesIndex() {
  redirect(bibliographyHref());
}
