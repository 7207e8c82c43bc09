"use client";

import { createContext, useContext, useMemo } from "react";
import type { HighlightCodeDTO } from "@/lib/annotations/highlight-codes";

const CodesContext = createContext<readonly HighlightCodeDTO[]>([]);

/** The class's highlight codes for everything inside (marks, thread cards, the legend). */
export function HighlightCodesProvider({ codes, children }: { codes: readonly HighlightCodeDTO[]; children: React.ReactNode }) {
  return <CodesContext.Provider value={codes}>{children}</CodesContext.Provider>;
}

/** The class's codes in key order, and by id. Outside a provider: none. */
export function useHighlightCodes(): { codes: readonly HighlightCodeDTO[]; byId: ReadonlyMap<string, HighlightCodeDTO> } {
  const codes = useContext(CodesContext);
  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  return { codes, byId };
}
