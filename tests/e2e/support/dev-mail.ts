import { expect, type Page } from "@playwright/test";

/** The code of the last verification message captured for `recipient` at /dev/posta (demo mode, no SMTP). */
export async function codeSentTo(page: Page, recipient: string): Promise<string> {
  let code = "";
  await expect(async () => {
    await page.goto("/dev/posta");
    const mailbox = page.getByRole("region", { name: new RegExp(`^${recipient.replaceAll(".", "\\.")}`) });
    const message = mailbox.getByRole("article", { name: "Codice di verifica del nuovo indirizzo" }).last();
    code = /[A-Z0-9]{4}-[A-Z0-9]{4}/.exec((await message.textContent({ timeout: 500 })) ?? "")?.[0] ?? "";
    expect(code).not.toBe("");
  }).toPass({ timeout: 30_000 });
  return code;
}
