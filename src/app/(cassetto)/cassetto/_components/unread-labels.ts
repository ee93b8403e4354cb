import type { ActingProfile } from "@/generated/prisma/enums";

/** "1 comunicazione", "12.089 comunicazioni". */
export const communications = (count: number) => (count === 1 ? "1 comunicazione" : `${count.toLocaleString("it-IT")} comunicazioni`);

/** The holders the unread alert does not name: an intermediary's clients, an employee's companies. */
export function otherHolders(profile: ActingProfile, count: number): string {
  const many = count.toLocaleString("it-IT");
  if (profile === "DIPENDENTE") return count === 1 ? "e un'altra azienda" : `e altre ${many} aziende`;
  return count === 1 ? "e un altro cliente" : `e altri ${many} clienti`;
}
