import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/server/db/client";
import type { ContributorActor, OperatorActor } from "@/server/identity/actor";
import { getContributorResolution, getOperator } from "@/server/identity/session";
import { getFormDraft } from "@/server/drafts/get-form-draft";
import { logSecurityEvent } from "@/server/security/security-events";
import { POST as postMessage } from "../../../src/app/api/cassetto/richieste/[id]/messaggi/route";
import { GET as exportRequests } from "../../../src/app/api/cassetto/richieste/esportazione/route";
import { POST as postRequest } from "../../../src/app/api/cassetto/richieste/route";
import { POST as postReply } from "../../../src/app/api/fascicolo/quesiti/[id]/risposta/route";
import { POST as uploadSubjectImport } from "../../../src/app/api/admin/argomenti/[gestione]/importazione/route";
import { GET as exportSubjectTree } from "../../../src/app/(admin)/admin/argomenti/[gestione]/esportazione/route";
import { createOffice, createPerson, createPosition } from "../../support/fixtures";
import { contributorActor, createQuesito, createTakenQuesito, operatorActor } from "../../support/quesito-fixtures";
import { withStorageAndReferenceData } from "../../support/request-fixtures";

// The session is next-auth's business (tested in identity); here it is whoever each test says.
vi.mock("@/server/identity/session", () => ({ getContributorResolution: vi.fn(), getOperator: vi.fn() }));
// The security log is read back through its one entry point.
vi.mock("@/server/security/security-events", () => ({ logSecurityEvent: vi.fn() }));

withStorageAndReferenceData({ nothingLeftStaged: true });

const PORTAL = "http://localhost:3000";
const EVIL = "http://evil.example";

/**
 * A browser's multipart POST from `origin` (or a page of it, as Referer),
 * whose body records whether anybody read it.
 */
function formPost(url: string, fields: Record<string, string>, from: { origin?: string; referer?: string }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const encoded = new Response(form);
  const read = { body: false };
  const source = encoded.body!;
  // Pulled only when read (no queue filled in advance).
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        read.body = true;
        const reader = source.getReader();
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) controller.enqueue(chunk.value);
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  const headers = new Headers({ "content-type": encoded.headers.get("content-type")! });
  if (from.origin) headers.set("origin", from.origin);
  if (from.referer) headers.set("referer", from.referer);
  headers.set("x-forwarded-for", "203.0.113.50");
  const request = new Request(`${PORTAL}${url}`, { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, read };
}

async function expectRefusedCrossOrigin(response: Response, read: { body: boolean }, target: string) {
  expect(response.status).toBe(403);
  expect(response.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
  expect(await response.json()).toMatchObject({ status: 403, detail: "Richiesta rifiutata: non proviene dalle pagine del portale." });
  expect(read.body).toBe(false);
  expect(logSecurityEvent).toHaveBeenCalledWith(expect.objectContaining({ type: "cross-origin-refused", target, ip: "203.0.113.50" }));
}

describe("cross-origin writes", () => {
  let actor: ContributorActor;
  let positionId: string;
  let subjectId: string;

  beforeEach(async () => {
    vi.mocked(logSecurityEvent).mockReset();
    const holder = await createPerson("Titolare");
    actor = contributorActor(holder);
    positionId = (await createPosition(holder.id, (await createOffice()).id, "AZIENDE")).id;
    subjectId = (await prisma.subject.findFirstOrThrow({ where: { gestione: "AZIENDE", parentId: { not: null } } })).id;
    vi.mocked(getContributorResolution).mockReset().mockResolvedValue({ status: "ok", actor });
  });

  const requestFields = () => ({
    idempotencyKey: randomUUID(),
    subjectId,
    text: "Chiedo la verifica del versamento di marzo, risultato non abbinato.",
    email: "titolare@example.it",
  });

  it("a new request from another site's page is refused with 403 before its body is read, and nothing is written", async () => {
    const { request, read } = formPost(`/api/cassetto/richieste?posizione=${positionId}`, requestFields(), { origin: EVIL });

    await expectRefusedCrossOrigin(await postRequest(request), read, "/api/cassetto/richieste");
    expect(await prisma.request.count({ where: { positionId } })).toBe(0);
    expect(await prisma.formDraft.count()).toBe(0);
  });

  it("without Origin, a foreign Referer is refused too; the portal's own page is let in", async () => {
    const foreign = formPost(`/api/cassetto/richieste?posizione=${positionId}`, requestFields(), { referer: `${EVIL}/form.html` });
    await expectRefusedCrossOrigin(await postRequest(foreign.request), foreign.read, "/api/cassetto/richieste");

    const own = formPost(`/api/cassetto/richieste?posizione=${positionId}`, requestFields(), { origin: PORTAL });
    const response = await postRequest(own.request);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/^\/cassetto\/richieste\/[0-9a-f-]{36}\?inviata=1$/);
    expect(await prisma.request.count({ where: { positionId } })).toBe(1);
  });

  it("a message from another site's page is refused, and nothing is written", async () => {
    const { request: record } = await createQuesito({
      officeId: (await createOffice()).id,
      holder: { id: actor.personId, codiceFiscale: actor.codiceFiscale },
    });
    const before = await prisma.message.count({ where: { requestId: record.id } });
    const { request, read } = formPost(
      `/api/cassetto/richieste/${record.id}/messaggi`,
      { text: "Messaggio forgiato altrove." },
      { origin: "null" },
    );

    const response = await postMessage(request, { params: Promise.resolve({ id: record.id }) });

    await expectRefusedCrossOrigin(response, read, `/api/cassetto/richieste/${record.id}/messaggi`);
    expect(await prisma.message.count({ where: { requestId: record.id } })).toBe(before);
  });

  it("an office reply from another site's page is refused, and nothing is written", async () => {
    const { operator, quesitoId, requestId } = await createTakenQuesito();
    vi.mocked(getOperator)
      .mockReset()
      .mockResolvedValue(operator as OperatorActor);
    const before = await prisma.message.count({ where: { requestId } });
    const { request, read } = formPost(
      `/api/fascicolo/quesiti/${quesitoId}/risposta`,
      { body: "Risposta forgiata altrove.", nextState: "IN_ATTESA_CONTRIBUENTE" },
      { origin: EVIL },
    );

    const response = await postReply(request, { params: Promise.resolve({ id: quesitoId }) });

    await expectRefusedCrossOrigin(response, read, `/api/fascicolo/quesiti/${quesitoId}/risposta`);
    expect(await prisma.message.count({ where: { requestId } })).toBe(before);
  });
});

