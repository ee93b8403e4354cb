import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import { resolveContributor } from "@/server/identity/resolve-contributor";
import { resolveOperator } from "@/server/identity/resolve-operator";
import { listCapturedMail } from "@/server/notifications/list-captured-mail";
import { startNotificationWorker, type NotificationWorker } from "@/server/worker/start-notification-worker";
import { closeQuesito } from "@/server/quesiti/close-quesito";
import { replyToQuesito } from "@/server/quesiti/reply-to-quesito";
import { takeQuesito } from "@/server/quesiti/take-quesito";
import { createRequest } from "@/server/requests/create-request";
import { seedDatabase } from "../../../prisma/seed/seed-database";
import { clearNotificationQueue, waitFor } from "../../support/notification-servers";
import { stubProductionEnv } from "../../support/production-env";
import { useTemporaryStorage } from "../../support/request-files";

// The quick start has no SMTP server and no Twilio: the worker captures each
// message under DATA_DIR/mail and /dev/posta lists them. The demo contributor
// Mario Rossi goes through the core flow, as the end-to-end test does.

let storage: Awaited<ReturnType<typeof useTemporaryStorage>>;
let worker: NotificationWorker;
const savedPublicUrl = process.env.PUBLIC_URL;

beforeAll(async () => {
  delete process.env.PUBLIC_URL;
  storage = await useTemporaryStorage();
  await seedDatabase(prisma, { includeDemo: true });
  await clearNotificationQueue();
  const config = parseConfig(process.env);
  expect(config.SMTP_URL ?? config.PEC_SMTP_URL ?? config.TWILIO_ACCOUNT_SID).toBeUndefined();
  worker = await startNotificationWorker({ databaseUrl: process.env.DATABASE_URL!, config });
});

afterAll(async () => {
  await worker?.stop();
  await storage?.dispose();
  if (savedPublicUrl !== undefined) process.env.PUBLIC_URL = savedPublicUrl;
});

/** Waits until the request's notifications are all captured. */
function captured(requestId: string, expected: number) {
  return waitFor(
    async () => (await prisma.notification.count({ where: { requestId, status: "SENT" } })) === expected,
    15_000,
    `${expected} captured notifications`,
  );
}

describe("captured mail (no SMTP server, no Twilio)", () => {
  it("keeps what each recipient received, newest first, for /dev/posta", async () => {
    const mario = await prisma.person.findUniqueOrThrow({ where: { codiceFiscale: "RSSMRA78E14H501S" } });
    const resolved = await resolveContributor(mario.id, "TITOLARE");
    if (resolved.status !== "ok") throw new Error("Mario Rossi not resolved");
    const position = await prisma.position.findFirstOrThrow({ where: { holderId: mario.id } });
    const subject = await prisma.subject.findFirstOrThrow({
      where: { gestione: position.gestione, parentId: { not: null }, active: true },
      orderBy: { code: "asc" },
    });
    const request = await createRequest(
      resolved.actor,
      {
        positionId: position.id,
        subjectId: subject.id,
        text: "Chiedo la verifica dei contributi versati nel 2025.",
        email: "mario.rossi@example.it",
        mobile: "+39 333 0000001",
        consentEmail: "on",
        consentSms: "on",
        idempotencyKey: randomUUID(),
      },
      [],
    );
    await captured(request.id, 4);

    const quesito = await prisma.quesito.findUniqueOrThrow({ where: { requestId: request.id } });
    const paolo = await prisma.operator.findUniqueOrThrow({ where: { codiceFiscale: "MRNPLA82H15H501Q" } });
    const operator = await resolveOperator(paolo.id);
    if (!operator || operator.office.id !== quesito.officeId) throw new Error("Paolo Marino is not at the request's office");
    await takeQuesito(operator, quesito.id, { expectedVersion: 0 });
    await captured(request.id, 6);
    await replyToQuesito(operator, quesito.id, { expectedVersion: 1, body: "I contributi risultano regolari." });
    await captured(request.id, 8);
    await closeQuesito(operator, quesito.id, { expectedVersion: 2, esito: "RISPOSTA_FORNITA", comment: "Verifica conclusa." });
    await captured(request.id, 10);

    const files = await readdir(path.join(storage.root, "data", "mail"));
    expect(files.filter((name) => name.endsWith(".json"))).toHaveLength(10);

    const mailboxes = await listCapturedMail();
    expect(mailboxes.map((mailbox) => mailbox.recipient).sort()).toEqual(["+393330000001", "mario.rossi@example.it"]);
    const email = mailboxes.find((mailbox) => mailbox.recipient === "mario.rossi@example.it")!;
    const subjects = email.messages.map((message) => message.subject ?? "");
    expect(subjects.slice(0, 3)).toEqual([
      `Richiesta n. ${request.protocolNumber} chiusa`,
      `Nuova risposta alla richiesta n. ${request.protocolNumber}`,
      `Richiesta n. ${request.protocolNumber} presa in carico`,
    ]);
    expect(subjects.slice(3).sort()).toEqual([
      `Richiesta n. ${request.protocolNumber} assegnata alla sede competente`,
      `Richiesta protocollata n. ${request.protocolNumber}`,
    ]);
    expect(email.messages.every((message) => message.channel === "EMAIL" && message.html?.includes("<!doctype html>"))).toBe(true);
    expect(email.messages.find((message) => message.subject?.includes("assegnata"))?.text).toContain(
      "smistata alla sede competente, Direzione provinciale di Roma",
    );
    expect(email.messages[0]?.text).toContain(`http://localhost:3000/cassetto/richieste/${request.id}`);

    const sms = mailboxes.find((mailbox) => mailbox.recipient === "+393330000001")!;
    expect(sms.messages).toHaveLength(5);
    expect(sms.messages.every((message) => message.channel === "SMS" && message.subject === null)).toBe(true);
    expect(sms.messages[0]?.text).toBe(
      `INPS: richiesta ${request.protocolNumber} chiusa. http://localhost:3000/cassetto/richieste/${request.id}`,
    );
  });

  it("does not exist in production", async () => {
    stubProductionEnv();
    try {
      await expect(listCapturedMail()).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
