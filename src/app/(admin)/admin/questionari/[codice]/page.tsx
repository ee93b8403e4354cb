import type { Metadata } from "next";
import { FLASH_PARAM, OUTCOME_NOTICE_ID } from "@/app/_lib/form-flash";
import { orNotFound } from "@/app/_lib/or-not-found";
import type { SearchParams } from "@/app/_lib/search-params";
import { formatRomeDate } from "@/lib/rome-dates";
import { getQuestionnaireCampaign, type QuestionnaireCampaignView } from "@/server/admin/get-questionnaire-campaign";
import { CAMPAIGN_ANSWERED, kindLabels, QUESTIONNAIRES_PAGE } from "@/server/admin/questionnaire-schemas";
import { requireOperator } from "@/server/identity/session";
import { Alert, Breadcrumb, Button, Card, DescriptionList, PageHeading } from "@/ui";
import { switchCampaignAction } from "../actions";
import { CampaignForm } from "../_lib/campaign-form";
import { pageFlash, type Flash } from "../_lib/flash";

export const metadata: Metadata = { title: "Questionario" };

type Props = { params: Promise<{ codice: string }>; searchParams: Promise<SearchParams> };

const stateLabels: Record<QuestionnaireCampaignView["state"], string> = {
  PROGRAMMATO: "Programmato: non ancora aperto",
  APERTO: "Aperto",
  CHIUSO: "Chiuso",
};

const day = (isoDay: string) => formatRomeDate(new Date(`${isoDay}T12:00:00Z`));

/** Opening a scheduled campaign today, or closing an open or scheduled one now. */
function PeriodForm({ campaign, flash }: { campaign: QuestionnaireCampaignView; flash: Flash | null }) {
  if (campaign.state === "CHIUSO") return null;
  const formId = `periodo-${campaign.id}` as const;
  const refused = flash?.form === formId && flash.tone === "danger" ? flash : null;
  return (
    <form action={switchCampaignAction.bind(null, campaign.slug)} id={formId} className="mt-4 flex flex-wrap gap-3">
      {refused ? <Alert tone="danger">{refused.message}</Alert> : null}
      <input type="hidden" name="campaignId" value={campaign.id} />
      <input type="hidden" name="expectedVersion" value={campaign.version} />
      {campaign.state === "PROGRAMMATO" ? (
        <Button name="action" value="apri">
          Apri da oggi
        </Button>
      ) : null}
      <Button name="action" value="chiudi" variant="danger">
        Chiudi ora
      </Button>
    </form>
  );
}

/** A questionnaire campaign (ADMIN only, decision 0047): its period, opened or closed early, and its form while unanswered. */
export default async function CampaignPage({ params, searchParams }: Props) {
  const { codice } = await params;
  const actor = await requireOperator(`${QUESTIONNAIRES_PAGE}/${encodeURIComponent(codice)}`);
  const campaign = await orNotFound(() => getQuestionnaireCampaign(actor, codice));
  const flash = await pageFlash((await searchParams)[FLASH_PARAM]);
  const refused = flash?.form === `questionario-${campaign.id}` && flash.tone === "danger" ? flash : null;
  return (
    <>
      <Breadcrumb
        items={[
          { href: "/admin", label: "Amministrazione" },
          { href: QUESTIONNAIRES_PAGE, label: "Questionari" },
          { label: campaign.title },
        ]}
      />
      {flash?.tone === "success" ? <Alert tone="success" title={flash.message} important id={OUTCOME_NOTICE_ID} /> : null}
      <PageHeading title={campaign.title} />
      <Card title="Periodo e risposte">
        <DescriptionList
          rows={[
            ["Codice", campaign.slug],
            ["A chi è rivolto", kindLabels[campaign.kind]],
            ["Stato", stateLabels[campaign.state]],
            ["Primo giorno", day(campaign.opensOn)],
            ["Ultimo giorno", campaign.closesOn ? day(campaign.closesOn) : "nessuno: aperto finché non lo si chiude"],
            ["Risposte", String(campaign.responses)],
          ]}
        />
        <PeriodForm campaign={campaign} flash={flash} />
      </Card>
      <div className="mt-8">
        <Card title="Domande">
          {campaign.responses === 0 ? (
            <CampaignForm campaign={campaign} refused={refused} />
          ) : (
            <>
              <Alert tone="info">{CAMPAIGN_ANSWERED}</Alert>
              <ol className="mt-4 list-decimal space-y-2 pl-5">
                {campaign.questions.map((question) => (
                  <li key={question.key}>
                    {question.text}{" "}
                    <span className="text-neutral-700">
                      ({question.type === "scala" ? `scala: 1 ${question.lowLabel}, 5 ${question.highLabel}` : "testo libero"})
                    </span>
                  </li>
                ))}
              </ol>
            </>
          )}
        </Card>
      </div>
    </>
  );
}
