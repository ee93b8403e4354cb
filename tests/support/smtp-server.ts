import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A real SMTP server in-process (npm smtp-server, messages parsed by mailparser), for the notification tests. */

export type ReceivedMail = { mail: ParsedMail; envelopeTo: string[] };

export type TestSmtpServer = {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** How many connections clients have opened. */
  connections(): number;
  /** Closes the server (as an SMTP server going down); `start` opens it again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
};

/** An SMTP server on 127.0.0.1; recipients matching `refuse` are answered 550. */
export async function startSmtpServer(options: { refuse?: RegExp } = {}): Promise<TestSmtpServer> {
  // The first listen takes a free port; a restart takes the same one.
  let port = 0;
  const received: ReceivedMail[] = [];
  let connections = 0;
  let server: SMTPServer | null = null;
  const open = () =>
    new Promise<void>((resolve, reject) => {
      const opened = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS", "AUTH"],
        logger: false,
        // Going down drops the clients' idle pooled connections at once.
        closeTimeout: 50,
        onConnect(_session, callback) {
          connections++;
          callback();
        },
        onRcptTo(address, _session, callback) {
          if (options.refuse?.test(address.address)) {
            callback(Object.assign(new Error("5.1.1 Mailbox unavailable"), { responseCode: 550 }));
            return;
          }
          callback();
        },
        onData(stream, session, callback) {
          simpleParser(stream).then(
            (mail) => {
              received.push({ mail, envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address) });
              callback();
            },
            (error: Error) => callback(error),
          );
        },
      });
      server = opened;
      opened.once("error", reject);
      opened.listen(port, "127.0.0.1", () => {
        port = (opened.server.address() as AddressInfo).port;
        resolve();
      });
    });
  await open();
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    connections: () => connections,
    stop: () =>
      new Promise<void>((resolve) => {
        const current = server;
        server = null;
        if (current) current.close(() => resolve());
        else resolve();
      }),
    start: open,
  };
}
