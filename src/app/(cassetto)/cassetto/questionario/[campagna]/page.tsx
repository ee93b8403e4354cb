import type { Metadata } from "next";
import { orNotFound } from "@/app/_lib/or-not-found";
import Link from "next/link";
import { OUTCOME_NOTICE_ID } from "@/app/_lib/form-flash";
import { requireContributor } from "@/server/identity/session";
import { getQuestionnaire } from "@/server/questionnaires/get-questionnaire";
import { Alert, Breadcrumb, Button, PageHeading } from "@/ui";
import { ErrorSummary } from "../../richieste/_components/ErrorSummary";
import { QuestionFields } from "../_components/QuestionFields";
import { answerQuestionnaireAction } from "../actions";
import { pageFlash, QUESTIONNAIRE_FORM } from "../_lib/flash";

export const metadata: Metadata = { title: "Questionario di gradimento" };

type Props = { params: Promise<{ campagna: string }>; searchParams: Promise<{ avviso?: string }> };

async function loadQuestionnaire(slug: string) {
  const actor = await requireContributor(`/cassetto/questionario/${encodeURIComponent(slug)}`);
  return orNotFound(() => getQuestionnaire(actor, slug));
}

/** The professionals' questionnaire (F16): voluntary and anonymous, once per campaign. */
export default async function QuestionnairePage({ params, searchParams }: Props) {
  const { campagna } = await params;
  const { campaign, answered } = await loadQuestionnaire(campagna);
  const flash = await pageFlash((await searchParams).avviso);
  const refused = flash?.tone === "danger" && flash.form === QUESTIONNAIRE_FORM ? flash : null;
  const labels = Object.fromEntries(campaign.questions.map((question) => [question.key, question.text]));

  return (
    <>
      <Breadcrumb items={[{ href: "/cassetto", label: "Cassetto previdenziale" }, { label: "Questionario di gradimento" }]} />
      <PageHeading title={campaign.title} lead={campaign.intro} />
      {flash?.tone === "success" ? (
        <Alert tone="success" title={flash.message} id={OUTCOME_NOTICE_ID} important>
          <p>
            <Link href="/cassetto">Torna al Cassetto previdenziale</Link>
          </p>
        </Alert>
      ) : answered ? (
        <Alert tone="info" title="Hai già risposto a questo questionario.">
          <p>Si può rispondere una sola volta: grazie per il tuo contributo.</p>
        </Alert>
      ) : (
        <form action={answerQuestionnaireAction} noValidate className="max-w-3xl">
          {refused ? <ErrorSummary errors={refused.errors ?? { form: [refused.message] }} fields={labels} title={refused.message} /> : null}
          <input type="hidden" name="campagna" value={campaign.slug} />
          <p className="mb-6">Ogni domanda è facoltativa: rispondi solo a quelle che vuoi.</p>
          <QuestionFields questions={campaign.questions} values={refused?.values} errors={refused?.errors} />
          <Button>Invia le risposte</Button>
        </form>
      )}
    </>
  );
}
