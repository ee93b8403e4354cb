import { z } from "zod";

export const chooseProfileSchema = z.object({
  profile: z.enum(["TITOLARE", "INTERMEDIARIO", "DIPENDENTE"], { message: "Scegliere un profilo tra quelli proposti." }),
  callbackUrl: z.string().optional(),
});
