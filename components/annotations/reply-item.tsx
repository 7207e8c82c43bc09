"use client";

import { useRef } from "react";
import type { ReplyDTO } from "@/lib/annotations/types";
import { truncateText } from "@/lib/format/truncate-text";
import { plainTextOfUnknown, type TiptapDoc } from "@/lib/rich-text";
import { RichTextView } from "@/components/ui/rich-text-view";
import { AuthorName, ImportedMark, PostedAt } from "./author-name";
import { CommentEditor } from "./lazy-comment-editor";
import { DeleteConfirm } from "./delete-confirm";
import { usePanel } from "./use-panel";
import { PanelButton } from "./panel-button";

/** Result of a save: an error message to show, or nothing on success. */
type SaveResult = Promise<string | null | void>;

/** Props for ReplyItem. */
export interface ReplyItemProps {
  reply: ReplyDTO;
  onEditReply: (reply: ReplyDTO, doc: TiptapDoc) => SaveResult;
  onDeleteReply: (reply: ReplyDTO) => SaveResult;
}

/**
 * One reply: author, time, body (or "This reply was deleted." in its place),
 * and Edit / Delete for the viewer's own replies. Button names quote the
 * start of the reply so two replies by the same student are told apart.
 */
export function ReplyItem({ reply, onEditReply, onDeleteReply }: ReplyItemProps) {
  const rootRef = useRef<HTMLLIElement>(null);
  const panel = usePanel<"edit" | "delete">(rootRef);
  const canChange = reply.isMine && !reply.isDeleted;
  const snippet = truncateText(plainTextOfUnknown(reply.body), 40);
  const what = snippet ? `your reply “${snippet}”` : "your reply";

  return (
    <li className="reply" ref={rootRef} tabIndex={-1} data-reply-id={reply.id}>
      <p className="reply-meta">
        <AuthorName author={reply.author} isMine={reply.isMine} />
        <span aria-hidden="true"> · </span>
        <PostedAt createdAt={reply.createdAt} updatedAt={reply.updatedAt} isDeleted={reply.isDeleted} />
        <ImportedMark imported={reply.imported} />
      </p>
      {reply.isDeleted ? (
        <p className="annotation-deleted">This reply was deleted.</p>
      ) : panel.open === "edit" ? (
        <CommentEditor
          label="Edit your reply"
          noun="reply"
          initialDoc={reply.body}
          submitLabel="Save reply"
          mentions={{ annotationId: reply.annotationId }}
          autoFocus
          onCancel={() => panel.close()}
          onSubmit={async (doc) => {
            const error = await onEditReply(reply, doc);
            if (!error) panel.close();
            return error;
          }}
        />
      ) : (
        <RichTextView doc={reply.body} className="reply-body rich-text" />
      )}
      {canChange && panel.open === "delete" ? (
        <DeleteConfirm
          what={what}
          onConfirm={() => onDeleteReply(reply)}
          onCancel={() => panel.close()}
          onDone={() => panel.close(true)}
        />
      ) : null}
      {canChange && panel.open === null ? (
        <div className="annotation-actions">
          <PanelButton panel={panel} name="edit" label={`Edit ${what}`}>
            Edit
          </PanelButton>
          <PanelButton panel={panel} name="delete" label={`Delete ${what}`}>
            Delete
          </PanelButton>
        </div>
      ) : null}
    </li>
  );
}
