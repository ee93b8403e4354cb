import Link from "next/link";
import { countUnreadCommunications } from "@/server/communications/count-unread-communications";
import type { ContributorActor } from "@/server/identity/actor";
import { communications, otherHolders } from "./unread-labels";
import { Alert } from "@/ui";

/** The list of the communications this person has not opened yet. */
export const UNREAD_COMMUNICATIONS_PATH = "/cassetto/comunicazioni?lettura=da-leggere";

/**
 * F10: on opening the Cassetto, how many of the office's communications the
 * person has not read, linking to them; for an intermediary or an employee,
 * the clients (companies) with the most, and how many others have some.
 * Announced to screen readers (role="alert"); nothing when all are read.
 * Reads its own count, so that a home page places it with one line.
 */
export async function UnreadCommunicationsAlert({ actor }: { actor: ContributorActor }) {
  const unread = await countUnreadCommunications(actor);
  if (unread.total === 0) return null;
  return (
    <Alert tone="warning" important id="comunicazioni-da-leggere">
      <p>
        <Link href={UNREAD_COMMUNICATIONS_PATH} className="font-semibold">
          Hai {communications(unread.total)} da leggere
        </Link>
      </p>
      {unread.perHolder.length > 0 ? (
        <ul className="mt-2 list-disc pl-5">
          {unread.perHolder.map((holder) => (
            <li key={holder.holderId}>
              {holder.holderName}: {communications(holder.count)}
            </li>
          ))}
          {unread.otherHolders > 0 ? <li>{otherHolders(actor.profile, unread.otherHolders)}</li> : null}
        </ul>
      ) : null}
    </Alert>
  );
}
