import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/server/db/client";
import { parseConfig } from "@/server/config";
import { NotFoundError } from "@/server/errors/domain-errors";
import { getRequest } from "@/server/requests/get-request";
import { getQuesito } from "@/server/quesiti/get-quesito";
import { startNotificationWorker, type NotificationWorker } from "@/server/worker/start-notification-worker";
import { closeQuesito } from "@/server/quesiti/close-quesito";
import { replyToQuesito } from "@/server/quesiti/reply-to-quesito";
import { takeQuesito } from "@/server/quesiti/take-quesito";
import { applyTransition } from "@/server/workflow/lifecycle";
import { createOffice, createPerson } from "../../support/fixtures";
import {
  clearNotificationQueue,
  notificationJobCount,
  sendRequestWithContacts as sendRequest,
  waitFor,
} from "../../support/notification-servers";
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from "../../support/smtp-server";
import { contributorActor, operatorActor } from "../../support/quesito-fixtures";
import { useTemporaryStorage } from "../../support/request-files";

// Notifications by e-mail and PEC, end to end: the real services write the
// events, the worker delivers over SMTP to two in-process servers (the
// ordinary account and the PEC provider), which parse what they receive.

const PUBLIC_URL = "https://portale.example.it";
const QUESITO_PAGE = "/fascicolo/quesiti";
const env = { PUBLIC_URL, NOTIFICATION_RETRY_DELAY_SECONDS: "1", NOTIFICATION_MAX_ATTEMPTS: "6" };

let storage: Awaited<ReturnType<typeof useTemporaryStorage>>;
let mail: TestSmtpServer;
let pec: TestSmtpServer;
let worker: NotificationWorker;

beforeAll(async () => {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  storage = await useTemporaryStorage();
  mail = await startSmtpServer({ refuse: /^rifiutato@/ });
  pec = await startSmtpServer();
  await clearNotificationQueue();
  const config = parseConfig({
    ...process.env,
    SMTP_URL: mail.url,
    MAIL_FROM: "INPS <noreply@inps.example.it>",
    PEC_SMTP_URL: pec.url,
    PEC_FROM: "comunicazione@postacert.inps.example.it",
  });
  worker = await startNotificationWorker({ databaseUrl: process.env.DATABASE_URL!, config });
});

afterAll(async () => {
  await worker?.stop();
  await Promise.all([mail?.stop(), pec?.stop()]);
  await storage?.dispose();
  vi.unstubAllEnvs();
});

function mailsOf(server: TestSmtpServer, requestProtocol: string): ReceivedMail[] {
  return server.received.filter((received) => received.mail.subject?.includes(requestProtocol));
}

/** Waits until every notification of the request is out of the queue (sent or failed for good). */
function settled(requestId: string, expected: number) {
  return waitFor(
    async () => {
      const rows = await prisma.notification.findMany({ where: { requestId } });
      return rows.length === expected && rows.every((row) => ["SENT", "FAILED_PERMANENT"].includes(row.status)) ? rows : null;
    },
    20_000,
    `${expected} notifications settled`,
  );
}

function notificationId(received: ReceivedMail): string {
  return String(received.mail.headers.get("x-notification-id"));
}

