import type { Metadata } from "next";
import { FLASH_PARAM } from "@/app/_lib/form-flash";
import type { SearchParams } from "@/app/_lib/search-params";
import { assertAdmin } from "@/server/admin/policy";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import { requireOperator } from "@/server/identity/session";
import { Breadcrumb, PageHeading } from "@/ui";
import { OFFICES_PATH, pageFlash } from "../_lib/flash";
import { orNotFound } from "@/app/_lib/or-not-found";
import { OfficeForm } from "../_lib/office-form";

export const metadata: Metadata = { title: "Nuova sede" };

type Props = { searchParams: Promise<SearchParams> };

/** A new office's form (ADMIN only). */
export default async function NewOfficePage({ searchParams }: Props) {
  const actor = await requireOperator(`${OFFICES_PATH}/nuova`);
  // Anybody but an ADMIN is told the page does not exist.
  await orNotFound(async () => assertAdmin(actor));
  const labels = await getGestioneLabels();
  const flash = await pageFlash((await searchParams)[FLASH_PARAM]);
  const refused = flash?.form === "sede-nuova" && flash.tone === "danger" ? flash : null;
  return (
    <>
      <Breadcrumb items={[{ href: "/admin", label: "Amministrazione" }, { href: OFFICES_PATH, label: "Sedi" }, { label: "Nuova sede" }]} />
      <PageHeading title="Nuova sede" />
      <OfficeForm office={null} labels={labels} refused={refused} />
    </>
  );
}
