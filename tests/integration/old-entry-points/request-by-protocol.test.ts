import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import { oldEntryPointTarget } from "@/server/old-entry-points/old-paths";
import { findRequestByProtocol } from "@/server/requests/find-request-by-protocol";
import { createPerson } from "../../support/fixtures";
import { contributorActor } from "../../support/quesito-fixtures";
import { createSentRequest, withStorageAndReferenceData } from "../../support/request-fixtures";

withStorageAndReferenceData();

describe("an old detail link (F18)", () => {
  it("lands on the request with that protocol number for whoever may see it, and on nothing for anyone else", async () => {
    const sent = await createSentRequest({ at: new Date("2026-11-20T09:00:00Z") });
    const { protocolNumber } = await prisma.request.findUniqueOrThrow({ where: { id: sent.requestId } });
    const old = new URL(
      `https://x.example/artigiani-commercianti/comunicazione-bidirezionale/dettaglio-richiesta?protocollo=${protocolNumber}`,
    );
    const target = new URL(oldEntryPointTarget(old.pathname, old.searchParams) ?? "", "https://x.example");
    const numero = target.searchParams.get("numero") ?? "";
    expect(target.pathname).toBe("/cassetto/richieste/protocollo");
    expect(numero).toBe(protocolNumber);

    expect(await findRequestByProtocol(contributorActor(sent.holder), numero.toLowerCase())).toEqual({ id: sent.requestId });
    expect(await findRequestByProtocol(sent.operator, numero)).toEqual({ id: sent.requestId });

    const stranger = contributorActor(await createPerson("Estraneo"));
    await expect(findRequestByProtocol(stranger, numero)).rejects.toBeInstanceOf(NotFoundError);
    await expect(findRequestByProtocol(contributorActor(sent.holder), protocolNumber.slice(0, -1))).rejects.toBeInstanceOf(NotFoundError);
    await expect(findRequestByProtocol(contributorActor(sent.holder), "//evil.example")).rejects.toBeInstanceOf(NotFoundError);
  });
});
