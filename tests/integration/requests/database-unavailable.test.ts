import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/server/db/client";
import type { ContributorActor } from "@/server/identity/actor";
import { getContributorResolution, getUncheckedRealmSubject } from "@/server/identity/session";
import { createRequest } from "@/server/requests/create-request";
import { submitFormWithDraft } from "@/app/_lib/http/submit-form-with-draft";
import { POST as postInstance } from "../../../src/app/api/cassetto/istanze/[tipo]/route";
import { POST as postMessage } from "../../../src/app/api/cassetto/richieste/[id]/messaggi/route";
import { POST as postRequest } from "../../../src/app/api/cassetto/richieste/route";
import { createPerson, createPosition } from "../../support/fixtures";
import { contributorActor } from "../../support/quesito-fixtures";
import { createHolderWithPosition, createSentRequest, seededSubject, withStorageAndReferenceData } from "../../support/request-fixtures";
import { exeSample, pdfSample } from "../attachments/samples";

// The session is next-auth's business (tested in identity); here it is whoever each test says.
vi.mock("@/server/identity/session", () => ({
  getContributorResolution: vi.fn(),
  getOperator: vi.fn(),
  getUncheckedRealmSubject: vi.fn(),
}));

// Short bounds, read when this file's Prisma client is first used: the waits run out in seconds, not the defaults' tens.
process.env.DATABASE_STATEMENT_TIMEOUT_MS = "1500";
process.env.DATABASE_CONNECT_TIMEOUT_MS = "1500";
process.env.DATABASE_TRANSACTION_MAX_WAIT_MS = "1500";
process.env.AUTH_SECRET = "una-chiave-di-prova-lunga-almeno-trentadue-caratteri";

const storage = withStorageAndReferenceData();
const databaseUrl = () => process.env.DATABASE_URL ?? "";
const databaseName = () => decodeURIComponent(new URL(databaseUrl()).pathname.slice(1));
const TEXT = "Chiedo la verifica del versamento di marzo, non abbinato alla matricola.";

/** A session on the same server's maintenance database, to stall or close ours as an operator would. */
async function adminSession(): Promise<pg.Client> {
  const url = new URL(databaseUrl());
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return client;
}

function formPost(url: string, fields: [string, string][], files: { name: string; content: Buffer }[]): Request {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  for (const file of files) body.append("allegati", new Blob([new Uint8Array(file.content)], { type: "application/pdf" }), file.name);
  return new Request(`http://localhost${url}`, { method: "POST", body });
}

/** The form of the 503 page, as a browser would post it again: its action and its fields, the text as shown. */
function formOfPage(html: string): { action: string; fields: [string, string][] } {
  const unescape = (text: string) =>
    text.replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
  const action = unescape(/<form method="post" enctype="multipart\/form-data" action="([^"]+)"/.exec(html)?.[1] ?? "");
  const hidden = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(
    ([, name = "", value = ""]) => [unescape(name), unescape(value)] as [string, string],
  );
  const text = unescape(/<textarea id="text" name="text" rows="10">([\s\S]*?)<\/textarea>/.exec(html)?.[1] ?? "");
  return { action, fields: [...hidden, ["text", text]] };
}

async function heldFolders(): Promise<string[]> {
  return readdir(path.join(storage.root, "data", "held-forms")).catch(() => []);
}

async function counts() {
  const [requests, messages, attachments, events, notifications] = await Promise.all([
    prisma.request.count(),
    prisma.message.count(),
    prisma.attachment.count(),
    prisma.requestEvent.count(),
    prisma.notification.count(),
  ]);
  return { requests, messages, attachments, events, notifications, files: (await storage.storedKeys()).length };
}

