"use client";

import type { ReactNode } from "react";
import type { Panel } from "./use-panel";

/**
 * A small quiet button that opens one of a card's inline panels, registered
 * as the panel's trigger so focus comes back to it when the panel closes.
 */
export function PanelButton<Name extends string>({
  panel,
  name,
  label,
  children,
}: {
  panel: Panel<Name>;
  name: Name;
  /** Accessible name when the visible word alone is ambiguous ("Edit Ana's comment"). */
  label?: string;
  children: ReactNode;
}) {
  return (
    <button type="button" className="button button-quiet button-small" ref={panel.trigger(name)} aria-label={label} onClick={() => panel.show(name)}>
      {children}
    </button>
  );
}
