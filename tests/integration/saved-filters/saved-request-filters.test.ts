import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { CONTROL_CHARACTERS_MESSAGE } from "@/lib/form-fields";
import { prisma } from "@/server/db/client";
import { LimitExceededError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import { deleteRequestFilter } from "@/server/saved-filters/delete-request-filter";
import { listRequestFilters } from "@/server/saved-filters/list-request-filters";
import { listRequests } from "@/server/requests/list-requests";
import { SAVED_FILTERS_FULL, saveRequestFilter } from "@/server/saved-filters/save-request-filter";
import { SAVED_FILTERS_MAX } from "@/server/saved-filters/schemas";
import { createPerson } from "../../support/fixtures";
import { contributorActor } from "../../support/quesito-fixtures";
import { statementsOf } from "../../support/statement-log";

const now = new Date("2026-11-20T12:00:00Z");

describe("saved request filters", () => {
  let person: Awaited<ReturnType<typeof createPerson>>;
  let intermediary: ReturnType<typeof contributorActor>;
  let asHolder: ReturnType<typeof contributorActor>;

  beforeEach(async () => {
    person = await createPerson("Commercialista");
    intermediary = contributorActor(person, "INTERMEDIARIO");
    asHolder = contributorActor(person, "TITOLARE");
  });

  const names = async (actor: ReturnType<typeof contributorActor>) => (await listRequestFilters(actor)).map((filter) => filter.name);

  describe("saving", () => {
    it("keeps the validated filters in a fixed order, with the defaults and without paging cursors", async () => {
      const saved = await saveRequestFilter(
        intermediary,
        {
          name: "  Aperte di Rossi  ",
          query: {
            verso: "asc",
            stato: "aperta",
            dopo: "eyJ2YWx1ZSI6IngiLCJpZCI6InkifQ",
            matricola: " 123abc ",
            cliente: "",
            tipo: "comunicazioni",
            cliente2: "x",
          },
        },
        now,
      );

      expect(saved).toMatchObject({ name: "Aperte di Rossi", replaced: false });
      expect(saved.query).toBe("matricola=123ABC&stato=aperta&tipo=comunicazioni&ordina=aggiornamento&verso=asc");
      const stored = await prisma.savedRequestFilter.findUniqueOrThrow({ where: { id: saved.id } });
      expect(stored).toMatchObject({ personId: person.id, profile: "INTERMEDIARIO", query: saved.query, createdAt: now });
    });

    it("writes the same filters the same way, whatever order and spelling they came in", async () => {
      const first = await saveRequestFilter(
        intermediary,
        { name: "Uno", query: { stato: "chiusa", apertaDal: "2026-01-01", prima: "abc" } },
        now,
      );
      const second = await saveRequestFilter(
        intermediary,
        { name: "Due", query: { ordina: "aggiornamento", apertaDal: "2026-01-01", verso: "desc", stato: "chiusa" } },
        now,
      );
      expect(second.query).toBe(first.query);
    });

    it("saves a query the list then shows as it was", async () => {
      const saved = await saveRequestFilter(
        intermediary,
        { name: "Per protocollo", query: { ordina: "protocollo", verso: "asc", stato: "in_carico" } },
        now,
      );
      const page = await listRequests(intermediary, Object.fromEntries(new URLSearchParams(saved.query)), now);
      expect(page.query).toMatchObject({ ordina: "protocollo", verso: "asc", stato: "in_carico" });
    });

    it("refuses invalid filters with a message per field and saves nothing", async () => {
      const attempt = saveRequestFilter(
        intermediary,
        { name: "Sbagliato", query: { stato: "sospesa", aggiornataDal: "2026-05-02", aggiornataAl: "2026-05-01" } },
        now,
      );
      const error = await attempt.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors).toEqual({
        stato: ["Scegliere uno stato tra quelli proposti."],
        aggiornataAl: ["La data finale non può precedere quella iniziale."],
      });
      expect(await names(intermediary)).toEqual([]);
    });

    it("refuses a blank or too long name with a message on the name field", async () => {
      for (const [name, message] of [
        ["   ", "Indicare un nome per i filtri da salvare."],
        [undefined, "Indicare un nome per i filtri da salvare."],
        ["x".repeat(61), "Il nome è troppo lungo: 1 carattere oltre il limite di 60."],
      ] as const) {
        await expect(saveRequestFilter(intermediary, { name, query: {} }, now)).rejects.toMatchObject({
          fieldErrors: { name: [message] },
        });
      }
      const longest = await saveRequestFilter(intermediary, { name: ` ${"x".repeat(60)} `, query: {} }, now);
      expect(longest.name).toHaveLength(60);
    });

    it("refuses a name with a NUL on the name field, and saves a filter whose query had one without it", async () => {
      await expect(saveRequestFilter(intermediary, { name: "Clienti\u0000", query: {} }, now)).rejects.toMatchObject({
        fieldErrors: { name: [CONTROL_CHARACTERS_MESSAGE] },
      });
      const saved = await saveRequestFilter(intermediary, { name: "Rossi", query: { cliente: "Ros\u0000si" } }, now);
      expect(saved.query).toBe("cliente=Rossi&ordina=aggiornamento&verso=desc");
    });

    it("gives a name already saved the new filters, whatever its case, and says so", async () => {
      const first = await saveRequestFilter(intermediary, { name: "Clienti Roma", query: { stato: "aperta" } }, now);
      const again = await saveRequestFilter(intermediary, { name: "clienti roma", query: { stato: "chiusa" } }, now);

      expect(again).toMatchObject({ id: first.id, name: "clienti roma", replaced: true });
      const filters = await listRequestFilters(intermediary);
      expect(filters).toEqual([{ id: first.id, name: "clienti roma", query: again.query }]);
      expect(again.query).toContain("stato=chiusa");
    });

    it(`keeps at most ${SAVED_FILTERS_MAX} filters per person and profile, yet lets one of them be replaced`, async () => {
      for (let index = 1; index <= SAVED_FILTERS_MAX; index += 1) {
        await saveRequestFilter(intermediary, { name: `Filtro ${index}`, query: {} }, now);
      }

      const refused = saveRequestFilter(intermediary, { name: "Uno di troppo", query: {} }, now);
      await expect(refused).rejects.toBeInstanceOf(LimitExceededError);
      await expect(refused).rejects.toThrow(SAVED_FILTERS_FULL);
      expect(await names(intermediary)).toHaveLength(SAVED_FILTERS_MAX);
      expect(await names(intermediary)).not.toContain("Uno di troppo");

      const replaced = await saveRequestFilter(intermediary, { name: "Filtro 3", query: { stato: "chiusa" } }, now);
      expect(replaced.replaced).toBe(true);
      // Another profile of the same person has a quota of its own.
      await expect(saveRequestFilter(asHolder, { name: "Uno di troppo", query: {} }, now)).resolves.toMatchObject({ replaced: false });
    });

    it("stays within the cap when several saves arrive at once", async () => {
      for (let index = 1; index < SAVED_FILTERS_MAX; index += 1) {
        await saveRequestFilter(intermediary, { name: `Filtro ${index}`, query: {} }, now);
      }
      const outcomes = await Promise.allSettled(
        ["A", "B", "C", "D", "E"].map((letter) => saveRequestFilter(intermediary, { name: `Ultimo ${letter}`, query: {} }, now)),
      );
      const refusals = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason as unknown] : []));
      expect(refusals).toHaveLength(4);
      for (const refusal of refusals) expect(refusal).toBeInstanceOf(LimitExceededError);
      expect(await names(intermediary)).toHaveLength(SAVED_FILTERS_MAX);
    });
  });

  describe("listing", () => {
    it("lists the filters of the profile the person acts under, by name", async () => {
      await saveRequestFilter(intermediary, { name: "zeta", query: { stato: "aperta" } }, now);
      await saveRequestFilter(intermediary, { name: "Alfa", query: { tipo: "richieste" } }, now);
      await saveRequestFilter(intermediary, { name: "Filtro 10", query: {} }, now);
      await saveRequestFilter(intermediary, { name: "Filtro 9", query: {} }, now);
      await saveRequestFilter(asHolder, { name: "Le mie aperte", query: { stato: "aperta" } }, now);

      expect(await names(intermediary)).toEqual(["Alfa", "Filtro 9", "Filtro 10", "zeta"]);
      expect(await names(asHolder)).toEqual(["Le mie aperte"]);
      expect(await names(contributorActor(person, "DIPENDENTE"))).toEqual([]);
      expect((await listRequestFilters(intermediary))[0]?.query).toBe("tipo=richieste&ordina=aggiornamento&verso=desc");
    });

    it("reads them in one hand-written, prepared statement: every view of the list asks (decision 0058)", async () => {
      await saveRequestFilter(intermediary, { name: "Aperte", query: { stato: "aperta" } }, now);
      const { result, statements } = await statementsOf(() => listRequestFilters(intermediary));
      expect(result.map((filter) => filter.name)).toEqual(["Aperte"]);
      expect(statements).toEqual([expect.stringMatching(/^\/\* prepared \*\/\s+SELECT id, name, query FROM "SavedRequestFilter"/)]);
    });

    it("never lists another person's filters", async () => {
      const other = contributorActor(await createPerson("Altro"), "INTERMEDIARIO");
      await saveRequestFilter(other, { name: "Filtri dell'altro", query: {} }, now);
      await saveRequestFilter(intermediary, { name: "Miei", query: {} }, now);

      expect(await names(intermediary)).toEqual(["Miei"]);
      expect(await names(other)).toEqual(["Filtri dell'altro"]);
    });

    it("lets the same name stand under two profiles of one person", async () => {
      await saveRequestFilter(intermediary, { name: "Aperte", query: { stato: "aperta" } }, now);
      const own = await saveRequestFilter(asHolder, { name: "Aperte", query: { stato: "aperta" } }, now);

      expect(own.replaced).toBe(false);
      expect(await names(intermediary)).toEqual(["Aperte"]);
      expect(await names(asHolder)).toEqual(["Aperte"]);
    });
  });

  describe("deleting", () => {
    it("deletes one of the actor's filters and names it", async () => {
      const kept = await saveRequestFilter(intermediary, { name: "Da tenere", query: {} }, now);
      const gone = await saveRequestFilter(intermediary, { name: "Da eliminare", query: {} }, now);

      await expect(deleteRequestFilter(intermediary, { filterId: gone.id })).resolves.toEqual({ name: "Da eliminare" });

      expect(await listRequestFilters(intermediary)).toEqual([{ id: kept.id, name: "Da tenere", query: kept.query }]);
      await expect(deleteRequestFilter(intermediary, { filterId: gone.id })).rejects.toBeInstanceOf(NotFoundError);
    });

    it("does not find another person's filter, nor one saved under another profile, and leaves it alone", async () => {
      const other = contributorActor(await createPerson("Altro"), "INTERMEDIARIO");
      const othersFilter = await saveRequestFilter(other, { name: "Dell'altro", query: {} }, now);
      const holderFilter = await saveRequestFilter(asHolder, { name: "Come titolare", query: {} }, now);

      await expect(deleteRequestFilter(intermediary, { filterId: othersFilter.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(deleteRequestFilter(intermediary, { filterId: holderFilter.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(deleteRequestFilter(intermediary, { filterId: randomUUID() })).rejects.toBeInstanceOf(NotFoundError);
      await expect(deleteRequestFilter(intermediary, { filterId: "non-un-id" })).rejects.toBeInstanceOf(NotFoundError);

      expect(await names(other)).toEqual(["Dell'altro"]);
      expect(await names(asHolder)).toEqual(["Come titolare"]);
    });
  });
});
