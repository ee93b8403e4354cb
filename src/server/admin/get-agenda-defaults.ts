import "server-only";
import { readAgendaDefaults, type AgendaRuleValues } from "@/server/agenda/agenda-defaults";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "@/server/identity/actor";
import { assertAdmin } from "./policy";

export type AgendaDefaultsView = AgendaRuleValues & {
  version: number;
  /** Offices whose agenda is open and still follows the defaults, and those with rules of their own. */
  following: number;
  ownRules: number;
};

/** The rules new offices' agendas start from, and how many offices follow them (decision 0047). */
export async function getAgendaDefaults(actor: OperatorActor): Promise<AgendaDefaultsView> {
  assertAdmin(actor);
  const [defaults, following, ownRules] = await Promise.all([
    readAgendaDefaults(prisma),
    prisma.agendaSettings.count({ where: { ownRules: false } }),
    prisma.agendaSettings.count({ where: { ownRules: true } }),
  ]);
  return { ...defaults, following, ownRules };
}
