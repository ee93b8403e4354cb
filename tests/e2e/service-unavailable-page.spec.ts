import { expect, test } from "@playwright/test";
import { heldFormPage } from "../../src/app/_lib/http/held-form-page";
import { checkPage } from "./support/page-checks";

// The page a form gets when the database does not answer (its flow is tested in
// tests/integration/requests/database-unavailable.test.ts); here, what a person sees of it.
const page503 = heldFormPage({
  reference: `${"0".repeat(8)}-0000-4000-8000-${"0".repeat(12)}.${"a".repeat(43)}`,
  purpose: "NUOVA_RICHIESTA",
  target: "0197a000-0000-7000-8000-000000000001",
  values: { text: 'Chiedo la verifica del versamento <di marzo> & "aprile".', email: "mario.rossi@example.it", consentEmail: "on" },
  draftId: null,
  keptKeys: [],
  files: [
    { fileName: "estratto conto marzo 2026.pdf", mimeType: "application/pdf", size: 1_572_864, sha256: "0".repeat(64), tempPath: "/x" },
  ],
});

test("the service-unavailable page is Italian, accessible, reflows at 320 px and shows the typed text again", async ({ page }) => {
  await page.setContent(page503);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Il servizio è momentaneamente non disponibile");
  await expect(page.getByRole("alert")).toContainText("La richiesta non è stata inviata");
  await expect(page.getByLabel("Testo della richiesta")).toHaveValue('Chiedo la verifica del versamento <di marzo> & "aprile".');
  await expect(page.getByText("estratto conto marzo 2026.pdf (1,5 MB)")).toBeVisible();
  await expect(page.getByRole("button", { name: "Invia di nuovo la richiesta" })).toBeVisible();
  await checkPage(page);

  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
