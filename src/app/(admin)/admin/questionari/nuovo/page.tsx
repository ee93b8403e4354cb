import type { Metadata } from "next";
import { FLASH_PARAM } from "@/app/_lib/form-flash";
import { orNotFound } from "@/app/_lib/or-not-found";
import type { SearchParams } from "@/app/_lib/search-params";
import { assertAdmin } from "@/server/admin/policy";
import { QUESTIONNAIRES_PAGE } from "@/server/admin/questionnaire-schemas";
import { requireOperator } from "@/server/identity/session";
import { Breadcrumb, PageHeading } from "@/ui";
import { CampaignForm } from "../_lib/campaign-form";
import { pageFlash } from "../_lib/flash";

export const metadata: Metadata = { title: "Nuovo questionario" };

type Props = { searchParams: Promise<SearchParams> };

/** A new questionnaire campaign's form (ADMIN only, decision 0047). */
export default async function NewCampaignPage({ searchParams }: Props) {
  const actor = await requireOperator(`${QUESTIONNAIRES_PAGE}/nuovo`);
  // Anybody but an ADMIN is told the page does not exist.
  await orNotFound(async () => assertAdmin(actor));
  const flash = await pageFlash((await searchParams)[FLASH_PARAM]);
  const refused = flash?.form === "nuovo" && flash.tone === "danger" ? flash : null;
  return (
    <>
      <Breadcrumb
        items={[
          { href: "/admin", label: "Amministrazione" },
          { href: QUESTIONNAIRES_PAGE, label: "Questionari" },
          { label: "Nuovo questionario" },
        ]}
      />
      <PageHeading
        title="Nuovo questionario"
        lead="Le domande si possono modificare finché nessuno ha risposto; dopo la prima risposta restano quelle."
      />
      <CampaignForm campaign={null} refused={refused} />
    </>
  );
}
