"use client";

import { useState } from "react";
import type { AnnotationDTO, Scope } from "@/lib/annotations/types";
import { buildEditPatch, type AnnotationPatch } from "@/lib/format/edit-patch";
import { formatTagInput } from "@/lib/format/tags";
import type { TiptapDoc } from "@/lib/rich-text";
import { CommentEditor } from "./lazy-comment-editor";
import { ScopeSelect } from "./scope-select";
import { TagInput } from "./tag-input";

/** Props for AnnotationEditForm. */
export interface AnnotationEditFormProps {
  annotation: AnnotationDTO;
  /** Saves the changed fields; resolves to an error message, or nothing on success. */
  onEdit: (annotation: AnnotationDTO, patch: AnnotationPatch) => Promise<string | null | void>;
  onCancel: () => void;
  /** Called after a successful save (or when nothing changed). */
  onDone: () => void;
}

/**
 * Edits the author's own annotation: body, tags and who can see it, saved
 * together with the editor's Save button (or Ctrl+Enter). Only fields that
 * changed are sent. A bare highlight may stay without text.
 */
export function AnnotationEditForm({ annotation, onEdit, onCancel, onDone }: AnnotationEditFormProps) {
  const [tagsText, setTagsText] = useState(() => formatTagInput(annotation.tags));
  const [tagsError, setTagsError] = useState<string | null>(null);
  const [scope, setScope] = useState<Scope>(annotation.scope);
  const noun = annotation.kind;

  async function save(body: TiptapDoc): Promise<string | null | void> {
    const built = buildEditPatch(annotation, body, tagsText, scope);
    if (!built.ok) {
      setTagsError(built.message);
      return built.message;
    }
    setTagsError(null);
    if (built.isEmpty) {
      onDone();
      return;
    }
    const error = await onEdit(annotation, built.patch);
    if (!error) onDone();
    return error;
  }

  return (
    <CommentEditor
      label={`Edit your ${noun}`}
      noun={noun}
      initialDoc={annotation.body}
      allowEmpty={annotation.kind === "highlight"}
      placeholder={annotation.kind === "highlight" ? "Add a note (optional)" : undefined}
      submitLabel="Save"
      mentions={{ annotationId: annotation.id }}
      autoFocus
      onCancel={onCancel}
      onSubmit={save}
      extraFields={
        <div className="annotation-edit-fields">
          <TagInput
            value={tagsText}
            error={tagsError}
            onChange={(value) => {
              setTagsText(value);
              setTagsError(null);
            }}
          />
          <ScopeSelect value={scope} onChange={setScope} />
        </div>
      }
    />
  );
}
