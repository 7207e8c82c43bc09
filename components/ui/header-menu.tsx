"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useState, type ReactNode } from "react";

/**
 * The header's navigation and account links. On wide screens they sit in the
 * header's row; on narrow ones (CSS, under 48rem) they fold behind a Menu
 * button, so the header never runs past a phone's width. Following a link
 * folds the menu again; so does Escape.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const id = useId();
  const [isOpen, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState<string | null>(null);
  const pathname = usePathname();
  // A new page closes the menu: remembered against the page it was opened on, no effect needed.
  const isShown = isOpen && openedAt === pathname;

  useEffect(() => {
    if (!isShown) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [isShown]);

  return (
    <>
      <button
        type="button"
        className="menu-toggle button button-quiet"
        aria-expanded={isShown}
        aria-controls={id}
        onClick={() => {
          setOpenedAt(pathname);
          setOpen(!isShown);
        }}
      >
        Menu
      </button>
      <div id={id} className={`header-menu${isShown ? " is-open" : ""}`}>
        {children}
      </div>
    </>
  );
}
