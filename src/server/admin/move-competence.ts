import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Gestione } from "@/generated/prisma/enums";
import { recordAdminChange } from "@/server/audit/record-admin-change";
import { prisma } from "@/server/db/client";
import { ConflictError, ValidationError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { OperatorActor } from "@/server/identity/actor";
import { enqueueNotifications } from "@/server/workflow/enqueue-notifications";
import { planTransition } from "@/server/workflow/lifecycle";
import { OFFICES_PAGE } from "./office-competence";
import { moveCompetenceSchema } from "./office-schemas";
import { assertAdmin } from "./policy";

export const QUESITO_CHANGED_DURING_MOVE =
  "Un quesito della provincia è stato modificato mentre si spostava la competenza: ripetere lo spostamento.";

export type MovedCompetence = { fromOffice: string; toOffice: string; positions: number; movedQuesiti: number };

/**
 * Moves a province's competence, in one gestione, to another office
 * (decision 0044): the competence row and the positions of that province and
 * gestione (routing reads the position's office), so new requests go to the
 * new office. Open quesiti at the old office stay there (`RESTANO`), or move
 * with it (`SEGUONO`): each back to NUOVO, unassigned, as a reassignment to
 * an office, with a routing event whose notice tells the contributors, in
 * the notifications outbox. All of it and the audit entry in one transaction.
 */
export async function moveCompetence(actor: OperatorActor, input: Record<string, unknown>, now = new Date()): Promise<MovedCompetence> {
  assertAdmin(actor);
  const data = parseInput(moveCompetenceSchema, input);
  const label = (await getGestioneLabels()).get(data.gestione) ?? data.gestione;
  return prisma.$transaction(
    async (tx) => {
      const [competence] = await tx.$queryRaw<{ officeId: string }[]>`
        SELECT "officeId" FROM "OfficeCompetence"
        WHERE "gestione" = ${data.gestione}::"Gestione" AND "province" = ${data.province} FOR UPDATE`;
      if (!competence) {
        throw new ValidationError({
          province: [`Nessuna sede è competente per ${data.province} nella gestione ${label}: aggiungerla alle province di una sede.`],
        });
      }
      const to = await tx.office.findUnique({ where: { id: data.toOfficeId }, select: { id: true, code: true, name: true } });
      if (!to) throw new ValidationError({ toOfficeId: ["Scegliere una sede tra quelle proposte."] });
      if (competence.officeId === to.id) {
        throw new ValidationError({ toOfficeId: [`La sede ${to.name} è già competente per ${data.province} nella gestione ${label}.`] });
      }
      const from = await tx.office.findUniqueOrThrow({ where: { id: competence.officeId }, select: { id: true, name: true } });

      await tx.officeCompetence.update({
        where: { gestione_province: { gestione: data.gestione, province: data.province } },
        data: { officeId: to.id },
      });
      const positions = await tx.position.updateMany({
        where: { gestione: data.gestione, province: data.province },
        data: { officeId: to.id },
      });
      const movedQuesiti = data.openQuesiti === "SEGUONO" ? await moveOpenQuesiti(tx, actor, data, from.id, to, now) : 0;

      await recordAdminChange(
        actor,
        {
          action: "AMMINISTRAZIONE_MODIFICA",
          targetType: "SEDE",
          targetId: to.id,
          before: { gestione: data.gestione, province: data.province, officeId: from.id },
          after: {
            gestione: data.gestione,
            province: data.province,
            officeId: to.id,
            openQuesiti: data.openQuesiti,
            movedQuesiti,
            positions: positions.count,
          },
          page: OFFICES_PAGE,
        },
        tx,
      );
      return { fromOffice: from.name, toOffice: to.name, positions: positions.count, movedQuesiti };
    },
    // A province may have many open quesiti, each with its event and notices.
    { timeout: 120_000 },
  );
}

async function moveOpenQuesiti(
  tx: Prisma.TransactionClient,
  actor: OperatorActor,
  data: { gestione: Gestione; province: string },
  fromOfficeId: string,
  to: { id: string; code: string; name: string },
  now: Date,
): Promise<number> {
  const quesiti = await tx.quesito.findMany({
    where: {
      officeId: fromOfficeId,
      gestione: data.gestione,
      state: { not: "CHIUSO" },
      request: { position: { gestione: data.gestione, province: data.province } },
    },
    select: { id: true, requestId: true, state: true, officeId: true, assigneeId: true, version: true, dueAt: true, clockStoppedAt: true },
  });
  const comment = `Competenza territoriale di ${data.province} spostata alla sede ${to.name}.`;
  for (const quesito of quesiti) {
    const plan = planTransition(
      quesito,
      { action: "RIASSEGNATA", to: { officeId: to.id }, comment },
      { kind: "operator", operatorId: actor.operatorId },
      now,
    );
    const updated = await tx.quesito.updateMany({
      where: { id: quesito.id, version: quesito.version },
      data: { ...plan.changes, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError(QUESITO_CHANGED_DURING_MOVE);
    const event = await tx.requestEvent.create({
      data: {
        requestId: quesito.requestId,
        type: "SMISTATA",
        actorOperatorId: actor.operatorId,
        fromState: quesito.state,
        toState: plan.toState,
        comment,
        data: { officeId: to.id, officeCode: to.code, officeName: to.name, fromOfficeId, reason: "COMPETENZA_TERRITORIALE" },
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.request.update({ where: { id: quesito.requestId }, data: { lastActivityAt: now } });
    await enqueueNotifications(tx, event.id);
  }
  return quesiti.length;
}
