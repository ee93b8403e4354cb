import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { signInAsOperator } from "./support/sign-in";

/**
 * Response-time figures (F26): a RESPONSABILE of Roma reads them from the
 * Fascicolo's navigation, corrects a wrong period and downloads the CSV; an
 * OPERATORE has no link and finds no page.
 */

test("a RESPONSABILE reads the response-time figures and downloads the CSV", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsOperator(page, "Marco Bruno");
  await page.getByRole("navigation").getByRole("link", { name: "Tempi di risposta" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tempi di risposta" })).toBeVisible();
  await expect(page.getByText(/^Quesiti di Direzione provinciale di Roma dal \d{2}\/\d{2}\/\d{4} al \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  await expect(page.getByRole("img", { name: "Tempi dalla ricezione: mediana e 90° percentile" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Quesiti ricevuti e chiusi per settimana" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Metà dei quesiti/ }).getByRole("rowheader", { name: "Prima risposta" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Settimane da lunedì a domenica/ }).getByRole("row")).not.toHaveCount(0);
  await expect(page.getByLabel("Sede", { exact: true })).toHaveCount(0);
  await checkPage(page);

  // A period given backwards: refused at its field, in Italian; the default period is shown meanwhile.
  await page.getByLabel("Dal giorno").fill("2026-03-31");
  await page.getByLabel("Al giorno (compreso)").fill("2026-03-01");
  await page.getByRole("button", { name: "Mostra i dati" }).click();
  await expect(page.getByText("La data finale non può precedere quella iniziale.")).toBeVisible();
  await checkPage(page);

  await page.getByLabel("Dal giorno").fill("2026-01-01");
  await page.getByLabel("Al giorno (compreso)").fill("2026-03-31");
  await page.getByRole("button", { name: "Mostra i dati" }).click();
  await expect(page.getByText("Quesiti di Direzione provinciale di Roma dal 01/01/2026 al 31/03/2026", { exact: false })).toBeVisible();
  await checkPage(page);

  const link = page.getByRole("link", { name: "Scarica CSV" });
  const response = await page.request.get((await link.getAttribute("href")) ?? "");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toBe('attachment; filename="tempi-di-risposta-2026-01-01-2026-03-31.csv"');

  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("tempi-di-risposta-2026-01-01-2026-03-31.csv");
  const lines = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "").split("\r\n");
  expect(lines[0]).toMatch(/^Sede;Gestione;Area;Oggetto;Ricevuti;Presi in carico;/);
  expect(lines[1]).toMatch(/^Direzione provinciale di Roma;Totale;;;\d+;/);
});

test("an OPERATORE has no link to the figures and finds no page there", async ({ page }) => {
  await signInAsOperator(page, "Paolo Marino");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "Tempi di risposta" })).toHaveCount(0);
  const response = await page.goto("/fascicolo/statistiche");
  expect(response?.status()).toBe(404);
  expect((await page.request.get("/fascicolo/statistiche/esportazione")).status()).toBe(404);
});

test("an ADMIN reads every office's figures from the daily summary, told the times are approximate", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsOperator(page, "Chiara Gallo");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/fascicolo/statistiche");
  await expect(page.getByText(/^Quesiti di tutte le sedi dal/)).toBeVisible();
  const note = page.getByText(/mediana e 90° percentile sono approssimati all'ora entro le prime 48 ore e al giorno oltre/);
  await expect(note).toBeVisible();
  await expect(page.getByRole("heading", { name: "Per sede e gestione" })).toBeVisible();
  await checkPage(page);

  // One office: the exact figures per subject, no note.
  const sede = page.getByLabel("Sede", { exact: true });
  await sede.selectOption({ index: 1 });
  await page.getByRole("button", { name: "Mostra i dati" }).click();
  await expect(page.getByText(/^Quesiti di tutte le sedi dal/)).toHaveCount(0);
  await expect(note).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Per sede e oggetto" })).toBeVisible();
  await checkPage(page);
});
