import twilio from "twilio";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/notifiche/twilio/stato/route";
import { parseConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { getQuesito } from "@/server/quesiti/get-quesito";
import { getRequest } from "@/server/requests/get-request";
import { startNotificationWorker, type NotificationWorker } from "@/server/worker/start-notification-worker";
import { gsmLength } from "@/server/notifications/templates/sms-text";
import {
  clearNotificationQueue,
  sendRequestWithContacts as sendRequest,
  startTwilioStandIn,
  waitFor,
  type TwilioStandIn,
} from "../../support/notification-servers";
import { contributorActor, operatorActor } from "../../support/quesito-fixtures";
import { useTemporaryStorage } from "../../support/request-files";

// SMS through the twilio client against a local stand-in for Twilio's API
// (TWILIO_API_URL), and Twilio's status callback through the route handler.

const PUBLIC_URL = "https://portale.example.it";
const CALLBACK_URL = `${PUBLIC_URL}/api/notifiche/twilio/stato`;
const ACCOUNT_SID = `AC${"0123456789abcdef".repeat(2)}`;
const AUTH_TOKEN = "token-di-prova-twilio";
const INVALID_NUMBER = "+393330000999";
const env = { PUBLIC_URL, TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_FROM: "+15005550006" };

let storage: Awaited<ReturnType<typeof useTemporaryStorage>>;
let standIn: TwilioStandIn;
let worker: NotificationWorker;

beforeAll(async () => {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  storage = await useTemporaryStorage();
  standIn = await startTwilioStandIn({ invalidNumbers: [INVALID_NUMBER] });
  await clearNotificationQueue();
  const config = parseConfig({ ...process.env, TWILIO_API_URL: standIn.url });
  worker = await startNotificationWorker({ databaseUrl: process.env.DATABASE_URL!, config });
});

afterAll(async () => {
  await worker?.stop();
  await standIn?.stop();
  await storage?.dispose();
  vi.unstubAllEnvs();
});

function smsSettled(requestId: string, expected: number) {
  return waitFor(
    async () => {
      const rows = await prisma.notification.findMany({ where: { requestId, channel: "SMS" }, orderBy: { createdAt: "asc" } });
      return rows.length === expected && rows.every((row) => row.status !== "QUEUED" && row.status !== "SENDING") ? rows : null;
    },
    15_000,
    `${expected} SMS settled`,
  );
}

function callback(params: Record<string, string>, signature: string | null): Request {
  return new Request(CALLBACK_URL, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(signature === null ? {} : { "x-twilio-signature": signature }),
    },
    body: new URLSearchParams(params),
  });
}

const signed = (params: Record<string, string>) => twilio.getExpectedTwilioSignature(AUTH_TOKEN, CALLBACK_URL, params);

