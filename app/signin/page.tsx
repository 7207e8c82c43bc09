import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { signInErrorMessage } from "@/lib/format/sign-in-errors";
import { getViewer, safeReturnPath } from "@/lib/server/auth/viewer";
import { safePageValues } from "@/lib/server/http/route-params";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; signedOut?: string; error?: string }>;
}) {
  const params = await safePageValues(searchParams);
  const returnTo = safeReturnPath(params.callbackUrl);
  if (await getViewer()) redirect(returnTo === "/" ? "/assignments" : returnTo);
  return (
    <div className="narrow-page">
      <h1>Sign in</h1>
      {params.signedOut ? (
        <p role="status" className="notice">
          You are signed out.
        </p>
      ) : null}
      {params.callbackUrl ? <p className="muted">Sign in to continue to the page you asked for.</p> : null}
      <SignInForm
        returnTo={returnTo === "/" ? "/assignments" : returnTo}
        // A sign-in posted without JavaScript comes back here as ?error=<code>.
        initialError={params.error ? signInErrorMessage(params.error) : null}
      />
    </div>
  );
}
