"use client";

import { useMemo, useRef, useState } from "react";
import { AssignmentGroupsPanel } from "@/components/groups/assignment-groups-panel";
import { groupFilterOptions, keepByAuthor, parseGroupFilter, studentsOf } from "@/lib/groups/group-filter";
import type { AssignmentGroupsDTO } from "@/lib/groups/types";
import type { Block } from "@/lib/content";
import { countByStatus } from "@/lib/review/flag-queue";
import { withKeyScores } from "@/lib/review/student-table";
import { AddEntryForm } from "./add-entry-form";
import { AnnotationListPanel } from "./annotation-list-panel";
import { AnswerKeyPanel } from "./answer-key-panel";
import { ExportImportPanel } from "./export-import-panel";
import { FlagQueuePanel } from "./flag-queue-panel";
import { GuideAnswersPanel } from "./guide-answers-panel";
import { HeatmapPanel } from "./heatmap-panel";
import { HintsPanel } from "./hints-panel";
import { KeyReportPanel } from "./key-report-panel";
import { ReviewSection } from "./review-section";
import { ReviewTabs } from "./review-tabs";
import { SettingsForm } from "./settings-form";
import { StudentTablePanel } from "./student-table-panel";
import { useDashboardData, type DashboardData } from "./use-dashboard-data";
import { useQueueActions } from "./use-queue-actions";
import { useReviewData, type ReviewData } from "./use-review-data";
import { PictureContext, type PictureInfo } from "@/components/reader/picture-context";
import "./review.css";
import "./dashboard.css";

/** Props for ReviewView. */
export interface ReviewViewProps {
  initial: ReviewData;
  /** The current text of the essay, for the heatmap and the "Add by hand" occurrence count. */
  text: string;
  /** The text's blocks (headings, paragraphs, bullets), for the heatmap's layout. */
  blocks: Block[];
  essaySlug: string;
  /** The class's annotations and the per-student table. */
  dashboard: DashboardData;
  /** Which groups the assignment uses, for the group filter and the Small groups section. */
  groups: AssignmentGroupsDTO;
  classroomId: string;
  /** A picture reading's picture: regions are shown on it in the heatmap, the queue and the lists. */
  picture?: PictureInfo | null;
}

/**
 * The teacher's review dashboard, as tabs (review-tabs.tsx): what the class
 * noticed (heatmap), the flag queue, each student's work, the answer key
 * (hints, the key, who found what), every annotation (to hide one),
 * settings, and export / import. Each panel is its own component in a
 * ReviewSection, whose id is the section's old anchor.
 */
