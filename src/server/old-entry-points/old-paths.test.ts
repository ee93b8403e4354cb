import { describe, expect, it } from "vitest";
import { OLD_PREFIX, oldEntryPoints, oldEntryPointTarget } from "./old-paths";

const target = (address: string) => {
  const url = new URL(address, "https://cassetto.example.it");
  return oldEntryPointTarget(url.pathname, url.searchParams);
};

describe("old entry points", () => {
  it("send each old page of the table to its new page, keeping the matricola or the protocol number", () => {
    expect(target(`${OLD_PREFIX}/elenco-richieste?matricola=1234567890`)).toBe("/cassetto/richieste?matricola=1234567890");
    expect(target(`${OLD_PREFIX}/elenco-richieste`)).toBe("/cassetto/richieste");
    expect(target(`${OLD_PREFIX}/nuova-richiesta?matricola=1234567890`)).toBe("/cassetto/richieste/nuova");
    expect(target(`${OLD_PREFIX}/dettaglio-richiesta?protocollo=INPS.7000.22/11/2026.0001234`)).toBe(
      "/cassetto/richieste/protocollo?numero=INPS.7000.22%2F11%2F2026.0001234",
    );
    expect(target(`${OLD_PREFIX}/sede?protocollo=inps.7000.22/11/2026.0001234`)).toBe(
      "/fascicolo/quesiti?stato=tutti&cerca=INPS.7000.22%2F11%2F2026.0001234",
    );
    expect(target(`${OLD_PREFIX}/sede?matricola=ab12`)).toBe("/fascicolo/quesiti?stato=tutti&cerca=AB12");
    expect(target(`${OLD_PREFIX}/sede`)).toBe("/fascicolo/quesiti");
  });

  it("match old page names whatever their case and with a final slash", () => {
    expect(target(`${OLD_PREFIX.toUpperCase()}/Elenco-Richieste/?matricola=1234567890`)).toBe("/cassetto/richieste?matricola=1234567890");
  });

  it("leave other addresses to the explanation page or to the rest of the portal", () => {
    expect(target(`${OLD_PREFIX}/statistiche`)).toBeNull();
    expect(target(`${OLD_PREFIX}/elenco-richieste/altro`)).toBeNull();
    expect(target(OLD_PREFIX)).toBeNull();
    expect(target(`${OLD_PREFIX}-elenco-richieste`)).toBeNull();
    expect(target("/cassetto/richieste")).toBeNull();
  });

  it("never send anyone off-site, whatever the address carries", () => {
    const hostile = [
      `${OLD_PREFIX}/elenco-richieste?matricola=//evil.example`,
      `${OLD_PREFIX}/elenco-richieste?matricola=https://evil.example`,
      `${OLD_PREFIX}/elenco-richieste?matricola=%2F%2Fevil.example`,
      `${OLD_PREFIX}/elenco-richieste?matricola=\\\\evil.example`,
      `${OLD_PREFIX}/dettaglio-richiesta?protocollo=https://evil.example/INPS.7000.22/11/2026.0001234`,
      `${OLD_PREFIX}/dettaglio-richiesta?protocollo=//evil.example`,
      `${OLD_PREFIX}/sede?protocollo=%5C%5Cevil.example&matricola=/%2Fevil.example`,
      `${OLD_PREFIX}/sede?next=https://evil.example&url=//evil.example`,
      `${OLD_PREFIX}/elenco-richieste%2F%2Fevil.example`,
      `${OLD_PREFIX}/%2F%2Fevil.example`,
      `${OLD_PREFIX}/\\evil.example`,
    ];
    for (const address of hostile) {
      const location = target(address);
      if (location === null) continue;
      expect(location).toMatch(/^\/[a-z]/);
      expect(location).not.toMatch(/evil|\\|^\/\//);
      expect(new URL(location, "https://cassetto.example.it").origin).toBe("https://cassetto.example.it");
    }
    expect(target(`${OLD_PREFIX}/elenco-richieste?matricola=//evil.example`)).toBe("/cassetto/richieste");
  });

  it("lists each old page once, every target a path of this portal", () => {
    const pages = oldEntryPoints.map((entry) => entry.page);
    expect(new Set(pages).size).toBe(pages.length);
    for (const entry of oldEntryPoints) expect(entry.target({})).toMatch(/^\/(cassetto|fascicolo)\//);
  });
});
