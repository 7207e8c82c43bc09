import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/classes/sign-up-form";
import { getViewer } from "@/lib/server/auth/viewer";
import { safePageValues } from "@/lib/server/http/route-params";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code = "" } = await safePageValues(searchParams);
  if (await getViewer()) redirect(code ? `/join?code=${encodeURIComponent(code)}` : "/assignments");
  return (
    <div className="narrow-page">
      <h1>Create an account</h1>
      <p className="muted">
        Already have one? <Link href={`/signin?callbackUrl=${encodeURIComponent(code ? `/join?code=${code}` : "/assignments")}`}>Sign in</Link>.
      </p>
      <SignUpForm code={code.slice(0, 12)} />
    </div>
  );
}
