import { redirect } from "next/navigation";

/** The list of sources is the corpus bibliography. */
export default function SourcesIndex() {
  redirect("/bibliography");
}
