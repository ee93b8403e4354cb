import { expect, test } from "@playwright/test";
import { heldFormPage } from "../../src/app/_lib/http/held-form-page";
import type { HeldForm } from "../../src/server/drafts/held-forms";
import { checkPage } from "./support/page-checks";

// The page a form gets when the database does not answer (its flow is tested in
// tests/integration/requests/database-unavailable.test.ts); here, what a person sees of it.
const heldPage = (form: Pick<HeldForm, "purpose" | "target" | "values" | "files">) =>
  heldFormPage({ reference: `${"0".repeat(8)}-0000-4000-8000-${"0".repeat(12)}.${"a".repeat(43)}`, draftId: null, keptKeys: [], ...form });

const page503 = heldPage({
  purpose: "NUOVA_RICHIESTA",
  target: "0197a000-0000-7000-8000-000000000001",
  values: { text: 'Chiedo la verifica del versamento <di marzo> & "aprile".', email: "mario.rossi@example.it", consentEmail: "on" },
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

test("an istanza's service-unavailable page names the istanza and posts it again to its kind and position", async ({ page }) => {
  await page.setContent(
    heldPage({
      purpose: "ISTANZA",
      target: "rimborso?posizione=0197a000-0000-7000-8000-000000000001",
      values: { text: "Il versamento di marzo è stato eseguito due volte.", importo: "1.234,56", iban: "IT60X0542811101000000123456" },
      files: [],
    }),
  );
  await expect(page.getByRole("alert")).toContainText("L'istanza non è stata inviata");
  await expect(page.getByLabel("Motivi dell'istanza")).toHaveValue("Il versamento di marzo è stato eseguito due volte.");
  await expect(page.locator("form")).toHaveAttribute(
    "action",
    /^\/api\/cassetto\/istanze\/rimborso\?posizione=0197a000-0000-7000-8000-000000000001&riserva=/,
  );
  await expect(page.getByRole("button", { name: "Invia di nuovo l'istanza" })).toBeVisible();
  await checkPage(page);
});
