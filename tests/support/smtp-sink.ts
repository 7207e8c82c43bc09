import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A mail as the sink received it over SMTP: envelope recipients and the parsed message. */
export interface SunkMail {
  to: string[];
  parsed: ParsedMail;
}

/**
 * A real SMTP server on a free local port (smtp-server, nodemailer's own
 * sink), keeping every mail it accepts. No TLS, no login: the app's SMTP
 * client speaks plain SMTP to it over a socket.
 */
export async function startSmtpSink(): Promise<{ url: string; mails: SunkMail[]; stop: () => Promise<void> }> {
  const mails: SunkMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), parsed });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
