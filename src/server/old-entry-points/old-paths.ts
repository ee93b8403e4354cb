import { isWholeProtocolNumber } from "@/server/protocol/format-protocol-number";

/**
 * The old entry points (F18, decision 0039). The Artigiani e Commercianti
 * cassetto's Comunicazione Bidirezionale is switched off "con contestuale
 * reindirizzamento" to this portal (message 004), for contributors and for
 * the offices. Its pages lived under OLD_PREFIX; this is the ONE table of
 * them, each answered with a permanent redirect (308) to the new page,
 * keeping the matricola or protocol number it carried:
 *
 * | old page (under OLD_PREFIX)               | new page                                          |
 * | ----------------------------------------- | ------------------------------------------------- |
 * | `/elenco-richieste[?matricola=M]`          | `/cassetto/richieste[?matricola=M]`               |
 * | `/nuova-richiesta`                         | `/cassetto/richieste/nuova`                       |
 * | `/dettaglio-richiesta?protocollo=P`        | `/cassetto/richieste/protocollo?numero=P` (→ the request's page) |
 * | `/sede[?protocollo=P \| ?matricola=M]`     | `/fascicolo/quesiti[?stato=tutti&cerca=P or M]`   |
 *
 * Old page names are matched whatever their case, with or without a final
 * slash. Anything else under the prefix gets the page explaining the move
 * (src/app/artigiani-commercianti/comunicazione-bidirezionale). Targets are
 * fixed paths of this portal and parameters pass only when well formed, so
 * no address sends anyone off-site.
 */
export const OLD_PREFIX = "/artigiani-commercianti/comunicazione-bidirezionale";

/** A matricola of the old cassetto: letters and digits only (anything else is dropped). */
const MATRICOLA = /^[A-Z0-9]{1,20}$/;

type OldParams = { matricola?: string; protocollo?: string };
type OldEntryPoint = { page: string; target: (params: OldParams) => string };

function withParams(path: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return search.size > 0 ? `${path}?${search}` : path;
}

export const oldEntryPoints: readonly OldEntryPoint[] = [
  { page: "elenco-richieste", target: ({ matricola }) => withParams("/cassetto/richieste", { matricola }) },
  { page: "nuova-richiesta", target: () => "/cassetto/richieste/nuova" },
  {
    page: "dettaglio-richiesta",
    target: ({ protocollo }) => (protocollo ? withParams("/cassetto/richieste/protocollo", { numero: protocollo }) : "/cassetto/richieste"),
  },
  {
    page: "sede",
    target: ({ protocollo, matricola }) => {
      const cerca = protocollo ?? matricola;
      return cerca ? withParams("/fascicolo/quesiti", { stato: "tutti", cerca }) : "/fascicolo/quesiti";
    },
  },
];

/** The old address's parameters that pass: well formed, upper case (as the new pages read them); the rest dropped. */
function oldParams(search: URLSearchParams): OldParams {
  const matricola = search.get("matricola")?.trim().toUpperCase();
  const protocollo = search.get("protocollo")?.trim().toUpperCase();
  return {
    matricola: matricola && MATRICOLA.test(matricola) ? matricola : undefined,
    protocollo: protocollo && isWholeProtocolNumber(protocollo) ? protocollo : undefined,
  };
}

/**
 * Where an old address goes: the new page's path and query (always a path of
 * this portal, starting with a single `/`), or null when the address is not
 * one of the table's pages (a page elsewhere, or the explanation page).
 */
export function oldEntryPointTarget(pathname: string, search: URLSearchParams): string | null {
  const path = pathname.toLowerCase().replace(/\/+$/, "");
  if (!path.startsWith(`${OLD_PREFIX}/`)) return null;
  const entry = oldEntryPoints.find((candidate) => path === `${OLD_PREFIX}/${candidate.page}`);
  return entry ? entry.target(oldParams(search)) : null;
}
