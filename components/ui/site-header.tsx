import Link from "next/link";
import { getViewer } from "@/lib/server/auth/viewer";
import { HeaderMenu } from "./header-menu";
import { SignOutButton } from "./sign-out-button";

/** Brand, main navigation and who is signed in (folded behind a Menu button on phones). */
export async function SiteHeader() {
  const viewer = await getViewer();
  return (
    <header className="site-header">
      <Link prefetch={false} href="/" className="brand">
        Marginalia
      </Link>
      <HeaderMenu>
        <nav aria-label="Main">
          {viewer ? (
            <>
              <Link prefetch={false} href="/assignments">My assignments</Link>
              <Link prefetch={false} href="/classes">Classes</Link>
            </>
          ) : null}
        </nav>
        <div className="session">
          {viewer ? (
            <>
              {viewer.mustChangePassword ? (
                <Link prefetch={false} href="/account" className="badge badge-warn">
                  Choose your own password
                </Link>
              ) : null}
              <Link prefetch={false} href="/account" className="session-name" data-testid="session-name">
                {viewer.name}
              </Link>
              {/* Opened from a learning platform: the platform is the way in and out (next-auth's sign-out form cannot work in its frame). */}
              {viewer.isLtiSession ? null : <SignOutButton />}
            </>
          ) : (
            <>
              <Link prefetch={false} href="/signup">Create account</Link>
              <Link prefetch={false} href="/signin" className="button button-quiet">
                Sign in
              </Link>
            </>
          )}
        </div>
      </HeaderMenu>
    </header>
  );
}
