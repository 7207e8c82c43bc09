/** One line of a digest, as the notifications page words it (lib/server/notifications/find-notifications.ts). */
export interface DigestItem {
  text: string;
  assignmentTitle: string;
  /** The teacher's reason, for a flag decision. */
  reason: string | null;
  /** The thread in the reader: an absolute address. */
  href: string;
}

export interface DigestMail {
  subject: string;
  text: string;
  html: string;
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Text for HTML, in element content and in quoted attribute values alike.
 * The five characters that can end a text or an attribute are replaced, so
 * nothing a user wrote (a name, a reason, a title) can open a tag there.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** An address a mail may link to: only http(s), never javascript: or data: (the server makes them, this is the belt). */
function safeHref(href: string): string {
  return /^https?:\/\//i.test(href) ? href : "about:blank";
}

/**
 * The e-mail digest of one person's unread notifications: a plain-text part
 * and an HTML part that say the same, each line linking to its thread, and a
 * link to the account page where digests are turned off. Pure: the caller
 * gives absolute addresses.
 */
export function renderDigest({
  recipientName,
  items,
  notificationsUrl,
  settingsUrl,
}: {
  recipientName: string;
  items: DigestItem[];
  notificationsUrl: string;
  settingsUrl: string;
}): DigestMail {
  const count = items.length === 1 ? "1 new notification" : `${items.length} new notifications`;
  const subject = `Marginalia: ${count}`;
  const text = [
    `Hello ${recipientName},`,
    "",
    `You have ${count} in Marginalia:`,
    "",
    ...items.flatMap((item) => [
      `- ${item.text} (${item.assignmentTitle})`,
      ...(item.reason ? [`  Reason: ${item.reason}`] : []),
      `  ${item.href}`,
    ]),
    "",
    `All your notifications: ${notificationsUrl}`,
    `Turn these e-mails off: ${settingsUrl}`,
    "",
  ].join("\n");
  const lines = items
    .map(
      (item) =>
        `<li style="margin:0 0 12px"><a href="${escapeHtml(safeHref(item.href))}">${escapeHtml(item.text)}</a>` +
        ` <span style="color:#555">(${escapeHtml(item.assignmentTitle)})</span>` +
        (item.reason ? `<br><span>Reason: ${escapeHtml(item.reason)}</span>` : "") +
        "</li>",
    )
    .join("\n");
  const html = [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8"><title>' + escapeHtml(subject) + "</title></head>",
    '<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a">',
    `<p>Hello ${escapeHtml(recipientName)},</p>`,
    `<p>You have ${escapeHtml(count)} in Marginalia:</p>`,
    `<ul style="padding-left:20px">\n${lines}\n</ul>`,
    `<p><a href="${escapeHtml(safeHref(notificationsUrl))}">All your notifications</a></p>`,
    `<p style="color:#555;font-size:14px">You get this because e-mail digests are on for your account. <a href="${escapeHtml(safeHref(settingsUrl))}">Turn these e-mails off</a>.</p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}
