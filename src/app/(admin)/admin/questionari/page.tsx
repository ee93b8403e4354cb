import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/or-not-found";
import { formatRomeDate } from "@/lib/rome-dates";
import { requireOperator } from "@/server/identity/session";
import {
  FREE_TEXTS_SHOWN,
  getQuestionnaireResults,
  RESULTS_MIN_ANSWERS,
  type CampaignResults,
  type ScaleResult,
} from "@/server/admin/get-questionnaire-results";
import { Card, PageHeading, TableRegion } from "@/ui";

export const metadata: Metadata = { title: "Risultati dei questionari" };

const PATH = "/admin/questionari";
const cell = "px-3 py-2 align-top";
const numeric = `${cell} text-right tabular-nums`;

async function loadResults(): Promise<CampaignResults[]> {
  const operator = await requireOperator(PATH);
  return orNotFound(() => getQuestionnaireResults(operator));
}

const figure = (value: number) => value.toLocaleString("it-IT");
const mean = (value: number | null) => (value === null ? "—" : value.toLocaleString("it-IT", { maximumFractionDigits: 2 }));

function ScaleTable({ question }: { question: ScaleResult }) {
  return (
    <TableRegion label={question.text}>
      <table className="mb-6 w-full border-collapse bg-white text-left">
        <caption className="mb-2 text-left font-semibold">{question.text}</caption>
        <thead>
          <tr className="border-b-2 border-neutral-400">
            <th scope="col" className={numeric}>
              Risposte
            </th>
            <th scope="col" className={numeric}>
              Media
            </th>
            {question.distribution.map((row) => (
              <th key={row.value} scope="col" className={numeric}>
                Valore {row.value}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className={numeric}>{figure(question.count)}</td>
            <td className={numeric}>{mean(question.mean)}</td>
            {question.distribution.map((row) => (
              <td key={row.value} className={numeric}>
                {figure(row.count)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </TableRegion>
  );
}

function CampaignCard({ campaign }: { campaign: CampaignResults }) {
  const period = `dal ${formatRomeDate(campaign.opensOn)}${campaign.closesOn ? ` al ${formatRomeDate(campaign.closesOn)}` : ", ancora aperto"}`;
  return (
    <Card title={campaign.title}>
      <p className="mb-4">
        <Link href={`${PATH}/${encodeURIComponent(campaign.slug)}`} className="font-semibold underline">
          Gestisci il questionario {campaign.slug}
        </Link>
      </p>
      <p className="mb-4">
        {figure(campaign.responses)} {campaign.responses === 1 ? "risposta" : "risposte"}, {period}.
      </p>
      {campaign.questions === null ? (
        <p>I risultati si vedono da {RESULTS_MIN_ANSWERS} risposte in su: con meno, una risposta potrebbe essere riconosciuta.</p>
      ) : (
        campaign.questions.map((question) =>
          question.type === "scala" ? (
            <ScaleTable key={question.key} question={question} />
          ) : (
            <section key={question.key} aria-label={question.text} className="mb-6">
              <h3 className="mb-2 font-semibold">{question.text}</h3>
              <p className="mb-2 text-neutral-700">
                {figure(question.count)} risposte libere
                {question.count > FREE_TEXTS_SHOWN ? `; qui le ${FREE_TEXTS_SHOWN} più recenti` : ""}.
              </p>
              <ul className="list-disc space-y-1 pl-5">
                {question.texts.map((text, index) => (
                  <li key={index} className="whitespace-pre-wrap">
                    {text}
                  </li>
                ))}
              </ul>
            </section>
          ),
        )
      )}
    </Card>
  );
}

/** The questionnaires' anonymous results (F16), for ADMIN only; anybody else is told the page does not exist. */
export default async function QuestionnaireResultsPage() {
  const campaigns = await loadResults();
  return (
    <>
      <PageHeading
        title="Risultati dei questionari"
        lead="Risposte anonime al questionario dei professionisti e alla valutazione dell'invio delle richieste: conteggi, media e distribuzione per domanda, testi liberi."
      />
      <p className="mb-6">
        <Link href={`${PATH}/nuovo`} className="font-semibold underline">
          Nuovo questionario
        </Link>
      </p>
      <div className="space-y-8">
        {campaigns.map((campaign) => (
          <CampaignCard key={campaign.slug} campaign={campaign} />
        ))}
      </div>
    </>
  );
}
