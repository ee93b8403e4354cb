import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FLASH_PARAM } from "@/app/_lib/form-flash";
import type { SearchParams } from "@/app/_lib/search-params";
import { NotFoundError } from "@/server/errors/domain-errors";
import { requireOperator } from "@/server/identity/session";
import { getQuesitoReassignment, type QuesitoReassignment } from "@/server/quesiti/get-quesito-reassignment";
import { Alert, Breadcrumb, Card, DescriptionList, PageHeading } from "@/ui";
import { ReassignmentForms } from "../../_components/ReassignmentForms";
import { QuesitoStateBadge } from "../../_components/QuesitoStateBadge";
import { isReassignmentForm, pageFlash, withDraftValues } from "../../_lib/flash";
import { OUTCOME_NOTICE_ID, quesitoPath, reassignmentPath } from "../../_lib/paths";
import { reassignToOfficeAction, reassignToOperatorAction } from "../actions";

export const metadata: Metadata = { title: "Riassegna il quesito" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
};

function operatorChoices(quesito: QuesitoReassignment) {
  return quesito.operators.map((operator) => ({
    value: operator.id,
    label: operator.id === quesito.assignee?.id ? `${operator.name} (assegnatario attuale)` : operator.name,
  }));
}

/**
 * The reassignment of a quesito (F21), on its own page (decision 0053): to a
 * colleague of the office, or to another office. A refusal comes back here,
 * at its form; a success goes to the quesito, or to the queue when the
 * quesito has left the office.
 */
export default async function QuesitoReassignmentPage({ params, searchParams }: Props) {
  const { id } = await params;
  const operator = await requireOperator(reassignmentPath(id));
  let quesito: QuesitoReassignment;
  try {
    quesito = await getQuesitoReassignment(operator, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const flash = await withDraftValues(operator, quesito.id, await pageFlash((await searchParams)[FLASH_PARAM]));
  // A refusal is shown at its form while the forms are there; otherwise (the quesito moved on meanwhile) above them.
  const shownAtForm = quesito.reassignable && flash?.form !== undefined && isReassignmentForm(flash.form);

  return (
    <>
      <Breadcrumb
        items={[
          { href: "/fascicolo", label: "Fascicolo elettronico" },
          { href: "/fascicolo/quesiti", label: "Quesiti" },
          { href: quesitoPath(quesito.id), label: quesito.protocolNumber },
          { label: "Riassegna" },
        ]}
      />
      <PageHeading title={`Riassegna il quesito ${quesito.protocolNumber}`} lead={quesito.subjectLabel} />
      {flash && !shownAtForm ? (
        <Alert tone={flash.tone} id={OUTCOME_NOTICE_ID}>
          <p>{flash.message}</p>
        </Alert>
      ) : null}
      <Card title="Il quesito oggi">
        <DescriptionList
          rows={[
            ["Stato", <QuesitoStateBadge key="stato" state={quesito.state} label={quesito.stateLabel} />],
            ["Sede", `${quesito.office.name} (${quesito.office.code})`],
            ["Assegnato a", quesito.assignee?.name ?? "Non assegnato"],
          ]}
        />
      </Card>
      <div className="mt-8">
        {quesito.reassignable ? (
          <ReassignmentForms
            view={{
              quesitoId: quesito.id,
              version: quesito.version,
              flash: shownAtForm ? flash : null,
              toOperator: reassignToOperatorAction,
              toOffice: reassignToOfficeAction,
              operators: operatorChoices(quesito),
              offices: quesito.offices.map((office) => ({ value: office.id, label: office.label })),
            }}
          />
        ) : (
          <Alert tone="info">
            <p>Nel suo stato attuale il quesito non si può riassegnare né trasferire.</p>
          </Alert>
        )}
      </div>
      <p className="mt-8">
        <Link href={quesitoPath(quesito.id)}>Torna al quesito</Link>
      </p>
    </>
  );
}
