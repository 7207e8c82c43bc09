"use client";

import { createContext, useContext } from "react";
import { DEFAULT_TIME_ZONE } from "@/lib/format/dates";

const SchoolTimeZone = createContext(DEFAULT_TIME_ZONE);

/**
 * Hands the school's time zone (SCHOOL_TIME_ZONE, read on the server by the
 * root layout) to client components, so a date written in the browser is
 * written in the same zone as the server wrote it, not the device's own.
 */
export function SchoolTimeZoneProvider({ timeZone, children }: { timeZone: string; children: React.ReactNode }) {
  return <SchoolTimeZone.Provider value={timeZone}>{children}</SchoolTimeZone.Provider>;
}

/** The school's time zone, for lib/format/dates.ts. */
export function useSchoolTimeZone(): string {
  return useContext(SchoolTimeZone);
}
