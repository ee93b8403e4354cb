import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import { ValidationError } from "@/server/errors/domain-errors";
import type { ContributorActor, OperatorActor } from "@/server/identity/actor";
import { listOfficeQuesiti } from "@/server/quesiti/list-office-quesiti";
import { exportRequestsCsv } from "@/server/requests/export-requests-csv";
import { listRequests } from "@/server/requests/list-requests";
import { NO_USEFUL_TERMS, TEXT_SEARCH_TOO_LONG } from "@/server/search/schemas";
import { createOffice, createPerson, createPosition } from "../../support/fixtures";
import { contributorActor, createQuesito, createSubjectTree, operatorActor } from "../../support/quesito-fixtures";

const now = new Date("2026-11-20T12:00:00Z");

/**
 * Italian full-text search (B3, decision 0035): one holder's requests in
 * office A, another holder's in the same office, and a request of office B
 * with an internal note; the documents are written by the database's
 * triggers as requests, messages, files and subjects are written.
 */
describe("Italian full-text search", () => {
  let holder: ContributorActor;
  let stranger: ContributorActor;
  let operator: OperatorActor;
  let otherOperator: OperatorActor;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const officeId = (await createOffice()).id;
    const otherOfficeId = (await createOffice()).id;
    operator = await operatorActor(officeId);
    otherOperator = await operatorActor(otherOfficeId);
    const holderPerson = await createPerson("Titolare");
    const strangerPerson = await createPerson("Estraneo");
    holder = contributorActor(holderPerson);
    stranger = contributorActor(strangerPerson);
    const position = await createPosition(holderPerson.id, officeId);
    const strangerPosition = await createPosition(strangerPerson.id, officeId);
    const subjectId = (await createSubjectTree()).subject.id;
    const make = async (key: string, text: string, extra: Partial<Parameters<typeof createQuesito>[0]> = {}) => {
      const { request } = await createQuesito({ officeId, holder: holderPerson, positionId: position.id, subjectId, text, ...extra });
      ids[key] = request.id;
      return request;
    };

    await make("payment", "Chiedo il pagamento della prestazione di ottobre.");
    await make("accents", "Abito nella città di Forlì e chiedo perché la pratica è ferma.");
    await make("markup", 'Testo con <b onmouseover="alert(1)">markup</b>, 5 < 6 & 7 > 3 e la parola cessazione.');
    const stranger_ = await createQuesito({
      officeId,
      holder: strangerPerson,
      positionId: strangerPosition.id,
      subjectId,
      text: "Una questione riservatissima di successione.",
    });
    ids.stranger = stranger_.request.id;

    // Weights: the same word in the subject (A), in a message (B), in a file name (C).
    const maternity = await prisma.subject.create({
      data: { gestione: "AZIENDE", code: `MAT-${Date.now()}`, label: "Indennità di maternità", parentId: null },
    });
    await make("inSubject", "Chiedo informazioni generali.", { subjectId: maternity.id });
    await make("inText", "Domanda di indennità di maternità per la dipendente.");
    const inFile = await make("inFile", "Invio il documento richiesto.");
    const firstMessage = await prisma.message.findFirstOrThrow({ where: { requestId: inFile.id } });
    await prisma.attachment.create({
      data: {
        messageId: firstMessage.id,
        fileName: "certificato_maternita.pdf",
        mimeType: "application/pdf",
        size: 10,
        sha256: "0".repeat(64),
        storageKey: `test/${inFile.id}`,
      },
    });

    // A later public reply, and an internal note of the office on the same request.
    const replied = await make("replied", "Chiedo lo stato della pratica.");
    await prisma.message.create({
      data: { requestId: replied.id, body: "La sede ha disposto il conguaglio contributivo.", visibility: "PUBBLICO" },
    });
    await prisma.message.create({
      data: { requestId: replied.id, body: "Nota interna: verificare il fallimento della ditta e il conguaglio.", visibility: "INTERNO" },
    });

    // Office B's request with an internal note using the same word.
    const elsewhere = await createQuesito({ officeId: otherOfficeId, text: "Richiesta di un'altra sede." });
    ids.elsewhere = elsewhere.request.id;
    await prisma.message.create({
      data: { requestId: elsewhere.request.id, body: "Nota interna: il fallimento è stato dichiarato.", visibility: "INTERNO" },
    });
  });

  const found = async (actor: ContributorActor, testo: string) => {
    const page = await listRequests(actor, { testo }, now);
    const byId = new Map(Object.entries(ids).map(([key, id]) => [id, key]));
    return page.rows.map((row) => byId.get(row.id) ?? `unknown:${row.id}`).sort();
  };
  const queueFound = async (actor: OperatorActor, cerca: string) => {
    const queue = await listOfficeQuesiti(actor, { cerca, stato: "tutti" });
    const byQuesito = new Map(
      (
        await prisma.quesito.findMany({ where: { id: { in: queue.rows.map((row) => row.id) } }, select: { id: true, requestId: true } })
      ).map((quesito) => [quesito.id, Object.entries(ids).find(([, id]) => id === quesito.requestId)?.[0] ?? "unknown"]),
    );
    return { keys: queue.rows.map((row) => byQuesito.get(row.id)).sort(), rows: queue.rows };
  };

  it("finds a word in another form: pagamenti finds pagamento", async () => {
    expect(await found(holder, "pagamenti")).toEqual(["payment"]);
  });

  it("folds accents both ways", async () => {
    expect(await found(holder, "citta forli")).toEqual(["accents"]);
    expect(await found(holder, "Città FORLÌ")).toEqual(["accents"]);
  });

  it("searches public replies and file names as they are written", async () => {
    expect(await found(holder, "conguaglio")).toEqual(["replied"]);
    expect(await found(holder, "certificato")).toEqual(["inFile"]);
  });

  it("weighs the subject A, the text B, the file names C", async () => {
    expect(await found(holder, "maternità")).toEqual(["inFile", "inSubject", "inText"]);
    const weighted = async (weight: string) =>
      (
        await prisma.$queryRaw<{ id: string }[]>`
          SELECT id FROM "Request" WHERE id = ANY(${Object.values(ids)}::uuid[])
          AND "searchVector" @@ to_tsquery('portal_italian', ${`maternità:${weight}`})`
      ).map((row) => Object.entries(ids).find(([, id]) => id === row.id)?.[0]);
    expect(await weighted("A")).toEqual(["inSubject"]);
    expect(await weighted("B")).toEqual(["inText"]);
    expect(await weighted("C")).toEqual(["inFile"]);
  });

  it("orders the queue's search by relevance, the subject's word (A) before the text's (B) and the file name's (C)", async () => {
    const queue = await queueFound(operator, "maternità");
    expect(queue.keys).toEqual(["inFile", "inSubject", "inText"]);
    const byQuesito = new Map(
      (await prisma.quesito.findMany({ where: { id: { in: queue.rows.map((row) => row.id) } } })).map((quesito) => [
        quesito.id,
        Object.entries(ids).find(([, id]) => id === quesito.requestId)?.[0],
      ]),
    );
    expect(queue.rows.map((row) => byQuesito.get(row.id))).toEqual(["inSubject", "inText", "inFile"]);
  });

  it("follows a renamed subject", async () => {
    const request = await prisma.request.findUniqueOrThrow({ where: { id: ids.inSubject }, select: { subjectId: true } });
    await prisma.subject.update({ where: { id: request.subjectId }, data: { label: "Congedo parentale" } });
    expect(await found(holder, "congedo")).toEqual(["inSubject"]);
    expect(await found(holder, "maternità")).toEqual(["inFile", "inText"]);
  });

  it("shows where the words were found, marked, as plain text (ts_headline leaves tags out)", async () => {
    const page = await listRequests(holder, { testo: "cessazione" }, now);
    const snippet = page.rows[0]?.snippet ?? [];
    expect(snippet.filter((part) => part.marked).map((part) => part.text)).toEqual(["cessazione"]);
    const text = snippet.map((part) => part.text).join("");
    expect(text).toContain("5 < 6 & 7 > 3");
    expect(text).not.toContain("onmouseover");
  });

  it("never finds another contributor's request, in the list or in the export", async () => {
    expect(await found(holder, "successione")).toEqual([]);
    expect(await found(stranger, "successione")).toEqual(["stranger"]);
    expect(await exportRequestsCsv(holder, { testo: "successione" }, now)).not.toContain("successione");
    expect((await exportRequestsCsv(holder, { testo: "pagamento" }, now)).split("\n").filter(Boolean)).toHaveLength(2);
  });

  it("searches a reach of over 5,000 requests through the text index, one of fewer request by request: the same answers", async () => {
    // 5,001 requests of one holder, one of them about a homonymy (decision 0035, amended: the reach decides the way).
    const big = await createPerson("Grande");
    const bigPosition = await createPosition(big.id, (await createOffice()).id);
    const subjectId = (await prisma.request.findUniqueOrThrow({ where: { id: ids.payment }, select: { subjectId: true } })).subjectId;
    await prisma.$executeRaw`
      INSERT INTO "Request" (id, "positionId", "subjectId", text, "holderId", "protocolNumber", "createdAt", "lastActivityAt")
      SELECT gen_random_uuid(), ${bigPosition.id}::uuid, ${subjectId}::uuid,
             CASE WHEN n = 4321 THEN 'Segnalo un''omonimia nell''anagrafica.' ELSE 'Richiesta numero ' || n || ' sulla posizione.' END,
             ${big.id}::uuid, 'TEST.GRANDE.' || n || '.' || ${bigPosition.id}, ${now}::timestamp - n * interval '1 minute', ${now}
      FROM generate_series(1, 5001) AS n`;
    const bigActor = contributorActor(big);
    const omonimia = await listRequests(bigActor, { testo: "omonimie" }, now);
    expect(omonimia.rows.map((row) => row.protocolNumber)).toEqual([`TEST.GRANDE.4321.${bigPosition.id}`]);
    expect(omonimia.total).toEqual({ count: 1, more: false });
    expect((await listRequests(bigActor, { testo: "richiesta posizione" }, now)).total).toEqual({ count: 1000, more: true });
    // Neither way reaches another contributor's requests.
    expect((await listRequests(bigActor, { testo: "successione" }, now)).rows).toEqual([]);
    expect(await found(stranger, "successione")).toEqual(["stranger"]);
    expect(await found(holder, "omonimia")).toEqual([]);
  });

  it("never shows internal notes to the contributor, in the results or in a snippet", async () => {
    expect(await found(holder, "fallimento")).toEqual([]);
    const page = await listRequests(holder, { testo: "conguaglio" }, now);
    const snippet = (page.rows[0]?.snippet ?? []).map((part) => part.text).join("");
    expect(snippet).toContain("conguaglio");
    expect(snippet).not.toContain("Nota interna");
  });

  it("lets the office search its own internal notes, not another office's", async () => {
    const ours = await queueFound(operator, "fallimento");
    expect(ours.keys).toEqual(["replied"]);
    expect(ours.rows[0]?.snippet?.some((part) => part.marked && part.text.toLowerCase() === "fallimento")).toBe(true);
    expect((await queueFound(otherOperator, "fallimento")).keys).toEqual(["elsewhere"]);
    expect((await queueFound(otherOperator, "conguaglio")).keys).toEqual([]);
  });

  it("still finds by protocol in the queue, with no snippet", async () => {
    const protocol = (await prisma.request.findUniqueOrThrow({ where: { id: ids.payment } })).protocolNumber;
    const result = await queueFound(operator, protocol);
    expect(result.keys).toEqual(["payment"]);
    expect(result.rows[0]?.snippet).toBeNull();
  });

  describe("odd input gives an answer, never a failure", () => {
    const refusal = async (testo: string) => {
      const error = await listRequests(holder, { testo }, now).then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).fieldErrors.testo;
    };

    it.each([
      ['"pagamento', ["payment"]],
      ['pagamento & | ! :* (( ))"', ["payment"]],
      ["pagamento OR successione", ["payment"]],
      ['"pagamento della prestazione"', ["payment"]],
      ["pagamento -ottobre", []],
      ["\u0000pagamento\u0000", ["payment"]],
      ['\'; DROP TABLE "Request"; --', []],
    ])("%j", async (testo, expected) => {
      expect(await found(holder, testo)).toEqual(expected);
    });

    it("refuses only stop words, punctuation or only excluded words at the field", async () => {
      expect(await refusal("il la di e")).toEqual([NO_USEFUL_TERMS]);
      expect(await refusal('"" & !')).toEqual([NO_USEFUL_TERMS]);
      expect(await refusal("-pagamento")).toEqual([NO_USEFUL_TERMS]);
    });

    it("refuses 10,000 characters at the field", async () => {
      expect(await refusal("pagamento ".repeat(1000))).toEqual([TEXT_SEARCH_TOO_LONG]);
    });

    it("answers the queue's odd searches too, an empty text search looking only at protocols", async () => {
      expect((await queueFound(operator, "il la di")).keys).toEqual([]);
      expect((await queueFound(operator, '"pagamento & !')).keys).toEqual(["payment"]);
      await expect(listOfficeQuesiti(operator, { cerca: "x".repeat(10_000) })).rejects.toBeInstanceOf(ValidationError);
    });
  });

  it("pages the relevance order by keyset: every match once, ranks never rising, and back again", async () => {
    const officeId = (await createOffice()).id;
    const searcher = await operatorActor(officeId);
    const person = await createPerson("Ricongiunto");
    const positionId = (await createPosition(person.id, officeId)).id;
    const subjectId = (await createSubjectTree()).subject.id;
    // Three ranks (the word once, twice, three times), ten quesiti each: equal ranks fill whole pages.
    const created = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        createQuesito({
          officeId,
          holder: person,
          positionId,
          subjectId,
          text: `${"Chiedo la ricongiunzione dei periodi. ".repeat(1 + (index % 3))}Pratica ${index}.`,
          receivedAt: new Date(Date.UTC(2026, 0, 1 + index)),
        }),
      ),
    );
    const repeats = new Map(created.map((quesito, index) => [quesito.quesito.id, 1 + (index % 3)]));
    const pages = [];
    let dopo: string | undefined;
    do {
      const page = await listOfficeQuesiti(searcher, { cerca: "ricongiunzione", stato: "tutti", ...(dopo ? { dopo } : {}) });
      expect(page.filters.ordine).toBe("pertinenza");
      expect(page.total).toEqual({ count: 30, more: false });
      pages.push(page);
      dopo = page.nextCursor ?? undefined;
    } while (dopo);
    const seen = pages.flatMap((page) => page.rows.map((row) => row.id));
    expect(pages.map((page) => page.rows.length)).toEqual([25, 5]);
    expect(new Set(seen).size).toBe(30);
    const ranks = seen.map((id) => repeats.get(id) ?? 0);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    // Equal ranks newest first.
    const firstRank = pages[0]?.rows.filter((row) => repeats.get(row.id) === 3).map((row) => row.receivedAt.getTime()) ?? [];
    expect(firstRank).toEqual([...firstRank].sort((a, b) => b - a));

    const back = await listOfficeQuesiti(searcher, { cerca: "ricongiunzione", stato: "tutti", prima: pages[1]?.previousCursor ?? "" });
    expect(back.rows.map((row) => row.id)).toEqual(pages[0]?.rows.map((row) => row.id));
    expect(back.previousCursor).toBeNull();
    // A relevance cursor in a date order, or a damaged one, shows the first page.
    const dated = await listOfficeQuesiti(searcher, {
      cerca: "ricongiunzione",
      stato: "tutti",
      ordine: "piu_recenti",
      dopo: pages[0]?.nextCursor ?? "",
    });
    expect(dated.rows[0]?.id).toBe(created[29]?.quesito.id);
    // Without a search there is nothing to rank: oldest first.
    expect((await listOfficeQuesiti(searcher, { stato: "tutti", ordine: "pertinenza" })).filters.ordine).toBe("meno_recenti");
  });

  it("searches the contributor's list in one statement that keeps every filter and pages both ways as the browsed list", async () => {
    const officeId = (await createOffice()).id;
    const person = await createPerson("Ricercato");
    const searcher = contributorActor(person);
    const positions = [await createPosition(person.id, officeId), await createPosition(person.id, officeId)];
    const trees = [await createSubjectTree(), await createSubjectTree()];
    const created = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        createQuesito({
          officeId,
          holder: person,
          positionId: positions[index % 2]?.id,
          subjectId: trees[Math.floor(index / 2) % 2]?.subject.id,
          // Two in five without the word: the search must leave them out under every filter.
          text: index % 5 < 3 ? `Chiedo il rimborso della quota ${index}.` : `Chiedo il riesame della pratica ${index}.`,
        }),
      ),
    );
    const withWord = new Set(created.filter((_, index) => index % 5 < 3).map(({ request }) => request.id));
    const walk = async (query: Record<string, string>) => {
      const pages = [await listRequests(searcher, query, now)];
      for (let last = pages[0]; last?.nextCursor; last = pages.at(-1)) {
        pages.push(await listRequests(searcher, { ...query, dopo: last.nextCursor }, now));
      }
      const previous = pages.at(-1)?.previousCursor;
      const back = previous ? await listRequests(searcher, { ...query, prima: previous }, now) : null;
      return { pages: pages.map((page) => page.rows.map((row) => row.id)), total: pages[0]?.total, back: back?.rows.map((row) => row.id) };
    };
    const filterSets: Record<string, string>[] = [
      {},
      { cliente: person.familyName.toLowerCase() },
      { matricola: positions[0]?.matricola ?? "" },
      { posizione: positions[1]?.id ?? "" },
      { oggetto: trees[0]?.area.id ?? "" },
      { oggetto: trees[1]?.subject.id ?? "" },
      { tipo: "richieste", ordina: "protocollo", verso: "asc" },
      { stato: "aperta", ordina: "apertura" },
    ];
    for (const filters of filterSets) {
      const browsed = (await walk(filters)).pages.flat();
      const searched = await walk({ ...filters, testo: "rimborsi" });
      const expected = browsed.filter((id) => withWord.has(id));
      expect(searched.pages.flat(), JSON.stringify(filters)).toEqual(expected);
      expect(searched.total).toEqual({ count: expected.length, more: false });
      expect(searched.back).toEqual(searched.pages.at(-2));
    }
  });
});
