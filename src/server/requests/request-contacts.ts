import { Prisma, type Request } from "@/generated/prisma/client";

/** How the contributor may be reached, as it was when the request was sent (F11). */
export type RequestContacts = {
  email: string | null;
  pec: string | null;
  mobile: string | null;
  landline: string | null;
  fax: string | null;
  extraEmail: string | null;
};

type ContactColumns = Pick<Request, "contactEmail" | "contactPec" | "contactMobile" | "contactLandline" | "contactFax" | "extraEmail">;

/** The contact columns and the consents given with them, as the hand-written reads of a request give them (requestContactsJson). */
export type RequestContactRow = ContactColumns & Pick<Request, "consentEmail" | "consentSms" | "consentPec">;

/** RequestContactRow's fields of the request `alias`, as arguments of a `json_build_object` (decisions 0054, 0057). */
export function requestContactsJson(alias: string): Prisma.Sql {
  const columns = [
    "contactEmail",
    "contactPec",
    "contactMobile",
    "contactLandline",
    "contactFax",
    "extraEmail",
    "consentEmail",
    "consentSms",
    "consentPec",
  ];
  return Prisma.raw(columns.map((column) => `'${column}', ${alias}."${column}"`).join(", "));
}

/** The contact columns of a request under the names the pages use. */
export function requestContacts(request: ContactColumns): RequestContacts {
  return {
    email: request.contactEmail,
    pec: request.contactPec,
    mobile: request.contactMobile,
    landline: request.contactLandline,
    fax: request.contactFax,
    extraEmail: request.extraEmail,
  };
}
