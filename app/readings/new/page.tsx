import type { Metadata } from "next";
import { NewReadingChoice } from "@/components/classes/new-reading-choice";
import { requireViewer } from "@/lib/server/auth/viewer";

export const metadata: Metadata = { title: "Add a reading" };

export default async function NewReadingPage() {
  await requireViewer("/readings/new");
  return (
    <div className="narrow-page wide">
      <h1>Add a reading</h1>
      <NewReadingChoice />
    </div>
  );
}
