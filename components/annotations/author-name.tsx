import type { AuthorDTO, ImportedDTO } from "@/lib/annotations/types";
import { useSchoolTimeZone } from "@/components/ui/school-time-zone";
import { describeImported } from "@/lib/format/imported-provenance";
import { wasEdited } from "@/lib/format/relative-time";
import { RelativeTime } from "./relative-time";

/** Props for AuthorName. */
export interface AuthorNameProps {
  author: AuthorDTO;
  isMine: boolean;
}

/** "Ana Petrova (you)" plus a "teacher" badge; the badge is text, never colour alone. */
export function AuthorName({ author, isMine }: AuthorNameProps) {
  return (
    <>
      <span className="annotation-author">{author.name}</span>
      {isMine ? <span className="annotation-you"> (you)</span> : null}
      {author.isTeacher ? (
        <>
          {/* Read as "Ms Reed, teacher" rather than "Ms Reed teacher". */}
          <span className="visually-hidden">, </span>
          <span className="annotation-badge annotation-badge-teacher">teacher</span>
        </>
      ) : null}
    </>
  );
}

/** Props for ImportedMark. */
export interface ImportedMarkProps {
  imported: ImportedDTO | null;
}

/** "Imported · originally by X, 1 Jan 2020" beside an imported item's time; nothing otherwise. */
export function ImportedMark({ imported }: ImportedMarkProps) {
  const timeZone = useSchoolTimeZone();
  if (!imported) return null;
  return (
    <>
      <span aria-hidden="true"> · </span>
      <span className="annotation-imported" data-testid="imported-mark">
        {describeImported(imported, timeZone)}
      </span>
    </>
  );
}

/** Props for PostedAt. */
export interface PostedAtProps {
  createdAt: string;
  updatedAt: string;
  /** Deleting also bumps updatedAt; that is not an edit. */
  isDeleted?: boolean;
}

/** "5 min ago · edited". */
export function PostedAt({ createdAt, updatedAt, isDeleted }: PostedAtProps) {
  const edited = !isDeleted && wasEdited(createdAt, updatedAt);
  return (
    <span className="annotation-time">
      <RelativeTime iso={createdAt} />
      {edited ? (
        <>
          <span aria-hidden="true"> · </span>
          <span className="annotation-edited">
            <span className="visually-hidden">, </span>
            edited
          </span>
        </>
      ) : null}
    </span>
  );
}
