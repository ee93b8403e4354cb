import "server-only";
import type { QuestionnaireKind } from "@/generated/prisma/enums";
import { romeIsoDay } from "@/lib/rome-dates";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { Actor, ContributorActor } from "@/server/identity/actor";
import { questionsSchema, type Question } from "./schemas";

export type Campaign = { id: string; slug: string; title: string; intro: string; questions: Question[] };

export const QUESTIONNAIRE_NOT_FOUND = "Il questionario non esiste o non è disponibile.";

/** The day of `now` in Rome, as the DATE columns hold it: the finest time an answer keeps. */
export function romeDay(now: Date): Date {
  return new Date(`${romeIsoDay(now)}T00:00:00.000Z`);
}

/** The professionals the questionnaire asks (F16): people acting as intermediary or delegated employee. */
export function isProfessional(actor: Actor): actor is ContributorActor {
  return actor.kind === "contributor" && (actor.profile === "INTERMEDIARIO" || actor.profile === "DIPENDENTE");
}

const campaignSelect = { id: true, slug: true, title: true, intro: true, questions: true } as const;

/** The campaign of this kind open on `now`'s day (the latest opened when two overlap), `slug` if given; null when none. */
export async function openCampaign(kind: QuestionnaireKind, now: Date, slug?: string): Promise<Campaign | null> {
  const today = romeDay(now);
  const row = await prisma.questionnaireCampaign.findFirst({
    where: { kind, slug, opensOn: { lte: today }, OR: [{ closesOn: null }, { closesOn: { gte: today } }] },
    orderBy: [{ opensOn: "desc" }, { slug: "asc" }],
    select: campaignSelect,
  });
  return row && { ...row, questions: questionsSchema.parse(row.questions) };
}

/** The professionals' campaign `slug`, open today, for a professional; anyone else or any other slug: not found. */
export async function professionalsCampaign(
  actor: Actor,
  slug: string,
  now: Date,
): Promise<{ actor: ContributorActor; campaign: Campaign }> {
  const campaign = isProfessional(actor) ? await openCampaign("PROFESSIONISTI", now, slug) : null;
  if (!campaign || !isProfessional(actor)) throw new NotFoundError(QUESTIONNAIRE_NOT_FOUND);
  return { actor, campaign };
}
