-- CreateEnum
CREATE TYPE "SessionRealm" AS ENUM ('CASSETTO', 'FASCICOLO');

-- CreateEnum
CREATE TYPE "SessionEndReason" AS ENUM ('SIGN_OUT', 'SIGN_OUT_EVERYWHERE', 'OPERATOR_DEACTIVATED', 'IDLE_TIMEOUT');

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" UUID NOT NULL,
    "realm" "SessionRealm" NOT NULL,
    "personId" UUID,
    "operatorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endReason" "SessionEndReason",

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id"),
    -- Exactly the subject of its realm: a person on the Cassetto, an operator on the Fascicolo.
    CONSTRAINT "AuthSession_subject_of_realm" CHECK (
        ("realm" = 'CASSETTO' AND "personId" IS NOT NULL AND "operatorId" IS NULL)
        OR ("realm" = 'FASCICOLO' AND "operatorId" IS NOT NULL AND "personId" IS NULL)
    )
);

-- CreateIndex
CREATE INDEX "AuthSession_personId_idx" ON "AuthSession"("personId");

-- CreateIndex
CREATE INDEX "AuthSession_operatorId_idx" ON "AuthSession"("operatorId");

-- CreateIndex
CREATE INDEX "AuthSession_expiresAt_idx" ON "AuthSession"("expiresAt");

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "Operator"("id") ON DELETE CASCADE ON UPDATE CASCADE;
