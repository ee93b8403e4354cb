import "server-only";
import type { ActingProfile, SmartTaskKind, SmartTaskOpening } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "@/server/identity/actor";
import { smartTaskKinds } from "@/server/smart-tasks/kinds";
import { assertAdmin } from "./policy";

export type SmartTaskKindEnablement = {
  kind: SmartTaskKind;
  label: string;
  filers: readonly ActingProfile[];
  opening: SmartTaskOpening;
  /** 0 while the kind was never set (disabled). */
  version: number;
};

export type SmartTaskEnablementView = {
  kinds: SmartTaskKindEnablement[];
  pilotGroup: { codiciFiscali: string[]; version: number };
};

/** Every Smart-Task kind with who may file it now, and the pilot group, with the versions the forms carry (decision 0046). */
export async function getSmartTaskEnablement(actor: OperatorActor): Promise<SmartTaskEnablementView> {
  assertAdmin(actor);
  const [rows, group] = await Promise.all([
    prisma.smartTaskEnablement.findMany(),
    prisma.smartTaskPilotGroup.findUnique({ where: { id: 1 } }),
  ]);
  return {
    kinds: (Object.keys(smartTaskKinds) as SmartTaskKind[]).map((kind) => {
      const row = rows.find((candidate) => candidate.kind === kind);
      const { label, filers } = smartTaskKinds[kind];
      return { kind, label, filers, opening: row?.opening ?? "DISABILITATO", version: row?.version ?? 0 };
    }),
    pilotGroup: { codiciFiscali: group?.codiciFiscali ?? [], version: group?.version ?? 0 },
  };
}
