import type { Metadata } from "next";
import { listDelegations, type DelegationSummary } from "@/server/delegations/list-delegations";
import { requireContributor } from "@/server/identity/session";
import { listActorPositions } from "@/server/positions/list-actor-positions";
import { Alert, Breadcrumb, PageHeading } from "@/ui";
import { AnswerForms, ConfirmForm, GrantForm, RequestForm, RevokeForm } from "./_components/DelegationForms";
import { DelegationsTable } from "./_components/DelegationsTable";
import { FLASH_PARAM, OUTCOME_NOTICE_ID } from "@/app/_lib/form-flash";
import type { SearchParams } from "@/app/_lib/search-params";
import { DELEGATIONS_PATH, delegationForm, GRANT_FORM, pageFlash, REQUEST_FORM, type Flash } from "./_lib/flash";

export const metadata: Metadata = { title: "Deleghe" };

type Props = { searchParams: Promise<SearchParams> };

/** The forms this page shows, so that a refusal is shown at its form only when the form is there. */
function formsOnPage(delegations: DelegationSummary[], canGrant: boolean): Set<string> {
  const forms = new Set<string>([REQUEST_FORM]);
  if (canGrant) forms.add(GRANT_FORM);
  for (const delegation of delegations) {
    if (delegation.revocable) forms.add(delegationForm("revoca", delegation.id));
    if (delegation.answerable) {
      forms.add(delegationForm("accetta", delegation.id));
      forms.add(delegationForm("rifiuta", delegation.id));
    }
    if (delegation.confirmable) forms.add(delegationForm("conferma", delegation.id));
  }
  return forms;
}

function Outcome({ flash }: { flash: Flash }) {
  return (
    <Alert tone={flash.tone} important={flash.tone === "success"}>
      <p>{flash.message}</p>
      {flash.highlight && <p className="font-mono text-3xl font-bold tracking-widest">{flash.highlight}</p>}
    </Alert>
  );
}

export default async function DelegationsPage({ searchParams }: Props) {
  const actor = await requireContributor(DELEGATIONS_PATH);
  const delegations = await listDelegations(actor);
  const flash = await pageFlash((await searchParams)[FLASH_PARAM]);
  const isHolder = actor.profile === "TITOLARE";
  const ownPositions = isHolder ? await listActorPositions(actor) : [];
  const shownAtForm =
    flash?.tone === "danger" && flash.form !== undefined && formsOnPage(delegations, ownPositions.length > 0).has(flash.form);

  const toAnswer = delegations.filter((delegation) => delegation.answerable);
  const onOwnPositions = delegations.filter((delegation) => delegation.side === "holder" && !delegation.answerable);
  const ownRequests = delegations.filter((delegation) => delegation.side === "delegate" && delegation.pending);
  const received = delegations.filter((delegation) => delegation.side === "delegate" && !delegation.pending);

  return (
    <>
      <Breadcrumb items={[{ href: "/cassetto", label: "Cassetto previdenziale" }, { label: "Deleghe" }]} />
      <PageHeading
        title="Deleghe"
        lead={
          isHolder
            ? "Le deleghe sulle tue posizioni: quelle che hai conferito e le richieste di intermediari e dipendenti da accettare. Una delega revocata cessa subito."
            : "Le deleghe che ti sono state conferite dai titolari delle posizioni e le tue richieste di delega."
        }
      />
      <div id={OUTCOME_NOTICE_ID}>{flash && !shownAtForm && <Outcome flash={flash} />}</div>

      {toAnswer.length > 0 && (
        <DelegationsTable
          caption="Richieste di delega da accettare"
          delegations={toAnswer}
          actionsHeading="Risposta"
          actions={(delegation) => <AnswerForms delegation={delegation} flash={flash} />}
        />
      )}
      {isHolder &&
        (onOwnPositions.length > 0 ? (
          <DelegationsTable
            caption="Deleghe conferite sulle tue posizioni"
            delegations={onOwnPositions}
            actionsHeading="Revoca"
            actions={(delegation) => (delegation.revocable ? <RevokeForm delegation={delegation} flash={flash} /> : null)}
          />
        ) : (
          <Alert tone="info">Non hai conferito deleghe.</Alert>
        ))}
      {ownRequests.length > 0 && (
        <DelegationsTable
          caption="Le tue richieste di delega in attesa"
          delegations={ownRequests}
          actionsHeading="Codice di verifica"
          actions={(delegation) => (delegation.confirmable ? <ConfirmForm delegation={delegation} flash={flash} /> : null)}
        />
      )}
      {!isHolder &&
        (received.length > 0 ? (
          <DelegationsTable caption="Deleghe ricevute" delegations={received} />
        ) : (
          <Alert tone="info">Non risultano deleghe conferite a te.</Alert>
        ))}

      {ownPositions.length > 0 && <GrantForm positions={ownPositions} flash={flash} />}
      <RequestForm defaultKind={isHolder ? "" : actor.profile} flash={flash} />
    </>
  );
}
