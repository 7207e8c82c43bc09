import { describe, expect, it } from "vitest";
import { canReceiveMail } from "@/lib/mail/addresses";
import { escapeHtml, renderDigest } from "@/lib/mail/digest-mail";

const replyFromBen = { text: "Ben replied in a thread of yours", assignmentTitle: "DeStalinization", reason: null, href: "https://reader.school.edu/essays/x?assignment=a&annotation=n" };
const rejected = { text: "Your flag was rejected", assignmentTitle: "DeStalinization", reason: "The date is right: see p. 4.", href: "https://reader.school.edu/essays/x?assignment=a" };

describe("the e-mail digest", () => {
  it("escapes the five characters that could end a text or an attribute", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });

  it("says the same in text and HTML: each line with its link, then the page and the switch", () => {
    const mail = renderDigest({ recipientName: "Ana", items: [replyFromBen, rejected], notificationsUrl: "https://reader.school.edu/notifications", settingsUrl: "https://reader.school.edu/account#email-digests" });
    expect(mail.subject).toBe("Marginalia: 2 new notifications");
    expect(mail.text.split("\n").filter((l) => l.startsWith("- "))).toEqual(["- Ben replied in a thread of yours (DeStalinization)", "- Your flag was rejected (DeStalinization)"]);
    expect(mail.text).toContain("  Reason: The date is right: see p. 4.");
    expect(mail.text.indexOf(replyFromBen.href)).toBeGreaterThan(mail.text.indexOf("- Ben replied"));
    expect([...mail.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual([
      escapeHtml(replyFromBen.href),
      escapeHtml(rejected.href),
      "https://reader.school.edu/notifications",
      "https://reader.school.edu/account#email-digests",
    ]);
    expect(renderDigest({ recipientName: "Ana", items: [rejected], notificationsUrl: "https://r/n", settingsUrl: "https://r/s" }).subject).toBe("Marginalia: 1 new notification");
  });

  it("links only to http(s): anything else becomes about:blank", () => {
    const mail = renderDigest({ recipientName: "Ana", items: [{ ...replyFromBen, href: "javascript:alert(1)" }], notificationsUrl: "data:text/html,x", settingsUrl: "https://r/s" });
    expect(mail.html).not.toContain("javascript:");
    expect(mail.html).not.toContain("data:text");
    expect(mail.html.match(/href="about:blank"/g)).toHaveLength(2);
  });

  it("knows the addresses that can never receive mail", () => {
    expect(canReceiveMail("ana@school.edu")).toBe(true);
    expect(canReceiveMail("lti-0123@lti.invalid")).toBe(false);
    expect(canReceiveMail("LTI-0123@LTI.INVALID")).toBe(false);
  });
});
