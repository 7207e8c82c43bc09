"use client";

import { useMemo, useRef, useState } from "react";
import { AssignmentGroupsPanel } from "@/components/groups/assignment-groups-panel";
import { groupFilterOptions, keepByAuthor, parseGroupFilter, studentsOf } from "@/lib/groups/group-filter";
import type { AssignmentGroupsDTO } from "@/lib/groups/types";
import type { Block } from "@/lib/content";
import { AddEntryForm } from "./add-entry-form";
import { AnnotationListPanel } from "./annotation-list-panel";
import { AnswerKeyPanel } from "./answer-key-panel";
import { ExportImportPanel } from "./export-import-panel";
import { FlagQueuePanel } from "./flag-queue-panel";
import { HeatmapPanel } from "./heatmap-panel";
import { HintsPanel } from "./hints-panel";
import { KeyReportPanel } from "./key-report-panel";
import { ReviewSection } from "./review-section";
import { SettingsForm } from "./settings-form";
import { StudentTablePanel } from "./student-table-panel";
import { useDashboardData, type DashboardData } from "./use-dashboard-data";
import { useReviewData, type ReviewData } from "./use-review-data";
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
  /** Which groups the assignment uses, for the group filter and the Groups section. */
  groups: AssignmentGroupsDTO;
  classroomId: string;
}

const SECTIONS = [
  { id: "heatmap", title: "Passage heatmap" },
  { id: "flag-queue", title: "Flag queue" },
  { id: "students", title: "Students" },
  { id: "settings", title: "Settings" },
  { id: "groups", title: "Small groups" },
  { id: "hints", title: "Hints" },
  { id: "answer-key", title: "Answer key" },
  { id: "who-found-what", title: "Who found what" },
  { id: "all-annotations", title: "All annotations" },
  { id: "export-import", title: "Export and import" },
] as const;

/**
 * The teacher's review dashboard: what the class noticed (heatmap), the flag
 * queue, each student's work, settings, automatic hints, the answer key, who
 * found what, every annotation (to hide one), and export / import. Each
 * panel is its own component in a ReviewSection.
 */
export function ReviewView({ initial, text, blocks, essaySlug, dashboard, groups: initialGroups, classroomId }: ReviewViewProps) {
  const data = useReviewData(initial);
  const board = useDashboardData(initial.assignmentId, dashboard, data.reload);
  const [groups, setGroups] = useState(initialGroups);
  const [filterValue, setFilterValue] = useState("all");
  const filterOptions = groupFilterOptions(groups.set);
  const shown = useMemo(() => studentsOf(parseGroupFilter(filterValue, groups.set), groups.set), [filterValue, groups.set]);
  const allAnnotations = board.annotations;
  const table = board.students;
  const annotations = useMemo(() => [...keepByAuthor(allAnnotations, shown, (a) => a.author.id)], [allAnnotations, shown]);
  const students = useMemo(() => ({ ...table, rows: [...keepByAuthor(table.rows, shown, (r) => r.student.id)] }), [table, shown]);
  const assignment = { id: initial.assignmentId, essaySlug };
  const keyHeadingRef = useRef<HTMLHeadingElement>(null);

  return (
    <div className="review-layout">
      <nav className="review-contents" aria-label="Review sections">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="review-panels">
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
        <ReviewSection
          id="heatmap"
          title="Passage heatmap"
          intro="What the class noticed, and what nobody did: each passage coloured by how many different students marked it."
        >
          <HeatmapPanel text={text} blocks={blocks} annotations={annotations} assignment={assignment} />
        </ReviewSection>
        <ReviewSection id="flag-queue" title="Flag queue" intro="Every flag the class raised, to verify, reject or send back for evidence.">
          <FlagQueuePanel annotations={annotations} assignment={assignment} onReview={board.reviewFlag} onHide={board.setHidden} />
        </ReviewSection>
        <ReviewSection id="students" title="Students" intro="Each student's work on this assignment. Names open their annotations in the reader.">
          <StudentTablePanel table={students} />
        </ReviewSection>
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
        <ReviewSection
          id="hints"
          title="Hints"
          intro="Automatic checks of the text. They can be wrong: add the ones you agree with to the answer key."
        >
          <HintsPanel hints={data.hints.hints} revisionId={data.hints.revisionId} entries={data.key.entries} onAdd={data.addFromHint} />
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
        <ReviewSection
          id="all-annotations"
          title="All annotations"
          intro="Hide an annotation to take it away from the class; its author and the class's teachers still see it, marked hidden."
        >
          <AnnotationListPanel annotations={annotations} assignment={assignment} onHide={board.setHidden} />
        </ReviewSection>
        <ReviewSection id="export-import" title="Export and import" intro="The class's annotations as W3C Web Annotations, to keep or to move.">
          <ExportImportPanel assignmentId={initial.assignmentId} onImported={board.reloadAll} />
        </ReviewSection>
      </div>
    </div>
  );
}
