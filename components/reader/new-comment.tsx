"use client";

import { useState } from "react";
import { CommentEditor } from "@/components/annotations/lazy-comment-editor";
import { ScopeSelect } from "@/components/annotations/scope-select";
import { TagInput } from "@/components/annotations/tag-input";
import type { Scope } from "@/lib/annotations/types";
import { parseTagInput } from "@/lib/format/tags";
import type { TiptapDoc } from "@/lib/rich-text";

interface Props {
  quote: string;
  defaultScope: Scope;
  onSubmit: (input: { body: TiptapDoc; scope: Scope; tags: string[] }) => Promise<string | null>;
  onCancel: () => void;
}

/** Writing a new comment on the selected passage: text, who sees it, optional tags. */
export function NewComment({ quote, defaultScope, onSubmit, onCancel }: Props) {
  const [scope, setScope] = useState<Scope>(defaultScope);
  const [tags, setTags] = useState("");
  const [tagError, setTagError] = useState<string | null>(null);
  return (
    <section className="new-comment card" aria-labelledby="new-comment-title">
      <h3 id="new-comment-title">New comment</h3>
      <blockquote className="quote-excerpt">{quote.length > 160 ? `${quote.slice(0, 157)}…` : quote}</blockquote>
      <CommentEditor
        label="Your comment"
        submitLabel="Post comment"
        mentions={{ scope }}
        autoFocus
        onCancel={onCancel}
        extraFields={
          <div className="new-comment-options">
            <ScopeSelect value={scope} onChange={setScope} />
            <TagInput value={tags} onChange={setTags} error={tagError} />
          </div>
        }
        onSubmit={async (body) => {
          const parsed = parseTagInput(tags);
          setTagError(parsed.ok ? null : parsed.message);
          if (!parsed.ok) return parsed.message;
          return onSubmit({ body, scope, tags: parsed.tags });
        }}
      />
    </section>
  );
}
