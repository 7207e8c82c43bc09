import type { Metadata } from "next";
import Link from "next/link";
import { JoinForm } from "@/components/classes/join-form";
import { getViewer, requireViewer } from "@/lib/server/auth/viewer";
import { safePageValues } from "@/lib/server/http/route-params";

export const metadata: Metadata = { title: "Join a class" };

export default async function JoinPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code = "" } = await safePageValues(searchParams);
  // By code points: cutting a pair of UTF-16 halves leaves a lone half, which encodeURIComponent refuses (a 500).
  const safeCode = Array.from(code).slice(0, 12).join("");
  // Signed in: the same check as every page (a one-time password goes to /account first).
  const viewer = (await getViewer()) && (await requireViewer(`/join?code=${encodeURIComponent(safeCode)}`));
  return (
    <div className="narrow-page">
      <h1>Join a class</h1>
      {viewer ? (
        <JoinForm code={safeCode} />
      ) : (
        <>
          <p>To join, create an account with the class code, or sign in if you already have one.</p>
          <p>
            <Link className="button" href={`/signup?code=${encodeURIComponent(safeCode)}`}>
              Create an account
            </Link>{" "}
            <Link className="button button-quiet" href={`/signin?callbackUrl=${encodeURIComponent(`/join?code=${safeCode}`)}`}>
              Sign in
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