describe("a database that does not answer loses no form", () => {
  let actor: ContributorActor;
  let positionId: string;
  let subjectId: string;
  let officeCode: string;
  let admin: pg.Client;

  beforeEach(async () => {
    const { holder, position, office } = await createHolderWithPosition("AZIENDE");
    actor = contributorActor(holder);
    positionId = position.id;
    officeCode = office.code;
    subjectId = (await seededSubject("AZIENDE")).id;
    vi.mocked(getContributorResolution).mockReset().mockResolvedValue({ status: "ok", actor });
    vi.mocked(getUncheckedRealmSubject).mockReset().mockResolvedValue(holder.id);
    admin = await adminSession();
  });

  afterEach(async () => {
    await admin.query(`ALTER DATABASE ${admin.escapeIdentifier(databaseName())} WITH ALLOW_CONNECTIONS true`);
    await admin.end();
  });

  /** The database refuses every new connection and its open ones are closed, as when it is down. */
  async function refuseConnections() {
    await admin.query(`ALTER DATABASE ${admin.escapeIdentifier(databaseName())} WITH ALLOW_CONNECTIONS false`);
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [
      databaseName(),
    ]);
  }

  const fields = (): [string, string][] => [
    ["idempotencyKey", randomUUID()],
    ["subjectId", subjectId],
    ["text", TEXT],
    ["email", "titolare@example.it"],
    ["consentEmail", "on"],
  ];

  /** "Invia" when the database is back: the page's own form, posted again, registers the request. */
  async function sendAgain(page: string) {
    const form = formOfPage(page);
    const response = await postRequest(formPost(form.action, form.fields, []));
    expect(response.status).toBe(303);
    const requestId = /\/cassetto\/richieste\/([0-9a-f-]{36})\?inviata=1$/.exec(response.headers.get("location") ?? "")?.[1];
    return prisma.request.findUniqueOrThrow({
      where: { id: requestId ?? "" },
      include: { messages: { include: { attachments: true } } },
    });
  }

  it("keeps the form when a stalled database outlasts the bounded wait inside the transaction, without a gap in the numbers", async () => {
    // One request already numbered 1: the next registered must be 2, whatever failed in between.
    const first = await postRequest(formPost(`/api/cassetto/richieste?posizione=${positionId}`, fields(), []));
    expect(first.status).toBe(303);
    const before = await counts();
    // Another session holds the counter table: the numbering waits until its statement times out.
    const holderOfLock = new pg.Client({ connectionString: databaseUrl() });
    await holderOfLock.connect();
    await holderOfLock.query(`BEGIN; LOCK TABLE "ProtocolCounter" IN ACCESS EXCLUSIVE MODE`);

    let page: string;
    try {
      const response = await postRequest(
        formPost(`/api/cassetto/richieste?posizione=${positionId}`, fields(), [{ name: "estratto conto.pdf", content: pdfSample() }]),
      );
      expect(response.status).toBe(503);
      expect(response.headers.get("content-type")).toContain("text/html");
      page = await response.text();
    } finally {
      await holderOfLock.query("ROLLBACK");
      await holderOfLock.end();
    }

    expect(page).toContain('<html lang="it">');
    expect(page).toContain("Il servizio è momentaneamente non disponibile");
    expect(page).toContain(TEXT);
    expect(page).toContain("estratto conto.pdf");
    expect(await counts()).toEqual(before);
    expect(await heldFolders()).toHaveLength(1);

    const request = await sendAgain(page);
    expect(request.protocolNumber).toMatch(new RegExp(`^INPS\\.${officeCode}\\..*\\.0000002$`));
    expect(request.text).toBe(TEXT);
    expect(request.messages[0]?.attachments.map((file) => file.fileName)).toEqual(["estratto conto.pdf"]);
    expect(await heldFolders()).toEqual([]);
  });

  it("keeps the form when the database refuses every connection, before anything could be checked", async () => {
    const before = await counts();
    const name = admin.escapeIdentifier(databaseName());
    await refuseConnections();

    const response = await postRequest(
      formPost(`/api/cassetto/richieste?posizione=${positionId}`, fields(), [{ name: "ricevuta.pdf", content: pdfSample() }]),
    );

    expect(response.status).toBe(503);
    const page = await response.text();
    expect(page).toContain("La richiesta non è stata inviata");
    expect(page).toContain(TEXT);
    expect(page).toContain("ricevuta.pdf");
    await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
    expect(await counts()).toEqual(before);

    const request = await sendAgain(page);
    expect(request.messages[0]?.attachments.map((file) => file.fileName)).toEqual(["ricevuta.pdf"]);
    expect(await heldFolders()).toEqual([]);
  });

  it("lets nobody but its owner use a kept form", async () => {
    await refuseConnections();
    const page = await (
      await postRequest(
        formPost(`/api/cassetto/richieste?posizione=${positionId}`, fields(), [{ name: "privato.pdf", content: pdfSample() }]),
      )
    ).text();
    await admin.query(`ALTER DATABASE ${admin.escapeIdentifier(databaseName())} WITH ALLOW_CONNECTIONS true`);

    const stranger = await createPerson("Estraneo");
    const strangerPosition = await createPosition(
      stranger.id,
      (await prisma.position.findUniqueOrThrow({ where: { id: positionId } })).officeId,
    );
    vi.mocked(getContributorResolution).mockResolvedValue({ status: "ok", actor: contributorActor(stranger) });
    const form = formOfPage(page);
    const reference = new URL(form.action, "http://localhost").searchParams.get("riserva") ?? "";
    const response = await postRequest(
      formPost(`/api/cassetto/richieste?posizione=${strangerPosition.id}&riserva=${encodeURIComponent(reference)}`, fields(), []),
    );

    expect(response.status).toBe(303);
    const created = await prisma.request.findFirstOrThrow({
      where: { submittedById: stranger.id },
      include: { messages: { include: { attachments: true } } },
    });
    expect(created.messages[0]?.attachments).toEqual([]);
    expect(await heldFolders()).toHaveLength(1);
  });

  it("keeps a message on a request the same way, and sends it when the database is back", async () => {
    const sent = await createSentRequest({ at: new Date() });
    const author = contributorActor(sent.holder);
    vi.mocked(getContributorResolution).mockResolvedValue({ status: "ok", actor: author });
    vi.mocked(getUncheckedRealmSubject).mockResolvedValue(sent.holder.id);
    const messagesPath = `/api/cassetto/richieste/${sent.requestId}/messaggi`;
    const heldBefore = await heldFolders();
    const name = admin.escapeIdentifier(databaseName());
    await refuseConnections();

    const response = await postMessage(
      formPost(messagesPath, [["text", "Allego la ricevuta richiesta."]], [{ name: "ricevuta.pdf", content: pdfSample() }]),
      {
        params: Promise.resolve({ id: sent.requestId }),
      },
    );

    expect(response.status).toBe(503);
    const page = await response.text();
    expect(page).toContain("Il messaggio non è stato inviato");
    await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
    const form = formOfPage(page);
    const again = await postMessage(formPost(form.action, form.fields, []), { params: Promise.resolve({ id: sent.requestId }) });
    expect(again.headers.get("location")).toBe(`/cassetto/richieste/${sent.requestId}?messaggio=1#messaggi`);
    const message = await prisma.message.findFirstOrThrow({
      where: { requestId: sent.requestId, body: "Allego la ricevuta richiesta." },
      include: { attachments: true },
    });
    expect(message.attachments.map((file) => file.fileName)).toEqual(["ricevuta.pdf"]);
    expect(await heldFolders()).toEqual(heldBefore);
  });

  it("keeps an istanza the same way, with its kind, position and values, and files it when the database is back", async () => {
    const committente = await createHolderWithPosition("GS_COMMITTENTI");
    vi.mocked(getContributorResolution).mockResolvedValue({ status: "ok", actor: contributorActor(committente.holder) });
    vi.mocked(getUncheckedRealmSubject).mockResolvedValue(committente.holder.id);
    const reasons = "Il versamento di marzo 2025 è stato eseguito due volte con il modello F24.";
    const refund: [string, string][] = [
      ["idempotencyKey", randomUUID()],
      ["text", reasons],
      ["importo", "1.234,56"],
      ["periodoDal", "03/2025"],
      ["periodoAl", "03/2025"],
      ["iban", "IT60 X054 2811 1010 0000 0123 456"],
      ["intestatario", "Studio Bianchi"],
      ["email", "studio@example.it"],
      ["consentEmail", "on"],
    ];
    const params = { params: Promise.resolve({ tipo: "rimborso" }) };
    const heldBefore = await heldFolders();
    const name = admin.escapeIdentifier(databaseName());
    await refuseConnections();

    const response = await postInstance(
      formPost(`/api/cassetto/istanze/rimborso?posizione=${committente.position.id}`, refund, [{ name: "F24.pdf", content: pdfSample() }]),
      params,
    );

    expect(response.status).toBe(503);
    const page = await response.text();
    expect(page).toContain("L&#39;istanza non è stata inviata");
    expect(page).toContain("F24.pdf");
    await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
    const form = formOfPage(page);
    const again = await postInstance(formPost(form.action, form.fields, []), params);
    expect(again.status).toBe(303);
    const requestId = /\/cassetto\/richieste\/([0-9a-f-]{36})\?inviata=1$/.exec(again.headers.get("location") ?? "")?.[1];
    const request = await prisma.request.findUniqueOrThrow({
      where: { id: requestId ?? "" },
      include: { messages: { include: { attachments: true } } },
    });
    expect(request).toMatchObject({ positionId: committente.position.id, text: reasons });
    expect(request.istanza).toMatchObject({ kind: "rimborso", values: { importo: 123456, iban: "IT60X0542811101000000123456" } });
    expect(request.messages[0]?.attachments.map((file) => file.fileName)).toEqual(["F24.pdf"]);
    expect(await heldFolders()).toEqual(heldBefore);
  });

  it("holds a form whose upload is refused when not even its draft can be saved", async () => {
    await refuseConnections();

    const outcome = await submitFormWithDraft(
      actor,
      formPost("/api/cassetto/richieste", fields(), [{ name: "ricevuta.pdf", content: exeSample() }]),
      {
        limits: { maxFiles: 3, maxBytesPerFile: 1024 * 1024 },
        scope: { purpose: "NUOVA_RICHIESTA" },
        target: positionId,
        submit: (input, files) => createRequest(actor, { ...input, positionId }, files),
      },
    );

    expect(outcome.ok).toBe(false);
    if (outcome.ok || !("held" in outcome)) throw new Error("the form should have been held");
    expect(outcome.held.values.text).toBe(TEXT);
    expect(outcome.held.files).toEqual([]);
  });
});
