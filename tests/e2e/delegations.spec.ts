import { expect, test } from "@playwright/test";
import { expectNoAccessibilityViolations } from "./support/accessibility";
import { signInAsContributor } from "./support/sign-in";

// Luca Conti's delegation from Esposito Costruzioni is used by no other e2e test.
test("a holder revokes an intermediary's delegation and the intermediary loses the client at once", async ({ browser }) => {
  const intermediaryContext = await browser.newContext();
  const intermediary = await intermediaryContext.newPage();
  await signInAsContributor(intermediary, "Luca Conti");
  await expect(intermediary.getByRole("region", { name: "Antonio Esposito" })).toBeVisible();

  const holderContext = await browser.newContext();
  const holder = await holderContext.newPage();
  await signInAsContributor(holder, "Antonio Esposito");
  await holder.getByRole("link", { name: "Deleghe" }).click();
  await expect(holder.getByRole("heading", { level: 1, name: "Deleghe" })).toBeVisible();
  await expectNoAccessibilityViolations(holder);
  const reason = holder.getByLabel("Motivo della revoca della delega a Luca Conti");
  await reason.fill("Cambio di consulente del lavoro.");
  await holder.locator("form", { has: reason }).getByRole("button", { name: "Revoca la delega" }).click();
  await expect(holder.getByText("Delega revocata: il delegato non può più operare sulle posizioni indicate.")).toBeVisible();
  await expectNoAccessibilityViolations(holder);

  await intermediary.goto("/cassetto");
  await expect(intermediary.getByRole("region", { name: "Antonio Esposito" })).toHaveCount(0);
  await expect(intermediary.getByRole("region", { name: "Giulia Bianchi" })).toBeVisible();
  await intermediaryContext.close();
  await holderContext.close();
});