export function ReviewView({ initial, text, blocks, essaySlug, dashboard, groups: initialGroups, classroomId, picture = null }: ReviewViewProps) {
  const data = useReviewData(initial);
  const board = useDashboardData(initial.assignmentId, dashboard, data.reload);
  const assignment = { id: initial.assignmentId, essaySlug };
  const keyHeadingRef = useRef<HTMLHeadingElement>(null);

  const queueActions = useQueueActions({
    assignmentId: initial.assignmentId,
    apply: board.apply,
    refresh: board.refresh,
    reloadScores: board.reloadScores,
  });
  const openFlags = useMemo(() => countByStatus(board.annotations).open, [board.annotations]);
  // The table's key columns read the same report as "Who found what", so both change together (one rule).
  // A group filter keeps the work of one group's students (by author) in the heatmap, queue, table and list.
  const [groups, setGroups] = useState(initialGroups);
  const [filterValue, setFilterValue] = useState("all");
  const filterOptions = groupFilterOptions(groups.set);
  const shown = useMemo(() => studentsOf(parseGroupFilter(filterValue, groups.set), groups.set), [filterValue, groups.set]);
  const allAnnotations = board.annotations;
  const annotations = useMemo(() => [...keepByAuthor(allAnnotations, shown, (a) => a.author.id)], [allAnnotations, shown]);
  const students = useMemo(
    () => ({ ...board.students, rows: [...keepByAuthor(withKeyScores(board.students.rows, data.report.students), shown, (r) => r.student.id)] }),
    [board.students, data.report, shown],
  );
  const roster = useMemo(() => students.rows.map((r) => r.student), [students.rows]);

  return (
    <PictureContext value={picture}>
      {filterOptions.length > 0 ? (
        <p className="group-filter">
          <label>
            Show the work of{" "}
            <select value={filterValue} onChange={(e) => setFilterValue(e.target.value)}>
              {filterOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          <span className="muted">in the heatmap, the flag queue, the students table and the list of annotations.</span>
        </p>
      ) : null}
      <ReviewTabs
        badges={{ "flag-queue": openFlags > 0 ? `${openFlags} open` : undefined }}
        panels={{
          heatmap: (
            <ReviewSection
              id="heatmap"
              title={picture ? "Region heatmap" : "Passage heatmap"}
              intro={
                picture
                  ? "What the class noticed on the picture: each spot it marked, coloured and numbered by how many different students marked it."
                  : "What the class noticed, and what nobody did: each passage coloured by how many different students marked it."
              }
            >
              <HeatmapPanel text={text} blocks={blocks} annotations={annotations} assignment={assignment} codes={board.codes} picture={picture} />
            </ReviewSection>
          ),
          "flag-queue": (
            <ReviewSection id="flag-queue" title="Flag queue" intro="Every flag the class raised, to verify, reject, send back for evidence or merge.">
              <FlagQueuePanel
                annotations={annotations}
                text={text}
                assignment={assignment}
                onReview={board.reviewFlag}
                onHide={board.setHidden}
                actions={queueActions}
              />
            </ReviewSection>
          ),
          students: (
            <ReviewSection id="students" title="Students" intro="Each student's work on this assignment. Names open their annotations in the reader.">
              <StudentTablePanel table={students} />
            </ReviewSection>
          ),
          "guiding-questions": (
            <ReviewSection
              id="guiding-questions"
              title="Guiding questions"
              intro="The questions and instructions you pinned to passages, and which students answered them in their threads."
            >
              <GuideAnswersPanel annotations={allAnnotations} roster={roster} assignment={assignment} />
            </ReviewSection>
          ),
          "answer-key": (
            <>
              <ReviewSection
                id="hints"
                title="Hints"
                intro="Automatic checks of the text. They can be wrong: add the ones you agree with to the answer key."
              >
                <HintsPanel hints={data.hints.state} onRetry={data.hints.retry} entries={data.key.entries} onAdd={data.addFromHint} text={text} />
              </ReviewSection>
              <ReviewSection
                id="answer-key"
                title="Answer key"
                intro="The errors you expect students to flag. Students never see the key."
                headingRef={keyHeadingRef}
              >
                <AnswerKeyPanel
                  entries={data.key.entries}
                  reportEntries={data.report.entries}
                  onDelete={data.deleteEntry}
                  headingRef={keyHeadingRef}
                >
                  <AddEntryForm text={text} onAdd={data.addByHand} />
                </AnswerKeyPanel>
              </ReviewSection>
              <ReviewSection
                id="who-found-what"
                title="Who found what"
                intro="A flag finds an entry when it covers some of the same words in the same category."
              >
                <KeyReportPanel report={data.report} />
              </ReviewSection>
            </>
          ),
          "all-annotations": (
            <ReviewSection
              id="all-annotations"
              title="All annotations"
              intro="Hide an annotation to take it away from the class; its author and the class's teachers still see it, marked hidden."
            >
              <AnnotationListPanel annotations={annotations} assignment={assignment} onHide={board.setHidden} />
            </ReviewSection>
          ),
          settings: (
            <>
              <ReviewSection id="settings" title="Settings">
                <SettingsForm settings={data.settings} onSave={data.saveSettings} />
              </ReviewSection>
              <ReviewSection
                id="groups"
                title="Small groups"
                intro="In a group assignment, a student's class comments are seen by their group and the teachers."
              >
                <AssignmentGroupsPanel groups={groups} classroomId={classroomId} onChange={setGroups} />
              </ReviewSection>
            </>
          ),
          "export-import": (
            <ReviewSection id="export-import" title="Export and import" intro="The class's annotations as W3C Web Annotations, to keep or to move.">
              <ExportImportPanel assignmentId={initial.assignmentId} onImported={board.reloadAll} />
            </ReviewSection>
          ),
        }}
      />
    </PictureContext>
  );
}