describe("notifications by e-mail and PEC", () => {
  it("tell the chosen recipients of each event, each by its template with the protocol number", async () => {
    const request = await sendRequest({
      email: "titolare@example.it",
      extraEmail: "studio@example.it",
      pec: "titolare@pec.example.it",
      mobile: "333 1234567",
      consentEmail: "on",
      consentPec: "on",
    });
    const link = `${PUBLIC_URL}/cassetto/richieste/${request.id}`;

    // Protocol and routing: e-mail and extra e-mail on the ordinary account, PEC on the PEC account, no SMS without consent.
    const opening = await settled(request.id, 6);
    expect(opening.map((row) => row.channel).sort()).toEqual(["EMAIL", "EMAIL", "EMAIL", "EMAIL", "PEC", "PEC"]);
    expect(opening.every((row) => row.status === "SENT" && row.attempts === 1 && row.providerMessageId)).toBe(true);
    expect(opening.map((row) => `${row.template}@${row.templateVersion}`).sort()).toEqual([
      "richiesta-protocollata@1",
      "richiesta-protocollata@1",
      "richiesta-protocollata@1",
      "richiesta-smistata@1",
      "richiesta-smistata@1",
      "richiesta-smistata@1",
    ]);

    const ordinary = mailsOf(mail, request.protocolNumber);
    expect(ordinary.map((received) => received.envelopeTo.join()).sort()).toEqual([
      "studio@example.it",
      "studio@example.it",
      "titolare@example.it",
      "titolare@example.it",
    ]);
    const certified = mailsOf(pec, request.protocolNumber);
    expect(certified.map((received) => received.envelopeTo.join())).toEqual(["titolare@pec.example.it", "titolare@pec.example.it"]);
    expect(certified.every((received) => received.mail.from?.value[0]?.address === "comunicazione@postacert.inps.example.it")).toBe(true);

    const protocolled = ordinary.find((received) => received.mail.subject === `Richiesta protocollata n. ${request.protocolNumber}`);
    expect(protocolled?.mail.from?.value[0]).toMatchObject({ name: "INPS", address: "noreply@inps.example.it" });
    expect(protocolled?.mail.text).toContain(`con il numero ${request.protocolNumber}`);
    expect(protocolled?.mail.text).toContain(link);
    expect(protocolled?.mail.html).toContain(`href="${link}"`);
    const routed = certified.find((received) => received.mail.subject?.includes("assegnata alla sede competente"));
    expect(routed?.mail.text).toContain("smistata alla sede competente, Sede di prova");

    // Take in charge, reply, close: one notice each, per recipient.
    const operator = await operatorActor(request.office.id);
    await takeQuesito(operator, request.quesitoId, { expectedVersion: 0 });
    await replyToQuesito(operator, request.quesitoId, { expectedVersion: 1, body: "Il versamento risulta abbinato dal 3 aprile." });
    await closeQuesito(operator, request.quesitoId, { expectedVersion: 2, esito: "ACCOLTA", comment: "Versamento abbinato." });
    await settled(request.id, 15);

    const subjects = mailsOf(mail, request.protocolNumber)
      .filter((received) => received.envelopeTo.includes("titolare@example.it"))
      .map((received) => received.mail.subject);
    expect(subjects.sort()).toEqual(
      [
        `Richiesta protocollata n. ${request.protocolNumber}`,
        `Richiesta n. ${request.protocolNumber} assegnata alla sede competente`,
        `Richiesta n. ${request.protocolNumber} presa in carico`,
        `Nuova risposta alla richiesta n. ${request.protocolNumber}`,
        `Richiesta n. ${request.protocolNumber} chiusa`,
      ].sort(),
    );
    expect(mailsOf(pec, request.protocolNumber)).toHaveLength(5);
    const reply = mailsOf(mail, request.protocolNumber).find((received) => received.mail.subject?.startsWith("Nuova risposta"));
    expect(reply?.mail.text).toContain("Per leggerla");
    // The notice says that there is a reply, never what it says.
    expect(reply?.mail.text).not.toContain("abbinato dal 3 aprile");
    const closed = mailsOf(mail, request.protocolNumber).find((received) => received.mail.subject?.endsWith("chiusa"));
    expect(closed?.mail.text).toContain("con esito «Accolta»");
    expect(closed?.mail.text).toContain("Stato: Chiusa");

    // Every notification was delivered exactly once.
    const ids = [...mailsOf(mail, request.protocolNumber), ...mailsOf(pec, request.protocolNumber)].map(notificationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("send nothing on a channel the gestione does not allow", async () => {
    await prisma.gestioneSettings.update({ where: { gestione: "AZIENDE" }, data: { notificationChannels: ["EMAIL"] } });
    try {
      const request = await sendRequest({
        email: "titolare@example.it",
        pec: "titolare@pec.example.it",
        consentEmail: "on",
        consentPec: "on",
      });
      const rows = await settled(request.id, 2);
      expect(rows.map((row) => row.channel)).toEqual(["EMAIL", "EMAIL"]);
      expect(mailsOf(pec, request.protocolNumber)).toHaveLength(0);
    } finally {
      await prisma.gestioneSettings.update({
        where: { gestione: "AZIENDE" },
        data: { notificationChannels: ["EMAIL", "PEC", "SMS"] },
      });
    }
  });

  it("enqueue nothing when the event's transaction rolls back", async () => {
    const request = await sendRequest({ email: "titolare@example.it", consentEmail: "on" });
    await settled(request.id, 2);
    const operator = await operatorActor(request.office.id);
    const [notifications, jobs] = [await prisma.notification.count(), await notificationJobCount()];

    const failure = prisma.$transaction(async (tx) => {
      await applyTransition(tx, { action: "PRESA_IN_CARICO", actor: operator, quesito: { id: request.quesitoId }, expectedVersion: 0 });
      // The take in charge and its notice were written in this transaction…
      expect(await tx.notification.count({ where: { requestId: request.id } })).toBe(3);
      throw new Error("annullata");
    });
    await expect(failure).rejects.toThrow("annullata");

    // …and went with it.
    expect(await prisma.notification.count()).toBe(notifications);
    expect(await notificationJobCount()).toBe(jobs);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(mailsOf(mail, request.protocolNumber).filter((received) => received.mail.subject?.includes("presa in carico"))).toHaveLength(0);
  });

  it("retry while the SMTP server is down and deliver everything, once, when it is back", async () => {
    await mail.stop();
    let request;
    try {
      request = await sendRequest({ email: "titolare@example.it", extraEmail: "studio@example.it", consentEmail: "on" });
      const requestId = request.id;
      // Every notice failed at least once and waits for its next attempt.
      await waitFor(
        async () => {
          const rows = await prisma.notification.findMany({ where: { requestId } });
          return rows.length === 4 && rows.every((row) => row.status === "FAILED_TEMPORARY" && row.attempts >= 1);
        },
        15_000,
        "temporary failures",
      );
      const failed = await prisma.notification.findFirstOrThrow({ where: { requestId } });
      expect(failed.lastError).toMatch(/ECONNECTION|ECONNREFUSED/);
      expect(failed.failureReason).toBeNull();
    } finally {
      await mail.start();
    }

    const rows = await settled(request.id, 4);
    expect(rows.every((row) => row.status === "SENT" && row.attempts >= 2 && row.lastError === null)).toBe(true);
    const received = mailsOf(mail, request.protocolNumber);
    expect(received.map(notificationId).sort()).toEqual(rows.map((row) => row.id).sort());
  });

  it("give up on an address the server refuses, and show the failure to the contributor and to the office", async () => {
    const request = await sendRequest({ email: "rifiutato@example.it", consentEmail: "on" });
    const rows = await settled(request.id, 2);
    expect(rows.every((row) => row.status === "FAILED_PERMANENT" && row.attempts === 1 && row.failedAt)).toBe(true);
    expect(rows[0]?.lastError).toContain("550");

    // The request's page reads them with the request, the quesito's page with the quesito.
    const contributor = contributorActor(request.holder);
    const failures = (await getRequest(contributor, request.id)).failedNotifications;
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatchObject({
      channel: "EMAIL",
      channelLabel: "E-mail",
      recipient: "rifiutato@example.it",
      reason: "L'indirizzo o il messaggio è stato rifiutato dal server di posta.",
    });
    const operator = await operatorActor(request.office.id);
    expect((await getQuesito(operator, request.quesitoId, QUESITO_PAGE)).failedNotifications).toEqual(failures);

    // Nobody else sees them: neither the request nor its quesito is found.
    const otherOffice = await operatorActor((await createOffice()).id);
    await expect(getQuesito(otherOffice, request.quesitoId, QUESITO_PAGE)).rejects.toThrow(NotFoundError);
    const stranger = contributorActor(await createPerson("Estraneo"));
    await expect(getRequest(stranger, request.id)).rejects.toThrow(NotFoundError);
  });

  it("fail for good after NOTIFICATION_MAX_ATTEMPTS attempts, with the reason", async () => {
    vi.stubEnv("NOTIFICATION_MAX_ATTEMPTS", "2");
    await mail.stop();
    try {
      const request = await sendRequest({ email: "titolare@example.it", consentEmail: "on" });
      const rows = await settled(request.id, 2);
      expect(rows.every((row) => row.status === "FAILED_PERMANENT" && row.attempts === 2)).toBe(true);
      expect(rows[0]?.failureReason).toBe("Recapito non riuscito dopo 2 tentativi: il server di posta non è raggiungibile.");
      const { failedNotifications: failures } = await getRequest(contributorActor(request.holder), request.id);
      expect(failures.map((failure) => failure.reason)).toEqual([rows[0]?.failureReason, rows[0]?.failureReason]);
    } finally {
      vi.stubEnv("NOTIFICATION_MAX_ATTEMPTS", env.NOTIFICATION_MAX_ATTEMPTS);
      await mail.start();
    }
  });
});
