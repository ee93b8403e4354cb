import { expect, test } from "@playwright/test";
import { checkPage } from "./support/page-checks";
import { signInAsContributor, signInAsOperator } from "./support/sign-in";

test("a session cookie copied before Esci opens nothing afterwards", async ({ page, browser, baseURL }) => {
  await signInAsContributor(page, "Mario Rossi");
  await expect(page).toHaveURL(/\/cassetto$/);
  const copied = (await page.context().cookies()).find((cookie) => cookie.name === "cb.cassetto.session-token");
  expect(copied).toBeDefined();

  await page.getByRole("button", { name: "Esci", exact: true }).click();
  await expect(page.getByText("Sei uscito dal servizio.")).toBeVisible();

  const elsewhere = await browser.newContext({ baseURL });
  await elsewhere.addCookies([copied!]);
  const replay = await elsewhere.newPage();
  await replay.goto("/cassetto");
  await expect(replay).toHaveURL(/\/accesso/);
  await elsewhere.close();
});

test("next-auth's session endpoint reports a session ended on the server as nobody's", async ({ page, browser, baseURL }) => {
  await signInAsContributor(page, "Mario Rossi");
  await expect(page).toHaveURL(/\/cassetto$/);
  const signedIn = await (await page.request.get("/api/auth/session?realm=cassetto")).json();
  expect(signedIn).toMatchObject({ realm: "cassetto", subjectId: expect.any(String) });
  const copied = (await page.context().cookies()).find((cookie) => cookie.name === "cb.cassetto.session-token");

  await page.getByRole("button", { name: "Esci", exact: true }).click();
  await expect(page.getByText("Sei uscito dal servizio.")).toBeVisible();

  const elsewhere = await browser.newContext({ baseURL });
  await elsewhere.addCookies([copied!]);
  const response = await elsewhere.request.get("/api/auth/session?realm=cassetto");
  expect(await response.json()).toEqual({});
  expect(response.headers()["set-cookie"]).toMatch(/cb\.cassetto\.session-token=;/);
  await elsewhere.close();
});

test("Esci da tutti i dispositivi ends the operator's sessions in every browser", async ({ page, browser, baseURL }) => {
  const otherDevice = await browser.newContext({ baseURL });
  const otherPage = await otherDevice.newPage();
  await signInAsOperator(otherPage, "Marco Bruno");
  await expect(otherPage).toHaveURL(/\/fascicolo$/);

  await signInAsOperator(page, "Marco Bruno");
  await expect(page).toHaveURL(/\/fascicolo$/);
  await page.getByRole("link", { name: "Esci da tutti i dispositivi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Uscire dal servizio?" })).toBeVisible();
  await checkPage(page);
  await page.getByRole("button", { name: "Esci da tutti i dispositivi" }).click();
  await expect(page.getByText("Sei uscito dal servizio su tutti i dispositivi.")).toBeVisible();
  await expect(page).toHaveURL(/\/fascicolo\/accesso/);

  await page.goto("/fascicolo");
  await expect(page).toHaveURL(/\/fascicolo\/accesso/);
  await otherPage.goto("/fascicolo");
  await expect(otherPage).toHaveURL(/\/fascicolo\/accesso/);
  await otherDevice.close();
});
