import { formatFileSize } from "@/server/attachments/upload-messages";
import type { HeldForm } from "@/server/drafts/held-forms";
import { DRAFT_FIELD, HELD_FORM_FIELD, KEPT_FILES_FIELD } from "@/server/drafts/schemas";

/**
 * "Il servizio è momentaneamente non disponibile": the page answered (503)
 * to a form posted while the database did not answer, never a bare 500. A
 * whole page of its own, written here, because the app's layouts read the
 * database: plain HTML with the service's colours, no script, the text
 * typed shown again in a form that posts it once more with the files kept
 * (docs/decisions/0011). Pure, so that its accessibility is checked alone
 * (tests/e2e/service-unavailable-page.spec.ts).
 */

type HeldFormPage = { title: string; textLabel: string; action: (target: string, query: URLSearchParams) => string; send: string };

const pages: Record<HeldForm["purpose"], HeldFormPage> = {
  NUOVA_RICHIESTA: {
    title: "La richiesta non è stata inviata",
    textLabel: "Testo della richiesta",
    action: (target, query) => `/api/cassetto/richieste?${new URLSearchParams({ posizione: target, ...Object.fromEntries(query) })}`,
    send: "Invia di nuovo la richiesta",
  },
  MESSAGGIO_RICHIESTA: {
    title: "Il messaggio non è stato inviato",
    textLabel: "Testo del messaggio",
    action: (target, query) => `/api/cassetto/richieste/${encodeURIComponent(target)}/messaggi?${query}`,
    send: "Invia di nuovo il messaggio",
  },
  ISTANZA: {
    title: "L'istanza non è stata inviata",
    textLabel: "Motivi dell'istanza",
    // The target is the kind and its position, as the route's address ends (api/cassetto/istanze/[tipo]).
    action: (target, query) => `/api/cassetto/istanze/${target}&${query}`,
    send: "Invia di nuovo l'istanza",
  },
};

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:"Titillium Web",Geneva,Tahoma,sans-serif;color:#1a1a1a;background:#fff;line-height:1.5;font-size:1.125rem}
.container{max-width:60rem;margin:0 auto;padding:0 1rem}
header{background:#0066cc;color:#fff;padding:1rem 0}
header p{margin:0;font-weight:700;font-size:1.25rem}
main{padding:2rem 0 3rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 1rem;overflow-wrap:break-word}
@media (max-width:30rem){h1{font-size:1.5rem}}
.alert{border-left:4px solid #995c00;background:#fff8eb;padding:1rem;margin:0 0 1.5rem}
label{display:block;font-weight:600;margin:0 0 .25rem}
textarea{width:100%;min-height:12rem;font:inherit;padding:.5rem;border:1px solid #5c6f82;border-radius:4px}
ul{padding-left:1.25rem}
button{font:inherit;font-weight:600;color:#fff;background:#0066cc;border:0;border-radius:4px;padding:.75rem 1.5rem;cursor:pointer}
a{color:#0066cc}
:focus-visible{outline:3px solid #995c00;outline-offset:2px}
footer{background:#001a33;color:#fff;padding:1.5rem 0}
footer a{color:#fff}
`;

/** The page for a held form: what happened, the text again (editable), the files kept, and a button that posts it all again. */
export function heldFormPage(held: HeldForm): string {
  const form = pages[held.purpose];
  const query = new URLSearchParams({ [HELD_FORM_FIELD]: held.reference, ...(held.draftId ? { [DRAFT_FIELD]: held.draftId } : {}) });
  const action = form.action(held.target, query);
  const hidden = Object.entries(held.values)
    .filter(([name]) => name !== "text")
    .concat(held.keptKeys.map((key) => [KEPT_FILES_FIELD, key]))
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
  const files =
    held.files.length > 0
      ? `<h2>File conservati</h2>
<p>Saranno inviati con il testo, senza doverli allegare di nuovo:</p>
<ul>${held.files.map((file) => `<li>${escapeHtml(file.fileName)} (${formatFileSize(file.size)})</li>`).join("")}</ul>`
      : "";
  return `<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Servizio momentaneamente non disponibile | INPS – Comunicazione Bidirezionale</title>
<style>${STYLE}</style>
</head>
<body>
<header><div class="container"><p>INPS – Comunicazione Bidirezionale</p></div></header>
<main id="contenuto"><div class="container">
<h1>Il servizio è momentaneamente non disponibile</h1>
<div class="alert" role="alert"><p><strong>${escapeHtml(form.title)}.</strong> In questo momento non è possibile registrarla.
Quanto hai scritto${held.files.length > 0 || held.keptKeys.length > 0 ? " e i file allegati sono stati conservati" : " è stato conservato"} per 24 ore:
riprova tra qualche minuto con il pulsante qui sotto, senza riscrivere nulla.</p></div>
<form method="post" enctype="multipart/form-data" action="${escapeHtml(action)}">
${hidden}
<p><label for="text">${escapeHtml(form.textLabel)}</label>
<textarea id="text" name="text" rows="10">${escapeHtml(held.values.text ?? "")}</textarea></p>
${files}
<p><button type="submit">${escapeHtml(form.send)}</button></p>
</form>
<p><a href="/">Torna alla pagina iniziale</a></p>
</div></main>
<footer><div class="container"><p>INPS – Istituto Nazionale Previdenza Sociale · <a href="/accessibilita">Dichiarazione di accessibilità</a></p></div></footer>
</body>
</html>`;
}
