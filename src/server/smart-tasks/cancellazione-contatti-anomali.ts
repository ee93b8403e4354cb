import { Prisma } from "@/generated/prisma/client";
import type { Gestione, NotificationChannel } from "@/generated/prisma/enums";
import { formatRomeDateTime } from "@/lib/rome-dates";
import { lockedContactProfile, lockExistingContactProfile } from "@/server/contacts/contact-profile-lock";
import { ADDRESS_FIELDS, channelAddress, contactFieldLabels } from "@/server/contacts/contact-rules";
import { currentContacts } from "@/server/contacts/current-contacts";
import { addressStanding, isAnomalous, type AddressStanding } from "@/server/notifications/address-standing";
import type { SmartTaskProcessor } from "./processor";
import { anomalousContactsSchema } from "./schemas";

type NoticeAddress = "email" | "pec" | "mobile";

/** The channel notices use for each address a person keeps. */
const noticeChannel: Record<NoticeAddress, NotificationChannel> = { email: "EMAIL", pec: "PEC", mobile: "SMS" };

/** The columns of each address in a request's contacts snapshot (decision 0020): an e-mail may also be the extra one. */
const snapshotColumns: Record<NoticeAddress, Prisma.Sql[]> = {
  email: [Prisma.raw(`"contactEmail"`), Prisma.raw(`"extraEmail"`)],
  pec: [Prisma.raw(`"contactPec"`)],
  mobile: [Prisma.raw(`"contactMobile"`)],
};

/**
 * The cleared address taken out of the snapshot of the filer's own requests
 * (submittedById) not yet closed, also as their extra e-mail, on positions of the gestione, where it is
 * still that value: their next notices no longer go there (the exception to
 * decision 0020). One statement, found by the prefix of the index
 * Request(submittedById, idempotencyKey).
 */
async function clearFromOpenRequests(
  tx: Prisma.TransactionClient,
  filerId: string,
  gestione: Gestione,
  name: NoticeAddress,
  value: string,
): Promise<void> {
  for (const column of snapshotColumns[name]) {
    await tx.$executeRaw`
      UPDATE "Request" r SET ${column} = NULL
      FROM "Position" p
      WHERE r."submittedById" = ${filerId}::uuid AND r.${column} = ${value}
        AND r."quesitoState" IS DISTINCT FROM 'CHIUSO'
        AND p."id" = r."positionId" AND p."gestione" = ${gestione}::"Gestione"`;
  }
}

/** How the reasons name an address: "L'indirizzo …" or "Il numero …". */
function named(name: NoticeAddress, value: string): string {
  return name === "mobile" ? `Il numero ${value}` : `L'indirizzo ${contactFieldLabels[ADDRESS_FIELDS[name]]} ${value}`;
}

/** Why an address that is not anomalous stays. */
function notAnomalousReason(name: NoticeAddress, value: string, standing: AddressStanding): string {
  if (standing.lastArrived && standing.lastFailedAt) {
    return `${named(name, value)} ha ricevuto correttamente la notifica del ${formatRomeDateTime(standing.lastArrived.at)}: non risulta anomalo.`;
  }
  return `${named(name, value)} non ha notifiche non consegnate: non risulta anomalo.`;
}

/**
 * CANCELLAZIONE CONTATTI ANOMALI: the filer's OWN e-mail, PEC or mobile for
 * the position's gestione (any profile: a delegate's own, never the
 * holder's) to which notices no longer arrive — the latest failed
 * permanently and none created after it arrived — is cleared, so that no
 * notice goes there again. One address named, or none: every anomalous one.
 * A PEC the gestione requires is cleared too (a dead PEC only hides that
 * notices are lost), and the outcome tells the filer to add a new one. The
 * profile's row is locked before the checks; each address cleared is an
 * APPLIED change (old value → none), and taken out of the snapshot of the
 * filer's requests still open; the preferred channel that needed it is reset.
 */
export const cancellazioneContattiAnomali: SmartTaskProcessor = async (tx: Prisma.TransactionClient, task, now) => {
  const payload = anomalousContactsSchema.parse(task.payload);
  const { gestione } = task.position;
  await lockExistingContactProfile(tx, task.filedById, gestione);
  const [contacts, settings] = await Promise.all([
    currentContacts(tx, task.filedById, [gestione]),
    tx.gestioneSettings.findUnique({ where: { gestione }, select: { label: true, pecRequired: true } }),
  ]);
  const values = contacts.get(gestione)?.values;
  const gestioneLabel = settings?.label ?? gestione;
  const asked: NoticeAddress[] = payload.contact ? [payload.contact] : ["email", "pec", "mobile"];
  const present = asked.flatMap((name) => {
    const value = values?.[name];
    return value ? [{ name, value }] : [];
  });
  const standings = await Promise.all(
    present.map(async (item) => ({ ...item, standing: await addressStanding(tx, noticeChannel[item.name], item.value) })),
  );
  const anomalous = standings.filter(({ standing }) => isAnomalous(standing));
  const kept = standings.filter(({ standing }) => !isAnomalous(standing));

  const missing = payload.contact
    ? `Nei tuoi Contatti per la ${gestioneLabel} non c'è ${payload.contact === "mobile" ? "un cellulare" : `una ${contactFieldLabels[ADDRESS_FIELDS[payload.contact]]}`} da cancellare.`
    : `Nei tuoi Contatti per la ${gestioneLabel} non ci sono e-mail, PEC o cellulare da cancellare.`;
  const notAnomalous = kept.map(({ name, value, standing }) => notAnomalousReason(name, value, standing)).join(" ");
  const cleared = anomalous.map(({ name, value }) => `${contactFieldLabels[ADDRESS_FIELDS[name]]} ${value}`).join(", ");
  const pecNeeded =
    settings?.pecRequired && anomalous.some(({ name }) => name === "pec")
      ? ` Per la ${gestioneLabel} la PEC è obbligatoria: indicane una nuova in Contatti prima di inviare altre richieste.`
      : "";

  return {
    checks: {
      CONTATTO_PRESENTE: present.length > 0 ? null : missing,
      CONTATTO_ANOMALO: anomalous.length > 0 ? null : notAnomalous,
    },
    acceptedOutcome: `cancellati i contatti anomali (${cleared}): non saranno più usati, nemmeno per gli avvisi delle tue richieste ancora aperte. Indica un nuovo recapito in Contatti.${pecNeeded}`,
    async effect() {
      const own = await lockedContactProfile(tx, task.filedById, gestione);
      const history = { profileId: own.id, changedById: task.filedById, status: "APPLIED", createdAt: now, resolvedAt: now } as const;
      const update: Prisma.ContactProfileUpdateInput = {};
      for (const { name } of anomalous) {
        const value = own[name];
        if (value === null) continue;
        await tx.contactChange.create({ data: { ...history, field: ADDRESS_FIELDS[name], oldValue: value, newValue: null } });
        await clearFromOpenRequests(tx, task.filedById, gestione, name, value);
        update[name] = null;
      }
      const preferred = own.preferredChannel;
      if (preferred && update[channelAddress[preferred]] === null) {
        await tx.contactChange.create({ data: { ...history, field: "PREFERRED_CHANNEL", oldValue: preferred, newValue: null } });
        update.preferredChannel = null;
      }
      await tx.contactProfile.update({ where: { id: own.id }, data: update });
    },
  };
};
