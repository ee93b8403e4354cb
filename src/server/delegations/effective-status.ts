import type { DelegationStatus } from "@/generated/prisma/enums";

/** The status a person reads: an ACTIVE delegation past its end date has expired, whatever the stored status says. */
export function effectiveStatus(delegation: { status: DelegationStatus; validTo: Date | null }, now: Date): DelegationStatus {
  if (delegation.status === "ACTIVE" && delegation.validTo !== null && delegation.validTo <= now) return "EXPIRED";
  return delegation.status;
}
