import { notFound, redirect } from "next/navigation";
import { firstValue } from "@/app/_lib/search-params";
import { NotFoundError } from "@/server/errors/domain-errors";
import { requireContributor } from "@/server/identity/session";
import { findRequestByProtocol } from "@/server/requests/find-request-by-protocol";

type Props = { searchParams: Promise<{ numero?: string | string[] }> };

/** `?numero=<protocol>`: the request's page, where the old cassetto's detail links land (F18). */
export default async function RequestByProtocolPage({ searchParams }: Props) {
  const numero = firstValue((await searchParams).numero) ?? "";
  const actor = await requireContributor(`/cassetto/richieste/protocollo?numero=${encodeURIComponent(numero)}`);
  let id: string;
  try {
    ({ id } = await findRequestByProtocol(actor, numero));
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  redirect(`/cassetto/richieste/${id}`);
}
