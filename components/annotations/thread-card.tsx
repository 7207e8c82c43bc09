"use client";

import { useId, useRef, type ReactNode } from "react";
import type { AnnotationDTO, ClassRole, ReplyDTO } from "@/lib/annotations/types";
import type { AnnotationPatch } from "@/lib/format/edit-patch";
import { compactSummary, kindLabel, possessive, scopeLabel } from "@/lib/format/annotation-labels";
import { plainTextOfUnknown, type TiptapDoc } from "@/lib/rich-text";
import { RichTextView } from "@/components/ui/rich-text-view";
import { usePendingId } from "@/components/ui/use-pending-id";
import { AnnotationEditForm } from "./annotation-edit-form";
import { AuthorName, ImportedMark, PostedAt } from "./author-name";
import { CommentEditor } from "./lazy-comment-editor";
import { DeleteConfirm } from "./delete-confirm";
import { GuideBadge } from "./guide-badge";
import { QuotePassage } from "./quote-passage";
import { RegionPassage, REGION_SUMMARY } from "./region-passage";
import { ReplyItem } from "./reply-item";
import { ThreadCode } from "./thread-code";
import { useHighlightCodes } from "./highlight-codes-context";
import { usePanel } from "./use-panel";
import { PanelButton } from "./panel-button";

/** Result of a save: an error message to show, or nothing on success. */
type SaveResult = Promise<string | null | void>;

/** Props for ThreadCard. */
export interface ThreadCardProps {
  annotation: AnnotationDTO;
  viewerId: string;
  viewerRole: ClassRole;
  /** The card whose passage is selected in the essay; gets the "is-active" border. */
  isActive: boolean;
  /** Called when the card is clicked or receives focus (also from its buttons). */
  onActivate: (id: string) => void;
  /** `id` is the reply's pending client id: the same on every retry of one reply. */
  onReply: (annotationId: string, doc: TiptapDoc, id: string) => SaveResult;
  onEdit: (annotation: AnnotationDTO, patch: AnnotationPatch) => SaveResult;
  onDelete: (annotation: AnnotationDTO) => SaveResult;
  onEditReply: (reply: ReplyDTO, doc: TiptapDoc) => SaveResult;
  onDeleteReply: (reply: ReplyDTO) => SaveResult;
  /** Makes tags buttons (e.g. to filter by tag); without it they are plain text. */
  onTagClick?: (tag: string) => void;
  /** The flag's own details and controls, for kind "flag"; flags are edited there, not with the generic Edit. */
  flagSection?: ReactNode;
  /**
   * Collapsed to two lines (kind, author, counts; then the first words) while
   * another thread is active: a class's margin holds hundreds of threads.
   * Clicking or focusing it expands it, on the same element, so focus stays.
   */
  isCompact?: boolean;
  /** For the collapsed form of a flag: its change and votes in words. */
  flagSummary?: { change: string; votes: string | null };
}

/**
 * One annotation thread: what kind, whose, when, who can see it, the quoted
 * passage, the body, tags and replies, with Reply / Edit / Delete inline.
 * Stored text is rendered only through RichTextView.
 */
