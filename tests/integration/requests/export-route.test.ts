import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/server/db/client";
import { getContributorResolution } from "@/server/identity/session";
import { EXPORT_MAX_ROWS } from "@/server/requests/export-requests-csv";
import { GET as exportRequests } from "../../../src/app/api/cassetto/richieste/esportazione/route";
import { createPerson } from "../../support/fixtures";
import { contributorActor } from "../../support/quesito-fixtures";

// The session is next-auth's business (tested in identity); here it is whoever each test says.
vi.mock("@/server/identity/session", () => ({ getContributorResolution: vi.fn(), getOperator: vi.fn() }));

const call = (query = "") => exportRequests(new Request(`http://localhost/api/cassetto/richieste/esportazione${query}`));

describe("GET /api/cassetto/richieste/esportazione", () => {
  beforeEach(async () => {
    const person = await createPerson("Titolare");
    vi.mocked(getContributorResolution)
      .mockReset()
      .mockResolvedValue({ status: "ok", actor: contributorActor(person) });
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("answers a CSV download with the list's filters", async () => {
    const response = await call("?stato=aperta");

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="richieste-\d{4}-\d{2}-\d{2}\.csv"$/);
    // The byte order mark that lets Excel read UTF-8 (text() would strip it).
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(body.subarray(3).toString("utf8")).toMatch(/^Protocollo;/);
  });

  it("exports with a NUL in a filter, which is dropped (?cliente=a%00b)", async () => {
    const response = await call("?cliente=a%00b&matricola=%00");

    expect(response.status).toBe(200);
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(3)
        .toString("utf8"),
    ).toMatch(/^Protocollo;/);
  });

  it("refuses invalid filters with a problem naming each field, in Italian", async () => {
    const response = await call(`?matricola=${"9".repeat(21)}&oggetto=non-un-id&apertaDal=2026-02-30`);

    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    expect(await response.json()).toMatchObject({
      status: 422,
      detail: "Alcuni filtri non sono validi: correggerli.",
      errors: {
        matricola: ["La matricola può contenere al massimo 20 caratteri."],
        oggetto: ["Scegliere un oggetto tra quelli proposti."],
        apertaDal: ["Indicare una data valida (gg/mm/aaaa)."],
      },
    });
  });

  it("refuses an export larger than the limit, asking to narrow the filters", async () => {
    vi.spyOn(prisma.request, "count").mockResolvedValueOnce(EXPORT_MAX_ROWS + 1);

    const response = await call();

    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ detail: expect.stringContaining("restringere i filtri") });
  });

  it("is not found without a signed-in contributor", async () => {
    vi.mocked(getContributorResolution).mockResolvedValue(null);

    const response = await call();

    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
  });
});
