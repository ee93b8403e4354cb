import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes, randomUUID } from "node:crypto";
import { prisma } from "@/server/db/client";
import type { OutboxMessage } from "@/server/notifications/outbox";
import { NOTIFICATION_QUEUE, PGBOSS_SCHEMA } from "@/server/notifications/queue";
import { createRequest } from "@/server/requests/create-request";
import { contributorActor, createSubjectTree } from "./quesito-fixtures";
import { createHolderWithPosition } from "./request-fixtures";

/**
 * Stand-ins for the notification providers — a real SMTP server in-process
 * (./smtp-server.ts) and a local HTTP endpoint answering as Twilio's Messages
 * API does — and requests whose notices they receive.
 */

export type TwilioRequest = { path: string; authorization: string | undefined; params: URLSearchParams };

export type TwilioStandIn = {
  url: string;
  requests: TwilioRequest[];
  stop(): Promise<void>;
};

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Answers POST /2010-04-01/Accounts/<sid>/Messages.json as Twilio does: 201
 * with the message's sid, or 400 with Twilio's error 21211 for the numbers
 * in `invalidNumbers`.
 */
export async function startTwilioStandIn(options: { invalidNumbers?: string[] } = {}): Promise<TwilioStandIn> {
  const requests: TwilioRequest[] = [];
  const server: Server = createServer((request, response) => {
    void bodyOf(request).then((body) => {
      const params = new URLSearchParams(body);
      requests.push({ path: request.url ?? "", authorization: request.headers.authorization, params });
      response.setHeader("content-type", "application/json");
      const to = params.get("To") ?? "";
      if (request.method !== "POST" || !/^\/2010-04-01\/Accounts\/AC\w+\/Messages\.json$/.test(request.url ?? "")) {
        response.statusCode = 404;
        response.end(JSON.stringify({ code: 20404, message: "The requested resource was not found", status: 404 }));
        return;
      }
      if (options.invalidNumbers?.includes(to)) {
        response.statusCode = 400;
        response.end(JSON.stringify({ code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, status: 400 }));
        return;
      }
      response.statusCode = 201;
      response.end(
        JSON.stringify({
          sid: `SM${randomBytes(16).toString("hex")}`,
          status: "queued",
          to,
          from: params.get("From"),
          body: params.get("Body"),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Waits until `check` returns something truthy, polling; fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 15_000, what = "condition"): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** An e-mail of no request, rendered and ready for the outbox. */
export function outboxEmail(recipient: string): OutboxMessage {
  return {
    requestId: null,
    eventId: null,
    channel: "EMAIL",
    recipient,
    template: "prova",
    templateVersion: 1,
    subject: `Avviso per ${recipient}`,
    body: "Testo dell'avviso.",
    htmlBody: null,
  };
}

/** Jobs left by earlier test files point at notifications that no longer exist: start from an empty queue. */
export async function clearNotificationQueue(): Promise<void> {
  await prisma.$executeRawUnsafe(`DELETE FROM ${PGBOSS_SCHEMA}.job WHERE name = $1`, NOTIFICATION_QUEUE);
}

/** The delivery jobs of the queue, in any state. */
export async function notificationJobCount(): Promise<number> {
  const rows = await prisma.$queryRawUnsafe<{ count: bigint }[]>(
    `SELECT count(*) AS count FROM ${PGBOSS_SCHEMA}.job WHERE name = $1`,
    NOTIFICATION_QUEUE,
  );
  return Number(rows[0]?.count ?? 0);
}

/**
 * A request sent through createRequest by a new holder, on an AZIENDE position
 * at a new office, with these contact fields and consents of the form (email,
 * pec, mobile, extraEmail, consentEmail: "on"…); with its quesito's id.
 */
export async function sendRequestWithContacts(contacts: Record<string, string>) {
  const { office, holder, position } = await createHolderWithPosition("AZIENDE");
  const { subject } = await createSubjectTree("AZIENDE");
  const form = {
    positionId: position.id,
    subjectId: subject.id,
    text: "Chiedo la verifica del versamento di marzo, non abbinato alla matricola.",
    idempotencyKey: randomUUID(),
    ...contacts,
  };
  const created = await createRequest(contributorActor(holder), form, []);
  const quesito = await prisma.quesito.findUniqueOrThrow({ where: { requestId: created.id } });
  return { ...created, quesitoId: quesito.id, office, holder, subject };
}
