import type { Metadata } from "next";
import { ReadingForm } from "@/components/classes/reading-form";
import { EMPTY_GLOSSARY_FIELDS } from "@/lib/validation/glossary-form";
import { requireViewer } from "@/lib/server/auth/viewer";

export const metadata: Metadata = { title: "Add a reading" };

export default async function NewReadingPage() {
  await requireViewer("/readings/new");
  return (
    <div className="narrow-page wide">
      <h1>Add a reading</h1>
      <ReadingForm
        initial={{ title: "", author: "", source: "", sourceUrl: "", retrieved: "", notes: "", text: "", format: "md", isShared: false, glossary: EMPTY_GLOSSARY_FIELDS }}
      />
    </div>
  );
}
