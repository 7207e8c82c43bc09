"use client";

import { useId, useState } from "react";
import { CommentEditor } from "@/components/annotations/lazy-comment-editor";
import { ScopeSelect } from "@/components/annotations/scope-select";
import { TagInput } from "@/components/annotations/tag-input";
import type { Scope } from "@/lib/annotations/types";
import { parseTagInput } from "@/lib/format/tags";
import type { TiptapDoc } from "@/lib/rich-text";

type Guide = "question" | "instruction";

interface Props {
  quote: string;
  defaultScope: Scope;
  /** A teacher of the class: the comment can be pinned as a guiding question or an instruction. */
  canPinGuide?: boolean;
  onSubmit: (input: { body: TiptapDoc; scope: Scope; tags: string[]; guide?: Guide }) => Promise<string | null>;
  onCancel: () => void;
}

const GUIDE_LABELS: Record<"" | Guide, string> = {
  "": "A comment",
  question: "Guiding question (everyone sees it; students answer)",
  instruction: "Instruction (everyone sees it)",
};

/** Writing a new comment on the selected passage: text, who sees it, optional tags; for teachers, pin it as a guide. */
export function NewComment({ quote, defaultScope, canPinGuide = false, onSubmit, onCancel }: Props) {
  const [scope, setScope] = useState<Scope>(defaultScope);
  const [tags, setTags] = useState("");
  const [tagError, setTagError] = useState<string | null>(null);
  const [guide, setGuide] = useState<"" | Guide>("");
  const guideId = useId();
  const title = guide === "question" ? "New guiding question" : guide === "instruction" ? "New instruction" : "New comment";
  return (
    <section className="new-comment card" aria-labelledby="new-comment-title">
      <h3 id="new-comment-title">{title}</h3>
      <blockquote className="quote-excerpt">{quote.length > 160 ? `${quote.slice(0, 157)}…` : quote}</blockquote>
      <CommentEditor
        label={guide ? "Your words to the class" : "Your comment"}
        submitLabel={guide ? "Pin for the class" : "Post comment"}
        mentions={{ scope }}
        autoFocus
        onCancel={onCancel}
        extraFields={
          <div className="new-comment-options">
            {canPinGuide ? (
              <div className="field annotation-field">
                <label htmlFor={guideId}>Post as</label>
                <select
                  id={guideId}
                  value={guide}
                  onChange={(e) => {
                    const next = e.target.value as "" | Guide;
                    setGuide(next);
                    // A guide is for the class: its scope says who sees the answers, never "only me".
                    if (next && scope === "private") setScope("class");
                  }}
                >
                  {(["", "question", "instruction"] as const).map((value) => (
                    <option key={value} value={value}>
                      {GUIDE_LABELS[value]}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <ScopeSelect value={scope} onChange={setScope} label={guide ? "Who sees the answers" : undefined} />
            <TagInput value={tags} onChange={setTags} error={tagError} />
          </div>
        }
        onSubmit={async (body) => {
          const parsed = parseTagInput(tags);
          setTagError(parsed.ok ? null : parsed.message);
          if (!parsed.ok) return parsed.message;
          return onSubmit({ body, scope, tags: parsed.tags, ...(guide ? { guide } : {}) });
        }}
      />
    </section>
  );
}
