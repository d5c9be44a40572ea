import { DocumentList } from "@/components/document-list";
import { SideBySideForm } from "@/components/side-by-side-form";
import { listDocuments } from "@/lib/db/list-documents";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const documents = await listDocuments();
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="font-serif text-3xl font-semibold">语料 · The corpus</h1>
      <p lang="en" className="mt-2 max-w-2xl text-muted dark:text-night-muted">
        Essays on global cyberspace governance, with their notes, cited sources and shared concepts. Open one to read it,
        or read two side by side.
      </p>
      <div className="mt-6">
        <SideBySideForm documents={documents} />
      </div>
      <div className="mt-8">
        <DocumentList documents={documents} />
      </div>
    </div>
  );
}
