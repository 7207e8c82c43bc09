"use client";

import { createContext, useCallback, useContext, useMemo, useRef, type ReactNode } from "react";
import { callApi } from "@/components/ui/api-client";
import type { Scope } from "@/lib/annotations/types";

/** Someone the server says the viewer may @mention here (lib/server/mentions/find-mentionable.ts). */
export interface MentionPerson {
  id: string;
  name: string;
  isTeacher: boolean;
}

/** What a text will be read as: a new annotation of a scope, or a reply in (or an edit of) a thread. */
export type MentionTarget = { scope: Scope } | { annotationId: string };

type Lookup = (target: MentionTarget) => Promise<MentionPerson[]>;

const MentionContext = createContext<Lookup | null>(null);

/**
 * Gives the editors inside it the people they may @mention in one
 * assignment: asked of the server once per target (the server applies the
 * visibility rule and anonymity), filtered by what is typed in the browser.
 */
export function MentionProvider({ assignmentId, children }: { assignmentId: string; children: ReactNode }) {
  const cache = useRef(new Map<string, Promise<MentionPerson[]>>());
  const lookup = useCallback<Lookup>(
    (target) => {
      const query = "scope" in target ? `scope=${target.scope}` : `annotation=${encodeURIComponent(target.annotationId)}`;
      let found = cache.current.get(query);
      if (!found) {
        found = callApi<{ people: MentionPerson[] }>("GET", `/api/assignments/${encodeURIComponent(assignmentId)}/mentionable?${query}`).then((res) =>
          res.ok ? res.data.people : [],
        );
        cache.current.set(query, found);
        // A refused or failed answer is asked again next time.
        void found.then((people) => people.length === 0 && cache.current.delete(query));
      }
      return found;
    },
    [assignmentId],
  );
  return <MentionContext.Provider value={lookup}>{children}</MentionContext.Provider>;
}

/** The lookup for one target, or null outside a MentionProvider (no suggestions then). */
export function useMentionLookup(target: MentionTarget | undefined): ((query: string) => Promise<MentionPerson[]>) | null {
  const lookup = useContext(MentionContext);
  const key = target ? ("scope" in target ? `s:${target.scope}` : `a:${target.annotationId}`) : "";
  return useMemo(() => {
    if (!lookup || !target) return null;
    return async (query: string) => {
      const people = await lookup(target);
      const q = query.trim().toLowerCase();
      return people.filter((p) => !q || p.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(q)) || p.name.toLowerCase().startsWith(q)).slice(0, 8);
    };
    // The target is read through its key: a new object for the same target asks nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lookup, key]);
}
