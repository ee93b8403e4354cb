import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { DelegationKind, DelegationStatus } from "@/generated/prisma/enums";
import { formatRomeDate, formatRomeDateTime } from "@/lib/rome-dates";
import { listDelegations, type DelegationSummary } from "@/server/delegations/list-delegations";
import { REVOKE_REASON_MAX } from "@/server/delegations/schemas";
import { requireContributor } from "@/server/identity/session";
import { listActorPositions, type ActorPosition } from "@/server/positions/list-actor-positions";
import {
  Alert,
  Breadcrumb,
  Button,
  CheckboxField,
  PageHeading,
  SelectField,
  StatusBadge,
  TextareaField,
  TextField,
  type BadgeTone,
} from "@/ui";
import { DELEGATIONS_PATH, FLASH_COOKIE, FLASH_PARAM, GRANT_FORM, readFlash, type Flash } from "./_lib/flash";
import { grantAction, revokeAction } from "./actions";

export const metadata: Metadata = { title: "Deleghe" };

const kindLabels: Record<DelegationKind, string> = {
  INTERMEDIARIO: "Intermediario",
  DIPENDENTE: "Dipendente",
};

const statusBadges: Record<DelegationStatus, { label: string; tone: BadgeTone }> = {
  PENDING: { label: "In attesa di conferma", tone: "warning" },
  ACTIVE: { label: "Attiva", tone: "success" },
  REVOKED: { label: "Revocata", tone: "neutral" },
  REJECTED: { label: "Rifiutata", tone: "neutral" },
  EXPIRED: { label: "Scaduta", tone: "neutral" },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function RevokeForm({ delegation, flash }: { delegation: DelegationSummary; flash: Flash | null }) {
  const form = `revoca-${delegation.id}`;
  const refused = flash?.form === form ? flash : null;
  return (
    <form action={revokeAction} id={form} className="grid gap-3">
      {refused && <Alert tone="danger">{refused.message}</Alert>}
      <input type="hidden" name="delegationId" value={delegation.id} />
      <TextareaField
        id={`motivo-${delegation.id}`}
        name="reason"
        label={`Motivo della revoca della delega a ${delegation.delegate.name}`}
        rows={2}
        required
        maxLength={REVOKE_REASON_MAX}
        defaultValue={refused?.values?.reason ?? ""}
        error={refused?.errors?.reason?.[0]}
      />
      <Button variant="secondary">Revoca la delega</Button>
    </form>
  );
}

function GrantForm({ positions, flash }: { positions: ActorPosition[]; flash: Flash | null }) {
  const refused = flash?.form === GRANT_FORM ? flash : null;
  const values = refused?.values ?? {};
  const chosen = new Set((values.positionIds ?? "").split(","));
  const error = (field: string) => refused?.errors?.[field]?.[0];
  return (
    <section aria-labelledby="titolo-conferisci" className="mt-10">
      <h2 id="titolo-conferisci" className="text-xl font-semibold">
        Conferisci una delega
      </h2>
      <form action={grantAction} id={GRANT_FORM} className="mt-4 grid max-w-2xl gap-4">
        {refused && <Alert tone="danger">{refused.message}</Alert>}
        <TextField
          name="delegateCodiceFiscale"
          label="Codice fiscale del delegato"
          hint="La persona deve essere già registrata al servizio."
          width="medium"
          required
          maxLength={16}
          autoComplete="off"
          defaultValue={values.delegateCodiceFiscale ?? ""}
          error={error("delegateCodiceFiscale")}
        />
        <SelectField
          name="kind"
          label="Tipo di delega"
          required
          placeholder="Scegli il tipo"
          options={[
            { value: "INTERMEDIARIO", label: "Intermediario (commercialista, consulente del lavoro)" },
            { value: "DIPENDENTE", label: "Dipendente dell'azienda" },
          ]}
          defaultValue={values.kind ?? ""}
          error={error("kind")}
        />
        <fieldset className="grid gap-2">
          <legend className="font-semibold">Posizioni coperte dalla delega</legend>
          {error("positionIds") && <p className="text-danger-700">{error("positionIds")}</p>}
          {positions.map((position) => (
            <CheckboxField
              key={position.id}
              id={`posizione-${position.id}`}
              name="positionIds"
              value={position.id}
              defaultChecked={chosen.has(position.id)}
              label={`${position.denominazione} — ${position.gestioneLabel}, matricola ${position.matricola}`}
            />
          ))}
        </fieldset>
        <TextField
          type="date"
          name="validTo"
          label="Valida fino al (facoltativo)"
          hint="La delega vale da oggi; senza data di fine resta valida fino alla revoca."
          width="short"
          defaultValue={values.validTo ?? ""}
          error={error("validTo")}
        />
        <Button>Conferisci la delega</Button>
      </form>
    </section>
  );
}

export default async function DelegationsPage({ searchParams }: Props) {
  const actor = await requireContributor(DELEGATIONS_PATH);
  const delegations = await listDelegations(actor);
  const token = (await searchParams)[FLASH_PARAM];
  const flash = readFlash((await cookies()).get(FLASH_COOKIE)?.value, Array.isArray(token) ? token[0] : token);
  const isHolder = actor.profile === "TITOLARE";
  const ownPositions = isHolder ? await listActorPositions(actor) : [];
  const shownAtForm =
    flash?.form !== undefined &&
    ((flash.form === GRANT_FORM && ownPositions.length > 0) ||
      delegations.some((d) => d.revocable && `revoca-${d.id}` === flash.form));

  return (
    <>
      <Breadcrumb items={[{ href: "/cassetto", label: "Cassetto previdenziale" }, { label: "Deleghe" }]} />
      <PageHeading
        title="Deleghe"
        lead={
          isHolder
            ? "Le deleghe che hai conferito a intermediari e dipendenti sulle tue posizioni. Una delega revocata cessa subito."
            : "Le deleghe che ti sono state conferite dai titolari delle posizioni."
        }
      />
      <div id="esito-operazione">
        {flash && !shownAtForm && (
          <Alert tone={flash.tone} important={flash.tone === "success"}>
            {flash.message}
          </Alert>
        )}
      </div>
      {delegations.length === 0 ? (
        <Alert tone="info">{isHolder ? "Non hai conferito deleghe." : "Non risultano deleghe conferite a te."}</Alert>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="mb-2 text-left text-lg font-semibold">
              {isHolder ? "Deleghe conferite sulle tue posizioni" : "Deleghe ricevute"}
            </caption>
            <thead>
              <tr className="border-b border-neutral-400">
                <th scope="col" className="p-2">{isHolder ? "Delegato" : "Titolare"}</th>
                <th scope="col" className="p-2">Tipo</th>
                <th scope="col" className="p-2">Stato</th>
                <th scope="col" className="p-2">Posizioni</th>
                <th scope="col" className="p-2">Dal</th>
                <th scope="col" className="p-2">Al</th>
                {isHolder && <th scope="col" className="p-2">Revoca</th>}
              </tr>
            </thead>
            <tbody>
              {delegations.map((delegation) => {
                const other = isHolder ? delegation.delegate : delegation.holder;
                const badge = statusBadges[delegation.status];
                return (
                  <tr key={delegation.id} className="border-b border-neutral-300 align-top">
                    <th scope="row" className="p-2 font-normal">
                      <span className="font-semibold">{other.name}</span>
                      <br />
                      <span className="font-mono text-sm">{other.codiceFiscale}</span>
                    </th>
                    <td className="p-2">{kindLabels[delegation.kind]}</td>
                    <td className="p-2">
                      <StatusBadge label={badge.label} tone={badge.tone} />
                      {delegation.revokedAt && (
                        <p className="mt-1 text-sm">
                          Revocata il {formatRomeDateTime(delegation.revokedAt)}
                          {delegation.revokedReason ? `: ${delegation.revokedReason}` : ""}
                        </p>
                      )}
                    </td>
                    <td className="p-2">
                      <ul>
                        {delegation.positions.map((position) => (
                          <li key={position.id}>
                            {position.denominazione} <span className="font-mono text-sm">({position.matricola})</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="p-2">{formatRomeDate(delegation.validFrom)}</td>
                    <td className="p-2">{delegation.validTo ? formatRomeDate(delegation.validTo) : "Senza scadenza"}</td>
                    {isHolder && (
                      <td className="p-2">
                        {delegation.revocable ? <RevokeForm delegation={delegation} flash={flash} /> : "—"}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {ownPositions.length > 0 && <GrantForm positions={ownPositions} flash={flash} />}
    </>
  );
}
