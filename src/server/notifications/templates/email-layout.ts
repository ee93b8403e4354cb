import type { EmailContent, TemplateParams } from "./types";

/** What a template writes; the layout adds greeting, details, link and footer. */
export type EmailBody = {
  subject: string;
  heading: string;
  paragraphs: string[];
};

const SERVICE = "INPS – Comunicazione Bidirezionale";
const FOOTER = [
  "Ricevi questo avviso perché il tuo indirizzo è stato indicato per gli avvisi della richiesta.",
  "Il messaggio è inviato automaticamente: non rispondere a questo indirizzo.",
];

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

function details(params: TemplateParams): [string, string][] {
  const rows: [string, string][] = [
    ["Numero di protocollo", params.protocolNumber],
    ["Oggetto", params.subjectLabel],
    ["Stato", params.stateLabel],
  ];
  if (params.esitoLabel) rows.push(["Esito", params.esitoLabel]);
  rows.push(["Sede", params.officeName]);
  return rows;
}

/** The e-mail (and PEC) of a template: the same words as plain text and as accessible HTML. */
export function emailContent(body: EmailBody, params: TemplateParams): EmailContent {
  const rows = details(params);
  const linkLabel = "Apri la richiesta nel Cassetto previdenziale";
  const text = [
    "Gentile utente,",
    "",
    ...body.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...rows.map(([label, value]) => `${label}: ${value}`),
    "",
    `${linkLabel}: ${params.requestUrl}`,
    "",
    ...FOOTER,
    SERVICE,
    "",
  ].join("\n");

  const html = `<!doctype html>
<html lang="it">
<head><meta charset="utf-8"><title>${escapeHtml(body.subject)}</title></head>
<body style="font-family: 'Titillium Web', Arial, sans-serif; color: #1a1a1a; line-height: 1.5;">
<p style="margin: 0 0 16px; font-weight: bold; color: #0066cc;">${escapeHtml(SERVICE)}</p>
<h1 style="font-size: 22px; margin: 0 0 16px;">${escapeHtml(body.heading)}</h1>
<p>Gentile utente,</p>
${body.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n")}
<table role="presentation" style="border-collapse: collapse; margin: 16px 0;">
${rows
  .map(
    ([label, value]) =>
      `<tr><th scope="row" style="text-align: left; padding: 4px 16px 4px 0;">${escapeHtml(label)}</th><td style="padding: 4px 0;">${escapeHtml(value)}</td></tr>`,
  )
  .join("\n")}
</table>
<p><a href="${escapeHtml(params.requestUrl)}" style="color: #0066cc;">${escapeHtml(linkLabel)}</a></p>
${FOOTER.map((line) => `<p style="font-size: 14px; color: #5c6f82;">${escapeHtml(line)}</p>`).join("\n")}
</body>
</html>
`;
  return { subject: body.subject, text, html };
}
