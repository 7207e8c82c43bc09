"use client";

import { passageWords } from "@/lib/annotations/passage-words";
import { useRef } from "react";
import { usePanel } from "@/components/annotations/use-panel";
import { RichTextView } from "@/components/ui/rich-text-view";
import { canVoteOnFlag, isFlagEditable, type FlagAnnotation } from "@/lib/annotations/flags";
import type { ClassRole } from "@/lib/annotations/types";
import { possessive } from "@/lib/format/annotation-labels";
import {
  describeCorrection,
  describeFinders,
  describeVotes,
  flagCategoryName,
  flagStatusLabel,
  statusReasonLabel,
} from "@/lib/format/flag-labels";
import { buildFlagPatch } from "@/lib/format/flag-form";
import { FlagAuditTrail } from "./flag-audit-trail";
import { FlagEvidenceList } from "./flag-evidence-list";
import { FlagForm } from "./flag-form";
import { FlagMerge } from "./flag-merge";
import { FlagReview } from "./flag-review";
import { FlagVote } from "./flag-vote";
import { UnmergeButton } from "./unmerge-button";
import type { FlagActions } from "./use-flag-actions";
import "./flags.css";
import { PanelButton } from "@/components/annotations/panel-button";

/** Props for FlagCardSection. */
export interface FlagCardSectionProps {
  annotation: FlagAnnotation;
  viewer: { id: string; role: ClassRole };
  /** Flags this one could be merged into (teachers only); see findMergeTargets. */
  mergeTargets: readonly FlagAnnotation[];
  actions: FlagActions;
}

/**
 * The flag part of a thread card: the proposed change in words (the inline
 * "→ 1955" in the text is CSS only, so this is where screen readers get it),
 * its status and the teacher's reason, rationale, sources, votes, finders
 * and history; then what the viewer may do: vote, edit their own flag, or,
 * for a teacher, decide on it and merge duplicates.
 */
export function FlagCardSection({ annotation: a, viewer, mergeTargets, actions }: FlagCardSectionProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const panel = usePanel<"edit">(rootRef);
  const { flag } = a;
  const isMine = a.isMine || a.author.id === viewer.id;
  const isTeacher = viewer.role === "teacher";
  const whose = `${possessive(a.author.name, isMine)} flag`;
  const change = describeCorrection(passageWords(a), flag.correction);
  const finders = describeFinders(flag.finders, viewer.id);

  return (
    <div className={`flag-section is-${flag.status}`} ref={rootRef} tabIndex={-1}>
      <p className="flag-category">{flagCategoryName(flag.category)}</p>
      <p className="flag-correction">
        <span className="visually-hidden">Proposed correction: </span>
        {change.to === null ? (
          <>
            delete <del>“{change.from}”</del>
          </>
        ) : (
          <>
            <del>{change.from}</del> <span aria-hidden="true">→</span>
            <span className="visually-hidden"> should read </span> <ins>{change.to}</ins>
          </>
        )}
      </p>
      <p className="flag-status-line">
        <span className={`flag-badge is-${flag.status}`}>
          <span className="visually-hidden">Status: </span>
          {flagStatusLabel(flag.status)}
        </span>
      </p>
      {flag.statusReason ? (
        <p className="flag-status-reason">
          <strong>{statusReasonLabel(flag.status)}</strong> {flag.statusReason}
        </p>
      ) : null}
      {flag.fixedInSource ? <p className="flag-fixed-note">Fixed in the source: a later revision of the text reads as the correction.</p> : null}
      {flag.status === "merged" ? (
        <p className="flag-merged-note">Merged into another flag on the same words; its finders are credited there.</p>
      ) : null}

      {panel.open === "edit" ? (
        <section className="flag-edit" aria-label={`Edit ${whose}`}>
          {flag.status === "needs_evidence" ? (
            <p className="annotation-field-hint">Saving sends the flag back to your teacher as open.</p>
          ) : null}
          <FlagForm
            original={passageWords(a)}
            initial={{ ...flag, scope: a.scope, tags: a.tags }}
            submitLabel={flag.status === "needs_evidence" ? "Resubmit flag" : "Save flag"}
            onCancel={() => panel.close()}
            onSubmit={async (out) => {
              const { patch } = buildFlagPatch(flag, out, out.rationale);
              const sameTags = out.tags.join() === a.tags.join();
              const error = await actions.editFlag(a, patch, {
                ...(out.scope !== a.scope ? { scope: out.scope } : {}),
                ...(sameTags ? {} : { tags: out.tags }),
              });
              if (!error) panel.close();
              return error;
            }}
          />
        </section>
      ) : (
        <>
          {flag.rationale ? <RichTextView doc={flag.rationale} className="flag-rationale rich-text" /> : null}
          <FlagEvidenceList evidence={flag.evidence} />
        </>
      )}

      <p className="flag-tally">{describeVotes(flag.votes)}</p>
      {finders ? <p className="flag-finders">{finders}</p> : null}
      <FlagAuditTrail audit={flag.audit} />

      {isMine && isFlagEditable(flag.status) && panel.open === null ? (
        <div className="annotation-actions">
          <PanelButton panel={panel} name="edit">
            {flag.status === "needs_evidence" ? "Add evidence and resubmit" : "Edit flag"}
          </PanelButton>
        </div>
      ) : null}
      {canVoteOnFlag(a, viewer) ? (
        <FlagVote
          myVote={flag.myVote}
          whose={whose}
          onVote={(value, reason) => actions.vote(a, value, reason)}
          onClear={() => actions.clearVote(a)}
        />
      ) : null}
      {isTeacher && flag.status !== "merged" ? (
        <>
          <FlagReview flag={flag} whose={whose} onReview={(decision) => actions.review(a, decision)} />
          <FlagMerge flag={a} targets={mergeTargets} whose={whose} onMerge={(intoId) => actions.merge(a, intoId)} />
        </>
      ) : null}
      {isTeacher && flag.status === "merged" && flag.mergedIntoId ? (
        <div className="annotation-actions">
          <UnmergeButton whose={whose} onUnmerge={() => actions.unmerge(a)} />
        </div>
      ) : null}
    </div>
  );
}
