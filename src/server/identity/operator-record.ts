import "server-only";
import { cache } from "react";
import { prisma } from "@/server/db/client";

/**
 * An operator's row with their office, read once per request (React's
 * `cache`): the session check (active, codice fiscale for the log) and the
 * actor's resolution both need it, and read it apart before (decision 0031).
 */
export const readOperatorRecord = cache((operatorId: string) =>
  prisma.operator.findUnique({
    where: { id: operatorId },
    // On every Fascicolo request: the office in the same statement.
    relationLoadStrategy: "join",
    select: {
      id: true,
      codiceFiscale: true,
      givenName: true,
      familyName: true,
      role: true,
      active: true,
      office: { select: { id: true, code: true, name: true } },
    },
  }),
);
