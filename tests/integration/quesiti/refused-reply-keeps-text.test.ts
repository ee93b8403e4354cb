import type { NextResponse } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { CONTROL_CHARACTERS_MESSAGE } from "@/lib/form-fields";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "@/server/identity/actor";
import { getOperator } from "@/server/identity/session";
import { FLASH_PARAM } from "../../../src/app/_lib/form-flash";
import { FLASH_COOKIE, readFlash } from "../../../src/app/(fascicolo)/fascicolo/quesiti/_lib/flash";
import { POST as postReply } from "../../../src/app/api/fascicolo/quesiti/[id]/risposta/route";
import { createOffice } from "../../support/fixtures";
import { createTakenQuesito, operatorActor } from "../../support/quesito-fixtures";
import { temporaryStorageForFile } from "../../support/request-files";
import { exeSample, pdfSample } from "../attachments/samples";

// The session is next-auth's business (tested in identity); here it is whoever each test says.
vi.mock("@/server/identity/session", () => ({ getContributorResolution: vi.fn(), getOperator: vi.fn() }));

const MB = 1024 * 1024;

// This file's own DATA_DIR and TMPDIR, so that "nothing left behind" is exact.
const storage = temporaryStorageForFile({ nothingLeftStaged: true });

type FormFile = { name: string; content: Uint8Array };

describe("the office's reply through its route handler", () => {
  let operator: OperatorActor;
  let quesitoId: string;
  let requestId: string;

  beforeEach(async () => {
    ({ operator, quesitoId, requestId } = await createTakenQuesito());
    vi.mocked(getOperator).mockReset().mockResolvedValue(operator);
  });

  /** The reply form as the browser posts it, the file input last, to the route handler. */
  async function post(fields: Record<string, string>, files: FormFile[]) {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    for (const file of files) body.append("allegati", new File([new Uint8Array(file.content)], file.name, { type: "application/pdf" }));
    const response = (await postReply(new Request(`http://localhost/api/fascicolo/quesiti/${quesitoId}/risposta`, { method: "POST", body }), {
      params: Promise.resolve({ id: quesitoId }),
    })) as NextResponse;
    expect(response.status).toBe(303);
    return response;
  }

  /** Posts the reply; the browser goes back to the quesito, where the outcome is shown. */
  async function reply(fields: Record<string, string>, files: FormFile[]) {
    const response = await post(fields, files);
    const location = new URL(response.headers.get("location") ?? "", "http://localhost");
    expect(location.pathname).toBe(`/fascicolo/quesiti/${quesitoId}`);
    const flash = readFlash(response.cookies.get(FLASH_COOKIE)?.value, location.searchParams.get(FLASH_PARAM) ?? undefined);
    return { flash, anchor: location.hash };
  }

  const typed = { body: "La pratica è stata verificata: nessun importo è dovuto.", nextState: "IN_ATTESA_CONTRIBUENTE" };

  async function repliesOnThread() {
    return prisma.message.count({ where: { requestId, authorOperatorId: { not: null } } });
  }

  it("brings the typed reply back with the error on the file field when the file is not admitted", async () => {
    const { flash, anchor } = await reply({ expectedVersion: "1", ...typed }, [
      { name: "prospetto.pdf", content: pdfSample() },
      { name: "risposta.pdf", content: exeSample() },
    ]);

    expect(anchor).toBe("#modulo-risposta");
    expect(flash).toEqual({
      tone: "danger",
      message: "Alcuni dati non sono validi: correggere i campi indicati.",
      form: "risposta",
      errors: {
        allegati: [
          "Il file «risposta.pdf» non è un documento ammesso: sono accettati PDF, immagini, documenti di Office/OpenDocument, testo e file firmati .p7m.",
        ],
      },
      values: typed,
    });
    expect(await repliesOnThread()).toBe(0);
    expect(await storage.storedKeys()).toEqual([]);
    expect((await prisma.quesito.findUniqueOrThrow({ where: { id: quesitoId } })).version).toBe(1);
  });

  it("brings the typed reply back when a file is over the gestione's limit", async () => {
    const { flash } = await reply({ expectedVersion: "1", ...typed }, [
      { name: "scansione.pdf", content: Buffer.concat([pdfSample(), Buffer.alloc(3 * MB)]) },
    ]);

    expect(flash).toMatchObject({
      tone: "danger",
      form: "risposta",
      errors: { allegati: ["Il file «scansione.pdf» supera il limite di 3 MB."] },
      values: typed,
    });
    expect(await repliesOnThread()).toBe(0);
    expect(await storage.storedKeys()).toEqual([]);
  });

  it("answers a blank reply and a refused file at once", async () => {
    const { flash } = await reply({ expectedVersion: "1", body: "   ", nextState: typed.nextState }, [
      { name: "prospetto.pdf", content: pdfSample() },
      { name: "risposta.pdf", content: exeSample() },
    ]);

    expect(flash?.errors).toEqual({
      body: ["Scrivere il testo della risposta."],
      allegati: [
        "Il file «risposta.pdf» non è un documento ammesso: sono accettati PDF, immagini, documenti di Office/OpenDocument, testo e file firmati .p7m.",
      ],
    });
    expect(await repliesOnThread()).toBe(0);
    expect(await storage.storedKeys()).toEqual([]);
  });

  it("refuses a reply with a NUL on its field, bringing the text back without it", async () => {
    const { flash } = await reply({ expectedVersion: "1", ...typed, body: `${typed.body}\u0000` }, []);

    expect(flash).toMatchObject({ tone: "danger", form: "risposta", errors: { body: [CONTROL_CHARACTERS_MESSAGE] }, values: typed });
    expect(await repliesOnThread()).toBe(0);
  });

  it("sends an admitted reply and says so", async () => {
    const { flash, anchor } = await reply({ expectedVersion: "1", body: typed.body }, [{ name: "prospetto.pdf", content: pdfSample() }]);

    expect(anchor).toBe("#esito-operazione");
    expect(flash).toEqual({ tone: "success", message: "Risposta inviata al contribuente." });
    expect(await repliesOnThread()).toBe(1);
    expect(await storage.storedKeys()).toHaveLength(2);
  });

  it("an operator of another office writes nothing and is told the quesito is not found", async () => {
    vi.mocked(getOperator).mockResolvedValue(await operatorActor((await createOffice()).id));
    const stored = await storage.storedKeys();
    const { flash } = await reply({ expectedVersion: "1", ...typed }, [{ name: "prospetto.pdf", content: pdfSample() }]);

    expect(flash).toMatchObject({ tone: "danger", form: "risposta", message: "La risorsa richiesta non esiste o non è accessibile." });
    expect(await repliesOnThread()).toBe(0);
    expect(await storage.storedKeys()).toEqual(stored);
  });

  it("without an office session goes to the sign-in page, and back to the quesito after it", async () => {
    vi.mocked(getOperator).mockResolvedValue(null);
    const response = await post({ expectedVersion: "1", ...typed }, []);

    expect(response.headers.get("location")).toBe(`/fascicolo/accesso?callbackUrl=${encodeURIComponent(`/fascicolo/quesiti/${quesitoId}`)}`);
    expect(await repliesOnThread()).toBe(0);
  });
});