export function ThreadCard(props: ThreadCardProps) {
  const { annotation: a, viewerId, viewerRole, isActive, onActivate, onTagClick } = props;
  const headingId = useId();
  const rootRef = useRef<HTMLElement>(null);
  const panel = usePanel<"reply" | "edit" | "delete">(rootRef);
  const replyId = usePendingId();
  const code = useHighlightCodes().byId.get(a.codeId ?? "");
  // The code is part of the card's name, so a screen reader hears "Highlight · Claim by Ana".
  const codeName = code && !a.isDeleted ? <span className="annotation-code"> · {code.label}</span> : null;

  const isMine = a.isMine || a.author.id === viewerId;
  const isTeacher = viewerRole === "teacher";
  // The API should not send someone else's hidden annotation to a student;
  // if it ever does, not showing it is the safe failure.
  if (a.isHidden && !isMine && !isTeacher) return null;

  const kind = a.kind;
  const whose = `${possessive(a.author.name, isMine)} ${a.guide ?? kind}`;
  // A guide's thread holds answers: students answer, everyone else replies.
  const isAnswer = Boolean(a.guide) && !isTeacher;
  const canChange = isMine && !a.isDeleted;
  const activate = () => {
    if (!isActive) onActivate(a.id);
  };

  const isCompact = Boolean(props.isCompact) && !isActive && panel.open === null;
  if (isCompact) {
    const summary = compactSummary({
      kind,
      quote: a.region ? { ...a.quote, exact: REGION_SUMMARY } : a.quote,
      bodyText: a.isDeleted ? "" : plainTextOfUnknown(a.body),
      replyCount: a.replies.filter((r) => !r.isDeleted).length,
      flag: props.flagSummary,
    });
    return (
      <article
        ref={rootRef}
        className={`annotation-card is-compact is-${kind}${a.guide ? " is-guide" : ""}${a.isDeleted ? " is-deleted" : ""}${a.flag ? ` is-flag-${a.flag.status}` : ""}`}
        aria-labelledby={headingId}
        aria-expanded={false}
        data-annotation-id={a.id}
        tabIndex={0}
        onClick={activate}
        onFocus={activate}
      >
        <h3 id={headingId} className="compact-heading">
          {a.guide ? <GuideBadge guide={a.guide} /> : <span className="annotation-kind">{kindLabel(kind)}</span>}
          {codeName} by <AuthorName author={a.author} isMine={isMine} />
          {a.imported ? <span className="compact-counts"> · Imported</span> : null}
          {summary.counts.length > 0 ? <span className="compact-counts"> · {summary.counts.join(" · ")}</span> : null}
        </h3>
        <p className="compact-line">{a.isDeleted ? `This ${kind} was deleted.` : summary.line}</p>
      </article>
    );
  }

  return (
    <article
      ref={rootRef}
      className={`annotation-card${a.guide ? " is-guide" : ""}${isActive ? " is-active" : ""}${a.isDeleted ? " is-deleted" : ""}`}
      aria-labelledby={headingId}
      aria-current={isActive ? "true" : undefined}
      aria-expanded={props.isCompact ? true : undefined}
      data-annotation-id={a.id}
      tabIndex={0}
      onClick={activate}
      onFocus={activate}
    >
      <header className="annotation-header">
        <h3 id={headingId} className="annotation-heading">
          {a.guide ? <GuideBadge guide={a.guide} /> : <span className="annotation-kind">{kindLabel(kind)}</span>}
          {codeName} by{" "}
          <AuthorName author={a.author} isMine={isMine} />
        </h3>
        <p className="annotation-meta">
          <PostedAt createdAt={a.createdAt} updatedAt={a.updatedAt} isDeleted={a.isDeleted} />
          <ImportedMark imported={a.imported} />
          <span className={`annotation-badge annotation-scope is-${a.scope}`}>
            {a.guide ? (
              // Everyone sees a guide; its scope is who sees the answers.
              a.scope === "class" ? "Answers: class" : "Answers: teachers only"
            ) : (
              <>
                <span className="visually-hidden">Visible to: </span>
                {scopeLabel(a.scope)}
              </>
            )}
          </span>
        </p>
        {a.isHidden ? (
          <p className="annotation-hidden-note">
            {isMine
              ? "Hidden by your teacher. Only you and your teachers can see it."
              : "Hidden by a teacher. Only its author and teachers can see it."}
          </p>
        ) : null}
      </header>

      {a.region ? (
        <RegionPassage region={a.region} />
      ) : (
        <QuotePassage quote={a.quote} anchorStatus={a.anchorStatus} currentText={a.currentText} isFixedInSource={a.flag?.fixedInSource} />
      )}

      {a.isDeleted ? null : props.flagSection}

      <ThreadCode annotation={a} canChange={canChange && !a.imported} onEdit={props.onEdit} />

      {a.isDeleted ? (
        <p className="annotation-deleted">This {kind} was deleted.</p>
      ) : panel.open === "edit" ? (
        <AnnotationEditForm
          annotation={a}
          onEdit={props.onEdit}
          onCancel={() => panel.close()}
          onDone={() => panel.close()}
        />
      ) : a.body ? (
        <RichTextView doc={a.body} className="annotation-body rich-text" />
      ) : null}

      {!a.isDeleted && a.tags.length > 0 && panel.open !== "edit" ? (
        <ul className="annotation-tags" aria-label="Tags">
          {a.tags.map((tag) => (
            <li key={tag}>
              {onTagClick ? (
                <button
                  type="button"
                  className="annotation-tag"
                  aria-label={`Show annotations tagged ${tag}`}
                  onClick={() => onTagClick(tag)}
                >
                  {tag}
                </button>
              ) : (
                <span className="annotation-tag">{tag}</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}

      {panel.open === "delete" && canChange ? (
        <DeleteConfirm
          what={`your ${kind}`}
          note={a.replies.length > 0 ? "Its replies stay visible." : undefined}
          onConfirm={() => props.onDelete(a)}
          onCancel={() => panel.close()}
          onDone={() => panel.close(true)}
        />
      ) : null}

      {panel.open === null ? (
        <div className="annotation-actions">
          <PanelButton panel={panel} name="reply" label={`${isAnswer ? "Answer" : "Reply to"} ${whose}`}>
            {isAnswer ? "Answer" : "Reply"}
          </PanelButton>
          {canChange ? (
            <>
              {props.flagSection ? null : (
                <PanelButton panel={panel} name="edit" label={`Edit ${whose}`}>
                  Edit
                </PanelButton>
              )}
              <PanelButton panel={panel} name="delete" label={`Delete ${whose}`}>
                Delete
              </PanelButton>
            </>
          ) : null}
        </div>
      ) : null}

      {a.replies.length > 0 ? (
        <ol className="annotation-replies" aria-label={`${a.guide ? "Answers to" : "Replies to"} ${whose}`}>
          {a.replies.map((reply) => (
            <ReplyItem key={reply.id} reply={reply} onEditReply={props.onEditReply} onDeleteReply={props.onDeleteReply} />
          ))}
        </ol>
      ) : null}

      {panel.open === "reply" ? (
        <CommentEditor
          label={`${isAnswer ? "Your answer to" : "Reply to"} ${whose}`}
          noun={isAnswer ? "answer" : "reply"}
          placeholder={isAnswer ? "Write your answer…" : "Write a reply…"}
          submitLabel={isAnswer ? "Post answer" : "Post reply"}
          mentions={{ annotationId: a.id }}
          autoFocus
          onCancel={() => {
            replyId.settle();
            panel.close();
          }}
          onSubmit={async (doc) => {
            const error = await props.onReply(a.id, doc, replyId.current());
            if (!error) {
              replyId.settle();
              panel.close();
            }
            return error;
          }}
        />
      ) : null}
    </article>
  );
}
