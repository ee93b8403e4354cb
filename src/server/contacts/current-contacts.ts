import type { Prisma } from "@/generated/prisma/client";
import type { Gestione, PreferredChannel } from "@/generated/prisma/enums";
import type { prisma } from "@/server/db/client";
import type { ContactValues } from "./contact-rules";

/** A person's contacts for one gestione, as they are in force now. */
export type CurrentContacts = {
  values: ContactValues;
  preferredChannel: PreferredChannel | null;
  holderNoticesOff: boolean;
  /** The profile, once the person has changed something; until then the archives' data. */
  profileId: string | null;
};

type Db = Prisma.TransactionClient | typeof prisma;

const EMPTY: ContactValues = { email: null, pec: null, mobile: null, landline: null, fax: null };

/**
 * The contacts in force for each gestione: the person's profile, or else what
 * the archives hold for their own position in that gestione, or for the
 * person (an intermediary acting in a client's gestione), or nothing.
 * Reads only: a profile is written at the first change.
 */
export async function currentContacts(db: Db, personId: string, gestioni: readonly Gestione[]): Promise<Map<Gestione, CurrentContacts>> {
  const [profiles, archive, personArchive] = await Promise.all([
    db.contactProfile.findMany({ where: { personId, gestione: { in: [...gestioni] } } }),
    db.archiveContact.findMany({
      where: { position: { holderId: personId, gestione: { in: [...gestioni] } } },
      select: { email: true, pec: true, mobile: true, landline: true, fax: true, position: { select: { gestione: true } } },
      orderBy: { position: { createdAt: "asc" } },
    }),
    db.personArchiveContact.findUnique({
      where: { personId },
      select: { email: true, pec: true, mobile: true, landline: true, fax: true },
    }),
  ]);
  const contacts = new Map<Gestione, CurrentContacts>();
  for (const gestione of gestioni) {
    const profile = profiles.find((candidate) => candidate.gestione === gestione);
    if (profile) {
      const { email, pec, mobile, landline, fax, preferredChannel, holderNoticesOff, id } = profile;
      contacts.set(gestione, { values: { email, pec, mobile, landline, fax }, preferredChannel, holderNoticesOff, profileId: id });
      continue;
    }
    const archived = archive.find((entry) => entry.position.gestione === gestione) ?? personArchive;
    const values = archived
      ? { email: archived.email, pec: archived.pec, mobile: archived.mobile, landline: archived.landline, fax: archived.fax }
      : EMPTY;
    contacts.set(gestione, { values, preferredChannel: null, holderNoticesOff: false, profileId: null });
  }
  return contacts;
}
