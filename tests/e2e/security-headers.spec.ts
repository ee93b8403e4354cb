import { expect, test } from "@playwright/test";
import { checkPage } from "./support/page-checks";

function nonceOf(policy: string | undefined): string {
  const nonce = /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
  expect(nonce, `nonce nella Content-Security-Policy «${policy}»`).toBeTruthy();
  return nonce!;
}

test("every page comes with a Content-Security-Policy whose fresh nonce is on Next.js's own scripts", async ({ request }) => {
  const first = await request.get("/note-legali");
  const second = await request.get("/note-legali");
  const policy = first.headers()["content-security-policy"];
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).toContain("object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
  const nonce = nonceOf(policy);
  expect(nonceOf(second.headers()["content-security-policy"])).not.toBe(nonce);

  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

  expect(first.headers()).toMatchObject({
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
  });
  expect(first.headers()["permissions-policy"]).toContain("camera=()");
  expect(first.headers()["cross-origin-opener-policy"]).toBe("same-origin");
  // The e2e portal is served over plain http: no HSTS (it would pin localhost to https).
  expect(first.headers()).not.toHaveProperty("strict-transport-security");
});

test("a script slipped into the markup without the nonce is blocked, and the page check reports it", async ({ page }) => {
  // Stands in for an injection that escaped the templates: the portal's own response, one script added.
  await page.route("**/note-legali", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("</body>", "<script>document.title = 'iniettato'</script></body>");
    await route.fulfill({ response, body: html });
  });
  await page.goto("/note-legali");
  await expect(page).toHaveTitle(/Note legali/);
  await expect(checkPage(page, { axe: false })).rejects.toThrow(/Violazioni della Content-Security-Policy[\s\S]*script-src-elem/);
});
