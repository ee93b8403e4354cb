import type { Metadata } from "next";
import { FLASH_PARAM } from "@/app/_lib/form-flash";
import type { SearchParams } from "@/app/_lib/search-params";
import { getOffice } from "@/server/admin/get-office";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import { requireOperator } from "@/server/identity/session";
import { Breadcrumb, PageHeading } from "@/ui";
import { OFFICES_PATH, pageFlash } from "../_lib/flash";
import { orNotFound } from "@/app/_lib/or-not-found";
import { OfficeForm } from "../_lib/office-form";

export const metadata: Metadata = { title: "Modifica sede" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

/** One office's form (ADMIN only): name, address, place, provinces it starts serving. */
export default async function OfficePage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requireOperator(`${OFFICES_PATH}/${encodeURIComponent(id)}`);
  const office = await orNotFound(() => getOffice(actor, id));
  const labels = await getGestioneLabels();
  const flash = await pageFlash((await searchParams)[FLASH_PARAM]);
  const refused = flash?.form === `sede-${office.id}` && flash.tone === "danger" ? flash : null;
  return (
    <>
      <Breadcrumb items={[{ href: "/admin", label: "Amministrazione" }, { href: OFFICES_PATH, label: "Sedi" }, { label: office.name }]} />
      <PageHeading title={office.name} lead={`Codice AOO ${office.code}.`} />
      <OfficeForm office={office} labels={labels} refused={refused} />
    </>
  );
}
