"use client";

import { createContext } from "react";

/** The picture a reading's regions stand on, for the thread cards that describe them. */
export interface PictureInfo {
  src: string;
  alt: string;
  width: number;
  height: number;
}

/** Set by the reader of a picture reading; null elsewhere (a thread card then names the region in pixels). */
export const PictureContext = createContext<PictureInfo | null>(null);
