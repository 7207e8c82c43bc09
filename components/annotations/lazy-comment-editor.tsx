"use client";

import dynamic from "next/dynamic";

/**
 * The Tiptap editor, loaded only when someone starts writing. ProseMirror is
 * the largest part of the reader's JavaScript (about 126 KB gzip), and most
 * visits only read; loading it on demand keeps the first load small.
 */
export const CommentEditor = dynamic(() => import("./comment-editor").then((m) => m.CommentEditor), {
  ssr: false,
  loading: () => (
    <p className="muted" role="status">
      Loading the editor…
    </p>
  ),
});