describe("notifications by SMS", () => {
  beforeEach(() => {
    standIn.requests.length = 0;
  });

  it("go only to a mobile with the SMS consent, one short text per event with the protocol number and a link", async () => {
    const withoutConsent = await sendRequest({ mobile: "333 1112222", email: "a@example.it", consentEmail: "on" });
    const request = await sendRequest({ mobile: "333 1234567", consentSms: "on" });
    const rows = await smsSettled(request.id, 2);
    expect(rows.every((row) => row.status === "SENT" && row.providerMessageId?.startsWith("SM"))).toBe(true);
    expect(await prisma.notification.count({ where: { requestId: withoutConsent.id, channel: "SMS" } })).toBe(0);

    const sent = standIn.requests.filter((sms) => sms.params.get("To") === "+393331234567");
    expect(sent).toHaveLength(2);
    for (const sms of sent) {
      expect(sms.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
      expect(sms.authorization).toBe(`Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString("base64")}`);
      expect(sms.params.get("From")).toBe("+15005550006");
      expect(sms.params.get("StatusCallback")).toBe(CALLBACK_URL);
      const body = sms.params.get("Body") ?? "";
      expect(gsmLength(body)).not.toBeNull();
      expect(gsmLength(body)).toBeLessThanOrEqual(160);
      expect(body).toContain(request.protocolNumber);
      expect(body).toContain(`${PUBLIC_URL}/cassetto/richieste/${request.id}`);
      for (const personal of [
        request.holder.givenName,
        request.holder.familyName,
        request.subject.label,
        request.office.name,
        "versamento",
      ]) {
        expect(body).not.toContain(personal);
      }
    }
    expect(sent.map((sms) => sms.params.get("Body"))).toEqual(
      expect.arrayContaining([expect.stringContaining("protocollata"), expect.stringContaining("assegnata alla sede competente")]),
    );
  });

  it("take a number Twilio refuses as a permanent failure, without retrying it", async () => {
    const request = await sendRequest({ mobile: INVALID_NUMBER, consentSms: "on" });
    const rows = await smsSettled(request.id, 2);
    expect(rows.every((row) => row.status === "FAILED_PERMANENT" && row.attempts === 1)).toBe(true);
    expect(rows[0]?.lastError).toContain("21211");
    expect(standIn.requests.filter((sms) => sms.params.get("To") === INVALID_NUMBER)).toHaveLength(2);
    const { failedNotifications: failures } = await getRequest(contributorActor(request.holder), request.id);
    expect(failures.map((failure) => failure.recipient)).toEqual(["+39 •••••••999", "+39 •••••••999"]);
    expect(failures[0]?.reason).toBe("Il numero di cellulare è stato rifiutato dal servizio SMS.");
  });

  it("refuse a status callback without a valid Twilio signature", async () => {
    const request = await sendRequest({ mobile: "333 7654321", consentSms: "on" });
    const [sms] = await smsSettled(request.id, 2);
    const params = { MessageSid: sms!.providerMessageId!, MessageStatus: "delivered", AccountSid: ACCOUNT_SID };

    for (const signature of [null, "firma-falsa", twilio.getExpectedTwilioSignature("altro-token", CALLBACK_URL, params)]) {
      const response = await POST(callback(params, signature));
      expect(response.status).toBe(403);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect((await response.json()).detail).toBe("Firma della richiesta non valida.");
    }
    // Signed for other parameters: refused too.
    const response = await POST(callback({ ...params, MessageStatus: "undelivered" }, signed(params)));
    expect(response.status).toBe(403);
    expect(await prisma.notification.findUniqueOrThrow({ where: { id: sms!.id } })).toMatchObject({ status: "SENT", deliveredAt: null });
  });

  it("refuse a status callback that is not Twilio's signed form, saying what is wrong", async () => {
    const request = await sendRequest({ mobile: "333 4445555", consentSms: "on" });
    const [sms] = await smsSettled(request.id, 2);
    const sid = sms!.providerMessageId!;

    const json = await POST(
      new Request(CALLBACK_URL, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ MessageSid: sid, MessageStatus: "delivered" }),
      }),
    );
    expect(json.status).toBe(422);
    expect(json.headers.get("content-type")).toContain("application/problem+json");
    expect((await json.json()).detail).toBe("La notifica di stato deve essere inviata come modulo (application/x-www-form-urlencoded).");

    // Far larger than any callback of Twilio's, even signed.
    const padded = { MessageSid: sid, MessageStatus: "delivered", Body: "x".repeat(20_000) };
    const large = await POST(callback(padded, signed(padded)));
    expect(large.status).toBe(413);
    expect((await large.json()).detail).toBe("La notifica di stato supera i 16 KB ammessi.");

    // Signed, but without the message's status, or without anything.
    const withoutStatus = { MessageSid: sid, AccountSid: ACCOUNT_SID };
    const missing = await POST(callback(withoutStatus, signed(withoutStatus)));
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ errors: { MessageStatus: ["Manca lo stato del messaggio (MessageStatus)."] } });
    const empty = await POST(callback({}, signed({})));
    expect(empty.status).toBe(422);
    expect((await empty.json()).errors).toEqual({
      MessageSid: ["Manca l'identificativo del messaggio (MessageSid)."],
      MessageStatus: ["Manca lo stato del messaggio (MessageStatus)."],
    });

    expect(await prisma.notification.findUniqueOrThrow({ where: { id: sms!.id } })).toMatchObject({ status: "SENT", deliveredAt: null });
  });

  it("record delivery and non-delivery reported by a signed status callback", async () => {
    const request = await sendRequest({ mobile: "333 5556666", consentSms: "on" });
    const [first, second] = await smsSettled(request.id, 2);

    const delivered = { MessageSid: first!.providerMessageId!, MessageStatus: "delivered", AccountSid: ACCOUNT_SID };
    expect((await POST(callback(delivered, signed(delivered)))).status).toBe(204);
    const afterDelivery = await prisma.notification.findUniqueOrThrow({ where: { id: first!.id } });
    expect(afterDelivery.status).toBe("DELIVERED");
    expect(afterDelivery.deliveredAt).toBeInstanceOf(Date);

    // A late intermediate status does not undo it.
    const late = { ...delivered, MessageStatus: "sent" };
    expect((await POST(callback(late, signed(late)))).status).toBe(204);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: first!.id } })).status).toBe("DELIVERED");

    const undelivered = {
      MessageSid: second!.providerMessageId!,
      MessageStatus: "undelivered",
      ErrorCode: "30003",
      AccountSid: ACCOUNT_SID,
    };
    expect((await POST(callback(undelivered, signed(undelivered)))).status).toBe(204);
    expect(await prisma.notification.findUniqueOrThrow({ where: { id: second!.id } })).toMatchObject({
      status: "FAILED_PERMANENT",
      lastError: "Twilio undelivered 30003",
      failureReason: "L'operatore telefonico non ha consegnato l'SMS.",
    });
    const operator = await operatorActor(request.office.id);
    const { failedNotifications: failures } = await getQuesito(operator, request.quesitoId, "/fascicolo/quesiti");
    expect(failures).toEqual([
      expect.objectContaining({
        channel: "SMS",
        channelLabel: "SMS",
        recipient: "+39 •••••••666",
        reason: "L'operatore telefonico non ha consegnato l'SMS.",
      }),
    ]);
  });
});
