import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { requireViewer } from "@/lib/server/auth/viewer";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const viewer = await requireViewer("/account");
  return (
    <div className="narrow-page">
      <h1>Your account</h1>
      <p>
        {viewer.name} · {viewer.email}
      </p>
      {viewer.mustChangePassword ? (
        <p className="notice" role="status">
          You signed in with a one-time password from your teacher. Choose your own password now.
        </p>
      ) : null}
      <h2>Change password</h2>
      <ChangePasswordForm />
    </div>
  );
}
