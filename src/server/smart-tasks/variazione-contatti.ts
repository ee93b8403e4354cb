import type { Prisma } from "@/generated/prisma/client";
import type { DelegationKind } from "@/generated/prisma/enums";
import { effectiveDelegationWhere } from "@/server/access/position-access";
import { lockedContactProfile, lockExistingContactProfile } from "@/server/contacts/contact-profile-lock";
import { ADDRESS_FIELDS, contactFieldLabels, VERIFIED_FIELDS, type AddressName } from "@/server/contacts/contact-rules";
import type { SmartTaskProcessor } from "./processor";
import { smartTaskPayloadSchemas } from "./schemas";

const delegateWords: Record<DelegationKind, string> = { INTERMEDIARIO: "intermediario", DIPENDENTE: "dipendente delegato" };

/**
 * VARIAZIONE CONTATTI INTERMEDIARIO / DIPENDENTE AZIENDALE: the filer still
 * acts on the request's position with a delegation of the kind in force, and
 * every new e-mail, PEC or mobile was verified by them with the code sent to
 * it (a VERIFIED change of their own profile, decision 0020); then the
 * filer's OWN profile for the position's gestione takes the new contacts —
 * the payload names no person, so the holder's contacts are out of reach.
 * The profile's row is locked before the checks, so a newer change of the
 * same field cannot slip between the checks and the effect.
 */
export function variazioneContatti(delegationKind: DelegationKind): SmartTaskProcessor {
  return async (tx: Prisma.TransactionClient, task, now) => {
    const payload = smartTaskPayloadSchemas.VARIAZIONE_CONTATTI_INTERMEDIARIO.parse(task.payload);
    const { gestione } = task.position;
    await lockExistingContactProfile(tx, task.filedById, gestione);
    const [delegation, profile] = await Promise.all([
      tx.delegation.findFirst({
        where: {
          kind: delegationKind,
          delegateId: task.filedById,
          scope: { some: { positionId: task.position.id } },
          ...effectiveDelegationWhere(now),
        },
        select: { id: true },
      }),
      tx.contactProfile.findUnique({
        where: { personId_gestione: { personId: task.filedById, gestione } },
        select: { id: true, changes: { where: { status: "VERIFIED" }, select: { id: true, field: true, newValue: true } } },
      }),
    ]);
    const wanted = (Object.keys(ADDRESS_FIELDS) as AddressName[]).flatMap((name) => {
      const value = payload[name];
      return value ? [{ name, field: ADDRESS_FIELDS[name], value }] : [];
    });
    const verified = wanted
      .filter(({ field }) => VERIFIED_FIELDS.has(field))
      .map((item) => ({
        ...item,
        change: profile?.changes.find((change) => change.field === item.field && change.newValue === item.value),
      }));
    const unverified = verified.filter((item) => !item.change).map(({ field, value }) => `${contactFieldLabels[field]} ${value}`);

    return {
      checks: {
        DELEGA_IN_VIGORE: delegation
          ? null
          : `Non risulta una delega in vigore che ti consenta di operare come ${delegateWords[delegationKind]} sulla posizione ${task.position.matricola}.`,
        RECAPITI_VERIFICATI:
          unverified.length === 0
            ? null
            : `Recapiti non verificati da te con il codice inviato: ${unverified.join(", ")}. Verificarli e presentare di nuovo la richiesta.`,
      },
      async effect() {
        const own = await lockedContactProfile(tx, task.filedById, gestione);
        const changeIds = verified.flatMap(({ change }) => (change ? [change.id] : []));
        const { count } = await tx.contactChange.updateMany({
          where: { id: { in: changeIds }, profileId: own.id, status: "VERIFIED" },
          data: { status: "APPLIED", resolvedAt: now },
        });
        if (count !== changeIds.length) throw new Error("I recapiti verificati sono cambiati durante la variazione");
        const update: Partial<Record<AddressName, string>> = {};
        for (const { name, field, value } of wanted) {
          update[name] = value;
          if (VERIFIED_FIELDS.has(field) || own[name] === value) continue;
          await tx.contactChange.create({
            data: {
              profileId: own.id,
              field,
              oldValue: own[name],
              newValue: value,
              status: "APPLIED",
              changedById: task.filedById,
              createdAt: now,
              resolvedAt: now,
            },
          });
        }
        await tx.contactProfile.update({ where: { id: own.id }, data: update });
      },
    };
  };
}
