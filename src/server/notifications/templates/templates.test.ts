import { describe, expect, it } from "vitest";
import { RequestEventType } from "@/generated/prisma/enums";
import { notificationTemplates, type TemplateParams } from ".";
import { gsmLength, SMS_MAX_LENGTH, smsText } from "./sms-text";

const requestId = "01936b2e-7c4a-7d1e-9f3a-5b8c2d4e6f70";

function params(overrides: Partial<TemplateParams> = {}): TemplateParams {
  return {
    protocolNumber: "INPS.7000.22/11/2026.0001234",
    subjectLabel: "Versamenti – Verifica di un versamento non abbinato",
    officeName: "Direzione provinciale di Roma",
    stateLabel: "In carico",
    esitoLabel: null,
    awaitingContributor: false,
    integrationDueDate: null,
    eventDate: "22/11/2026, 10:30",
    requestUrl: `http://localhost:3000/cassetto/richieste/${requestId}`,
    listUrl: "http://localhost:3000/cassetto/richieste",
    ...overrides,
  };
}

const templates = Object.entries(notificationTemplates);

describe("notification templates", () => {
  it("cover the events the contributor is told about, and only those", () => {
    expect(Object.keys(notificationTemplates).sort()).toEqual(
      [
        "CHIUSA",
        "COMUNICAZIONE_INVIATA",
        "PRESA_IN_CARICO",
        "PROMEMORIA_INTEGRAZIONE",
        "PROTOCOLLATA",
        "RICHIESTA_INTEGRAZIONE",
        "RISPOSTA",
        "SMISTATA",
        "STATO_MODIFICATO",
      ].sort(),
    );
    for (const internal of [
      RequestEventType.RIASSEGNATA,
      RequestEventType.NOTA_INTERNA,
      RequestEventType.MESSAGGIO_CONTRIBUENTE,
      RequestEventType.SCADENZA_VICINA,
      RequestEventType.SCADENZA_RAGGIUNTA,
    ]) {
      expect(notificationTemplates[internal]).toBeUndefined();
    }
  });

  it("have distinct names and a version each", () => {
    const names = templates.map(([, template]) => template.name);
    expect(new Set(names).size).toBe(names.length);
    for (const [, template] of templates) expect(Number.isInteger(template.version) && template.version >= 1).toBe(true);
  });

  it.each(templates)("%s: an e-mail with subject, text and HTML naming the protocol, state, office and link", (_event, template) => {
    const email = template.email(params({ esitoLabel: "Accolta" }));
    expect(email.subject).toContain("INPS.7000.22/11/2026.0001234");
    for (const part of [email.text, email.html]) {
      expect(part).toContain("INPS.7000.22/11/2026.0001234");
      expect(part).toContain("Direzione provinciale di Roma");
      expect(part).toContain("In carico");
      expect(part).toContain(`http://localhost:3000/cassetto/richieste/${requestId}`);
      expect(part).toContain("Verifica di un versamento non abbinato");
    }
    expect(email.html).toMatch(/^<!doctype html>\n<html lang="it">/);
    expect(email.html).toContain(`<a href="http://localhost:3000/cassetto/richieste/${requestId}"`);
  });

  it.each(templates)("%s: an SMS of one GSM message, with only the protocol number and the link", (_event, template) => {
    const sms = template.sms(params({ awaitingContributor: true, esitoLabel: "Accolta" }));
    const length = gsmLength(sms);
    expect(length).not.toBeNull();
    expect(length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
    expect(sms).toContain("INPS.7000.22/11/2026.0001234");
    expect(sms).toMatch(/http:\/\/localhost:3000\/cassetto\/richieste/);
    for (const personal of ["Versamenti", "versamento", "Direzione provinciale", "Roma", "Accolta"]) expect(sms).not.toContain(personal);
  });

  it.each(templates)("%s: still one SMS with a long PUBLIC_URL", (_event, template) => {
    const base = `https://${"servizi-online.".repeat(6)}inps.it/comunicazione-bidirezionale`;
    for (const sms of [
      template.sms(params({ requestUrl: `${base}/cassetto/richieste/${requestId}`, listUrl: `${base}/cassetto/richieste` })),
      template.sms(
        params({ requestUrl: `https://inps.it/x/cassetto/richieste/${requestId}`, listUrl: "https://inps.it/x/cassetto/richieste" }),
      ),
    ]) {
      expect(gsmLength(sms)).toBeLessThanOrEqual(SMS_MAX_LENGTH);
      expect(sms).toContain("INPS.7000.22/11/2026.0001234");
    }
  });

  it("escape what they put in HTML", () => {
    const email = notificationTemplates.PROTOCOLLATA!.email(params({ subjectLabel: `Area <b>"grassetto"</b> & co` }));
    expect(email.html).toContain("Area &lt;b&gt;&quot;grassetto&quot;&lt;/b&gt; &amp; co");
    expect(email.html).not.toContain("<b>");
    expect(email.text).toContain(`Area <b>"grassetto"</b> & co`);
  });

  it("say what happened, in the words the contributor's pages use", () => {
    expect(notificationTemplates.PROTOCOLLATA!.email(params()).subject).toBe("Richiesta protocollata n. INPS.7000.22/11/2026.0001234");
    expect(notificationTemplates.SMISTATA!.email(params()).text).toContain(
      "è stata smistata alla sede competente, Direzione provinciale di Roma",
    );
    expect(notificationTemplates.PRESA_IN_CARICO!.sms(params())).toBe(
      `INPS: richiesta INPS.7000.22/11/2026.0001234 presa in carico. http://localhost:3000/cassetto/richieste/${requestId}`,
    );
    expect(notificationTemplates.CHIUSA!.email(params({ esitoLabel: "Non accolta", stateLabel: "Chiusa" })).text).toContain(
      "con esito «Non accolta»",
    );
    expect(notificationTemplates.STATO_MODIFICATO!.email(params({ awaitingContributor: true })).subject).toBe(
      "Aggiornamento della richiesta n. INPS.7000.22/11/2026.0001234",
    );
    expect(notificationTemplates.STATO_MODIFICATO!.email(params({ awaitingContributor: true })).text).toContain("attende un tuo riscontro");
    expect(notificationTemplates.STATO_MODIFICATO!.email(params()).text).toContain("ha ripreso la lavorazione");
    expect(notificationTemplates.RICHIESTA_INTEGRAZIONE!.email(params({ integrationDueDate: "lunedì 21 dicembre 2026" })).text).toContain(
      "entro lunedì 21 dicembre 2026",
    );
  });
});

describe("gsmLength and smsText", () => {
  it("count GSM characters, two for the extension table, none outside it", () => {
    expect(gsmLength("Richiesta chiusa: è così")).toBe(24);
    expect(gsmLength("{€}")).toBe(6);
    expect(gsmLength("prezzo ≤ 10")).toBeNull();
  });

  it("fall back to the list's link, then to no link", () => {
    const long = `https://${"a".repeat(150)}.it`;
    expect(smsText("richiesta X chiusa.", { requestUrl: `${long}/r/1`, listUrl: "https://inps.it/r" })).toBe(
      "INPS: richiesta X chiusa. https://inps.it/r",
    );
    expect(smsText("richiesta X chiusa.", { requestUrl: `${long}/r/1`, listUrl: `${long}/r` })).toBe("INPS: richiesta X chiusa.");
  });
});