describe("rate limits at the routes", () => {
  let actor: ContributorActor;

  beforeEach(async () => {
    vi.mocked(logSecurityEvent).mockReset();
    actor = contributorActor(await createPerson("Titolare"));
    vi.mocked(getContributorResolution).mockReset().mockResolvedValue({ status: "ok", actor });
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("answer the export over its limit with 429, Retry-After and the limit's policy", async () => {
    vi.stubEnv("RATE_LIMIT_EXPORTS", "2/600");
    const call = () =>
      exportRequests(new Request(`${PORTAL}/api/cassetto/richieste/esportazione`, { headers: { "x-forwarded-for": "203.0.113.60" } }));
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);

    const response = await call();

    expect(response.status).toBe(429);
    expect(response.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(500);
    expect(response.headers.get("ratelimit-policy")).toBe('"exports";q=2;w=600');
    expect(response.headers.get("ratelimit")).toMatch(/^"exports";r=0;t=\d+$/);
    expect(await response.json()).toMatchObject({
      status: 429,
      detail: expect.stringMatching(/^Troppe richieste in poco tempo: riprovare tra/),
    });
    expect(logSecurityEvent).toHaveBeenCalledWith({
      type: "rate-limited",
      realm: "cassetto",
      codiceFiscale: actor.codiceFiscale,
      ip: "203.0.113.60",
      target: "/api/cassetto/richieste/esportazione",
      reason: "exports",
    });
  });

  it("send a new request over the limit back to its form with the text typed and the reason", async () => {
    vi.stubEnv("RATE_LIMIT_SUBMISSIONS", "1/600");
    const positionId = (await createPosition(actor.personId, (await createOffice()).id, "AZIENDE")).id;
    const subjectId = (await prisma.subject.findFirstOrThrow({ where: { gestione: "AZIENDE", parentId: { not: null } } })).id;
    const fields = () => ({
      idempotencyKey: randomUUID(),
      subjectId,
      text: "Chiedo la verifica del versamento di marzo, risultato non abbinato.",
      email: "titolare@example.it",
    });
    const send = (typed: Record<string, string>) =>
      postRequest(formPost(`/api/cassetto/richieste?posizione=${positionId}`, typed, { origin: PORTAL }).request);
    expect((await send(fields())).headers.get("location")).toMatch(/\?inviata=1$/);

    const typed = fields();
    const response = await send(typed);

    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location") ?? "", PORTAL);
    expect(location.pathname).toBe("/cassetto/richieste/nuova");
    const draft = await getFormDraft(actor, location.searchParams.get("bozza") ?? "", { purpose: "NUOVA_RICHIESTA" });
    expect(draft.values).toEqual(typed);
    expect(draft.errors).toEqual({ form: [expect.stringMatching(/^Troppe richieste in poco tempo: riprovare tra (9|10) minuti\.$/)] });
    expect(await prisma.request.count({ where: { positionId } })).toBe(1);
    expect(logSecurityEvent).toHaveBeenCalledWith(expect.objectContaining({ type: "rate-limited", reason: "submissions" }));
  });

  it("count an administrator's imports apart from their exports: exports used up do not block an upload", async () => {
    vi.stubEnv("RATE_LIMIT_EXPORTS", "1/600");
    const admin = await operatorActor((await createOffice()).id, "ADMIN");
    vi.mocked(getOperator).mockReset().mockResolvedValue(admin);
    const params = { params: Promise.resolve({ gestione: "AZIENDE" }) };
    const exportTree = () => exportSubjectTree(new Request(`${PORTAL}/admin/argomenti/AZIENDE/esportazione?formato=json`), params);
    const exported = await exportTree();
    expect(exported.status).toBe(200);
    const tree = await exported.text();
    expect((await exportTree()).status).toBe(429);

    const form = new FormData();
    form.append("file", new File([tree], "albero.json", { type: "application/json" }));
    const upload = new Request(`${PORTAL}/api/admin/argomenti/AZIENDE/importazione`, {
      method: "POST",
      body: form,
      headers: { origin: PORTAL, "x-forwarded-for": "203.0.113.61" },
    });
    const response = await uploadSubjectImport(upload, params);

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/^\/admin\/argomenti\/AZIENDE\/importazione\/[0-9a-f-]{36}$/);
  });
});
