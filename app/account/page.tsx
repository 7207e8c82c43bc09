import type { Metadata } from "next";
import { getMailEnv } from "@/lib/env";
import { canReceiveMail } from "@/lib/mail/addresses";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { InvitationInbox } from "@/components/classes/invitation-inbox";
import { InviteTeacherForm } from "@/components/classes/invite-teacher-form";
import { EmailDigestSetting } from "@/components/notifications/email-digest-setting";
import { PlatformsAdmin } from "@/components/lti/platforms-admin";
import { pageOrigin } from "@/lib/server/http/app-origin";
import { toolAddresses } from "@/lib/server/lti/dynamic-registration";
import { listPlatforms } from "@/lib/server/lti/platforms";
import { requireViewer } from "@/lib/server/auth/viewer";
import { listMyInvitations } from "@/lib/server/invitations/respond-to-invitation";
import { findEmailDigest } from "@/lib/server/users/email-digest";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const viewer = await requireViewer("/account");
  // Until the one-time password is replaced, nothing but the change form is open.
  const invitations = viewer.mustChangePassword ? [] : await listMyInvitations({ viewer });
  const isAdmin = viewer.accountRole === "admin" && !viewer.mustChangePassword;
  const platforms = isAdmin ? await listPlatforms({ viewer }) : [];
  const isDigestOn = await findEmailDigest({ viewerId: viewer.id });
  return (
    <div className="narrow-page">
      <h1>Your account</h1>
      <p>
        {viewer.name} · {viewer.email}
      </p>
      {viewer.mustChangePassword ? (
        <p className="notice" role="status">
          You signed in with a one-time password from your teacher. Choose your own password now: until you do, the rest of
          the site stays closed.
        </p>
      ) : null}
      <InvitationInbox invitations={invitations} />
      {viewer.mustChangePassword ? null : (
        <>
          <h2 id="email-digests">E-mail digests</h2>
          <EmailDigestSetting isAvailable={getMailEnv() !== null} hasMailbox={canReceiveMail(viewer.email)} initialOn={isDigestOn} />
        </>
      )}
      <h2>Change password</h2>
      <ChangePasswordForm />
      {isAdmin ? (
        <>
          <h2>Teachers</h2>
          <p className="muted">You administer this site. Invite colleagues to teach; they accept after signing in with that email.</p>
          <InviteTeacherForm />
          <h2>Learning platforms (LTI 1.3)</h2>
          <p className="muted">Connect Moodle, Canvas, Schoology or Brightspace: give them these addresses, then register the platform here.</p>
          <PlatformsAdmin
            tool={toolAddresses(await pageOrigin())}
            platforms={platforms.map((p) => ({
              id: p.id,
              name: p.name,
              issuer: p.issuer,
              clientId: p.clientId,
              deploymentIds: p.deploymentIds,
              authLoginUrl: p.authLoginUrl,
              authTokenUrl: p.authTokenUrl,
              jwksUrl: p.jwksUrl,
              frameOrigins: p.frameOrigins,
              registeredVia: p.registeredVia,
            }))}
          />
        </>
      ) : null}
    </div>
  );
}
