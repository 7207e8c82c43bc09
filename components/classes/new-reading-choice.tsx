"use client";

import { useState } from "react";
import { EMPTY_GLOSSARY_FIELDS } from "@/lib/validation/glossary-form";
import { ReadingForm } from "./reading-form";
import { SourceReadingForm } from "./source-reading-form";

/**
 * A new reading is a text (pasted, .md or .txt), a file whose text the server reads (PDF, scan, photograph
 * of a document), or a picture whose regions the class annotates.
 */
export function NewReadingChoice() {
  const [kind, setKind] = useState<"text" | "file" | "picture">("text");
  return (
    <div className="stack">
      <fieldset className="choice-row">
        <legend>The reading is</legend>
        <label className="checkbox">
          <input type="radio" name="reading-kind" checked={kind === "text"} onChange={() => setKind("text")} /> A text (Markdown or plain)
        </label>
        <label className="checkbox">
          <input type="radio" name="reading-kind" checked={kind === "file"} onChange={() => setKind("file")} /> A PDF, scan or photograph of a document
        </label>
        <label className="checkbox">
          <input type="radio" name="reading-kind" checked={kind === "picture"} onChange={() => setKind("picture")} /> A picture to annotate as a
          picture (a poster, map, cartoon or photograph)
        </label>
      </fieldset>
      {kind === "text" ? (
        <ReadingForm
          initial={{ title: "", author: "", source: "", sourceUrl: "", retrieved: "", notes: "", text: "", format: "md", isShared: false, glossary: EMPTY_GLOSSARY_FIELDS }}
        />
      ) : (
        <SourceReadingForm key={kind} isPicture={kind === "picture"} />
      )}
    </div>
  );
}
