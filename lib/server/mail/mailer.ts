import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import type { MailEnv } from "@/lib/env";

const globalForMail = globalThis as unknown as { __mailer?: { url: string; transport: Transporter } };

/**
 * The instance's SMTP transport (nodemailer, pooled), made once per SMTP_URL.
 * Connections and sends time out rather than hang a job: a school's server
 * that does not answer fails the digest, which the queue retries.
 */
export function getMailer(env: MailEnv): Transporter {
  const cached = globalForMail.__mailer;
  const key = `${env.smtpUrl} ${env.from}`;
  if (cached && cached.url === key) return cached.transport;
  cached?.transport.close();
  const url = new URL(env.smtpUrl);
  const isTls = url.protocol === "smtps:";
  const options: SMTPPool.Options = {
    host: url.hostname,
    port: Number(url.port) || (isTls ? 465 : 587),
    // smtps: TLS from the first byte; smtp: upgraded with STARTTLS whenever the server offers it.
    secure: isTls,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
  const transport = nodemailer.createTransport(options, { from: env.from });
  globalForMail.__mailer = { url: key, transport };
  return transport;
}

/** Closes the pooled connections (tests, shutdown). */
export function closeMailer(): void {
  globalForMail.__mailer?.transport.close();
  globalForMail.__mailer = undefined;
}
