"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

/** Ends the session on the server (the row is deleted) and returns to sign-in. */
export function SignOutButton() {
  const [isBusy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button button-quiet"
      disabled={isBusy}
      onClick={async () => {
        setBusy(true);
        await signOut({ callbackUrl: "/signin?signedOut=1" });
      }}
    >
      {isBusy ? "Signing out…" : "Sign out"}
    </button>
  );
}
