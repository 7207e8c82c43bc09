"use client";

import { useRef } from "react";
import { AddEntryForm } from "./add-entry-form";
import { AnswerKeyPanel } from "./answer-key-panel";
import { HintsPanel } from "./hints-panel";
import { KeyReportPanel } from "./key-report-panel";
import { ReviewSection } from "./review-section";
import { SettingsForm } from "./settings-form";
import { useReviewData, type ReviewData } from "./use-review-data";
import "./review.css";

/** Props for ReviewView. */
export interface ReviewViewProps {
  initial: ReviewData;
  /** The current text of the essay, for the "Add by hand" occurrence count. */
  text: string;
}

const SECTIONS = [
  { id: "settings", title: "Settings" },
  { id: "hints", title: "Hints" },
  { id: "answer-key", title: "Answer key" },
  { id: "who-found-what", title: "Who found what" },
] as const;

/**
 * The teacher's review dashboard, first version: settings, automatic hints,
 * the answer key and who found what. Each panel is its own component in a
 * ReviewSection, so later panels slot in beside them.
 */
export function ReviewView({ initial, text }: ReviewViewProps) {
  const data = useReviewData(initial);
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
        <ReviewSection id="settings" title="Settings">
          <SettingsForm settings={data.settings} onSave={data.saveSettings} />
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
      </div>
    </div>
  );
}
