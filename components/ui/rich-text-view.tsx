import { Fragment, type ReactNode } from "react";
import {
  normalizeHref,
  parseRichText,
  plainTextOfUnknown,
  type BlockNode,
  type InlineNode,
  type TextNode,
} from "@/lib/rich-text";

/**
 * Renders stored rich text through the same whitelist that validated it.
 * No hooks and no "use client": it works in server and client components.
 * Only React elements are produced (never dangerouslySetInnerHTML), so text
 * is always escaped and attributes are only the ones written below.
 */

/** Rel for every user link: no opener access, no referrer, no SEO credit. */
export const USER_LINK_REL = "noopener noreferrer nofollow ugc";

/** Props for RichTextView. */
export interface RichTextViewProps {
  /** Tiptap JSON as stored; validated again here, so anything may be passed. */
  doc: unknown;
  className?: string;
}

function renderText(node: TextNode, key: number): ReactNode {
  let out: ReactNode = node.text;
  const marks = node.marks ?? [];
  if (marks.some((m) => m.type === "italic")) out = <em>{out}</em>;
  if (marks.some((m) => m.type === "bold")) out = <strong>{out}</strong>;
  const link = marks.find((m) => m.type === "link");
  // Checked again at render time: the view must be safe even if a caller
  // hands it a doc built in code rather than one that came through the parser.
  const href = link && link.type === "link" ? normalizeHref(link.attrs.href) : null;
  if (href) {
    out = (
      <a href={href} rel={USER_LINK_REL} target="_blank">
        {out}
      </a>
    );
  }
  return <Fragment key={key}>{out}</Fragment>;
}

function renderInline(nodes: InlineNode[] = []): ReactNode[] {
  return nodes.map((node, i) => {
    if (node.type === "text") return renderText(node, i);
    if (node.type === "hardBreak") return <br key={i} />;
    if (node.type === "mention") {
      return (
        <span key={i} className="mention" data-mention-id={node.attrs.id}>
          @{node.attrs.label}
        </span>
      );
    }
    return null;
  });
}

function renderBlock(node: BlockNode, key: number): ReactNode {
  switch (node.type) {
    case "paragraph":
      return <p key={key}>{renderInline(node.content)}</p>;
    case "bulletList":
      return (
        <ul key={key}>
          {node.content.map((item, i) => (
            <li key={i}>{item.content.map(renderBlock)}</li>
          ))}
        </ul>
      );
    case "blockquote":
      return <blockquote key={key}>{node.content.map(renderBlock)}</blockquote>;
    default:
      return null;
  }
}

function renderPlain(text: string): ReactNode {
  const lines = text.split("\n");
  return (
    <p>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </p>
  );
}

/**
 * Shows a comment body. A valid document renders as p, ul/li, blockquote, br,
 * strong, em and a (http/https/mailto only, opening in a new tab with
 * `rel="noopener noreferrer nofollow ugc"`). Anything that fails validation is
 * shown as its plain text only.
 */
export function RichTextView({ doc, className }: RichTextViewProps) {
  const parsed = parseRichText(doc, { allowEmpty: true });
  return (
    <div className={className}>
      {parsed.ok
        ? parsed.doc.content.map(renderBlock)
        : renderPlain(plainTextOfUnknown(doc))}
    </div>
  );
}
