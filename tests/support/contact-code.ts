import { prisma } from "@/server/db/client";

/** The verification code as the notification sent to the new address carries it. */
export async function codeSentTo(recipient: string): Promise<string> {
  const sent = await prisma.notification.findFirstOrThrow({
    where: { recipient, template: "contact-verification-code" },
    orderBy: { createdAt: "desc" },
  });
  const code = /[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(sent.body)?.[0];
  if (!code) throw new Error("the message carries a code");
  return code;
}
