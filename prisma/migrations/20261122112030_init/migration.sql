-- CreateEnum
CREATE TYPE "Gestione" AS ENUM ('AZIENDE', 'GS_COMMITTENTI', 'GS_PROFESSIONISTI', 'ARTIGIANI_COMMERCIANTI');

-- CreateEnum
CREATE TYPE "OperatorRole" AS ENUM ('OPERATORE', 'RESPONSABILE', 'ADMIN');

-- CreateEnum
CREATE TYPE "DelegationKind" AS ENUM ('INTERMEDIARIO', 'DIPENDENTE');

-- CreateEnum
CREATE TYPE "DelegationStatus" AS ENUM ('PENDING', 'ACTIVE', 'REVOKED', 'REJECTED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "RequestDirection" AS ENUM ('DAL_CONTRIBUENTE', 'DALLA_SEDE');

-- CreateEnum
CREATE TYPE "ActingProfile" AS ENUM ('TITOLARE', 'INTERMEDIARIO', 'DIPENDENTE');

-- CreateEnum
CREATE TYPE "QuesitoState" AS ENUM ('NUOVO', 'IN_LAVORAZIONE', 'IN_ATTESA_CONTRIBUENTE', 'CHIUSO');

-- CreateEnum
CREATE TYPE "Esito" AS ENUM ('ACCOLTA', 'PARZIALMENTE_ACCOLTA', 'NON_ACCOLTA', 'RISPOSTA_FORNITA');

-- CreateEnum
CREATE TYPE "MessageVisibility" AS ENUM ('PUBBLICO', 'INTERNO');

-- CreateEnum
CREATE TYPE "RequestEventType" AS ENUM ('PROTOCOLLATA', 'SMISTATA', 'PRESA_IN_CARICO', 'RIASSEGNATA', 'RISPOSTA', 'MESSAGGIO_CONTRIBUENTE', 'NOTA_INTERNA', 'STATO_MODIFICATO', 'CHIUSA');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('EMAIL', 'PEC', 'SMS');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED_TEMPORARY', 'FAILED_PERMANENT');

-- CreateTable
CREATE TABLE "GestioneSettings" (
    "gestione" "Gestione" NOT NULL,
    "label" TEXT NOT NULL,
    "maxFiles" INTEGER NOT NULL,
    "maxBytesPerFile" INTEGER NOT NULL,
    "pecRequired" BOOLEAN NOT NULL DEFAULT false,
    "emailOrPhoneRequired" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GestioneSettings_pkey" PRIMARY KEY ("gestione")
);

-- CreateTable
CREATE TABLE "Office" (
    "id" UUID NOT NULL,
    "code" VARCHAR(4) NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Office_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficeCompetence" (
    "province" VARCHAR(2) NOT NULL,
    "officeId" UUID NOT NULL,

    CONSTRAINT "OfficeCompetence_pkey" PRIMARY KEY ("province")
);

-- CreateTable
CREATE TABLE "Subject" (
    "id" UUID NOT NULL,
    "gestione" "Gestione" NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "parentId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "routeToOfficeId" UUID,

    CONSTRAINT "Subject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "codiceFiscale" VARCHAR(16) NOT NULL,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactProfile" (
    "personId" UUID NOT NULL,
    "email" TEXT,
    "pec" TEXT,
    "mobile" TEXT,
    "landline" TEXT,
    "fax" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContactProfile_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "Operator" (
    "id" UUID NOT NULL,
    "codiceFiscale" VARCHAR(16) NOT NULL,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "OperatorRole" NOT NULL DEFAULT 'OPERATORE',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "officeId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Operator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Position" (
    "id" UUID NOT NULL,
    "gestione" "Gestione" NOT NULL,
    "matricola" TEXT NOT NULL,
    "denominazione" TEXT NOT NULL,
    "province" VARCHAR(2) NOT NULL,
    "holderId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Position_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delegation" (
    "id" UUID NOT NULL,
    "kind" "DelegationKind" NOT NULL,
    "status" "DelegationStatus" NOT NULL DEFAULT 'PENDING',
    "holderId" UUID NOT NULL,
    "delegateId" UUID NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Delegation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DelegationScope" (
    "delegationId" UUID NOT NULL,
    "positionId" UUID NOT NULL,

    CONSTRAINT "DelegationScope_pkey" PRIMARY KEY ("delegationId","positionId")
);

-- CreateTable
CREATE TABLE "Request" (
    "id" UUID NOT NULL,
    "direction" "RequestDirection" NOT NULL DEFAULT 'DAL_CONTRIBUENTE',
    "positionId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "submittedById" UUID,
    "actingProfile" "ActingProfile",
    "holderId" UUID NOT NULL,
    "contactEmail" TEXT,
    "contactPec" TEXT,
    "contactMobile" TEXT,
    "contactLandline" TEXT,
    "contactFax" TEXT,
    "extraEmail" TEXT,
    "consentEmail" BOOLEAN NOT NULL DEFAULT false,
    "consentSms" BOOLEAN NOT NULL DEFAULT false,
    "consentPec" BOOLEAN NOT NULL DEFAULT false,
    "protocolNumber" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quesito" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "assigneeId" UUID,
    "state" "QuesitoState" NOT NULL DEFAULT 'NUOVO',
    "esito" "Esito",
    "dueAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "takenAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Quesito_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProtocolCounter" (
    "officeId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "lastValue" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProtocolCounter_pkey" PRIMARY KEY ("officeId","year")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "visibility" "MessageVisibility" NOT NULL DEFAULT 'PUBBLICO',
    "body" TEXT NOT NULL,
    "authorPersonId" UUID,
    "authorOperatorId" UUID,
    "actingProfile" "ActingProfile",
    "bundleKey" TEXT,
    "bundleSize" INTEGER,
    "bundleSha256" VARCHAR(64),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "messageId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestEvent" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "type" "RequestEventType" NOT NULL,
    "actorPersonId" UUID,
    "actorOperatorId" UUID,
    "fromState" "QuesitoState",
    "toState" "QuesitoState",
    "comment" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "requestId" UUID,
    "eventId" UUID,
    "channel" "NotificationChannel" NOT NULL,
    "recipient" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "templateVersion" INTEGER NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "providerMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Office_code_key" ON "Office"("code");

-- CreateIndex
CREATE INDEX "OfficeCompetence_officeId_idx" ON "OfficeCompetence"("officeId");

-- CreateIndex
CREATE INDEX "Subject_gestione_parentId_sortOrder_idx" ON "Subject"("gestione", "parentId", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "Subject_gestione_code_key" ON "Subject"("gestione", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Person_codiceFiscale_key" ON "Person"("codiceFiscale");

-- CreateIndex
CREATE UNIQUE INDEX "Operator_codiceFiscale_key" ON "Operator"("codiceFiscale");

-- CreateIndex
CREATE INDEX "Operator_officeId_active_idx" ON "Operator"("officeId", "active");

-- CreateIndex
CREATE INDEX "Position_holderId_idx" ON "Position"("holderId");

-- CreateIndex
CREATE INDEX "Position_officeId_idx" ON "Position"("officeId");

-- CreateIndex
CREATE UNIQUE INDEX "Position_gestione_matricola_key" ON "Position"("gestione", "matricola");

-- CreateIndex
CREATE INDEX "Delegation_delegateId_status_idx" ON "Delegation"("delegateId", "status");

-- CreateIndex
CREATE INDEX "Delegation_holderId_idx" ON "Delegation"("holderId");

-- CreateIndex
CREATE INDEX "DelegationScope_positionId_idx" ON "DelegationScope"("positionId");

-- CreateIndex
CREATE UNIQUE INDEX "Request_protocolNumber_key" ON "Request"("protocolNumber");

-- CreateIndex
CREATE INDEX "Request_positionId_createdAt_idx" ON "Request"("positionId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Request_positionId_lastActivityAt_idx" ON "Request"("positionId", "lastActivityAt" DESC);

-- CreateIndex
CREATE INDEX "Request_holderId_createdAt_idx" ON "Request"("holderId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Request_subjectId_idx" ON "Request"("subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "Request_submittedById_idempotencyKey_key" ON "Request"("submittedById", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Quesito_requestId_key" ON "Quesito"("requestId");

-- CreateIndex
CREATE INDEX "Quesito_officeId_state_receivedAt_idx" ON "Quesito"("officeId", "state", "receivedAt");

-- CreateIndex
CREATE INDEX "Quesito_assigneeId_state_idx" ON "Quesito"("assigneeId", "state");

-- CreateIndex
CREATE INDEX "Message_requestId_createdAt_idx" ON "Message"("requestId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_messageId_idx" ON "Attachment"("messageId");

-- CreateIndex
CREATE INDEX "RequestEvent_requestId_createdAt_idx" ON "RequestEvent"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_requestId_idx" ON "Notification"("requestId");

-- CreateIndex
CREATE INDEX "Notification_status_updatedAt_idx" ON "Notification"("status", "updatedAt");

-- AddForeignKey
ALTER TABLE "OfficeCompetence" ADD CONSTRAINT "OfficeCompetence_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subject" ADD CONSTRAINT "Subject_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Subject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subject" ADD CONSTRAINT "Subject_routeToOfficeId_fkey" FOREIGN KEY ("routeToOfficeId") REFERENCES "Office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactProfile" ADD CONSTRAINT "ContactProfile_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Operator" ADD CONSTRAINT "Operator_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_holderId_fkey" FOREIGN KEY ("holderId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_holderId_fkey" FOREIGN KEY ("holderId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_delegateId_fkey" FOREIGN KEY ("delegateId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelegationScope" ADD CONSTRAINT "DelegationScope_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelegationScope" ADD CONSTRAINT "DelegationScope_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_holderId_fkey" FOREIGN KEY ("holderId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quesito" ADD CONSTRAINT "Quesito_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quesito" ADD CONSTRAINT "Quesito_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quesito" ADD CONSTRAINT "Quesito_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Operator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolCounter" ADD CONSTRAINT "ProtocolCounter_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_authorPersonId_fkey" FOREIGN KEY ("authorPersonId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_authorOperatorId_fkey" FOREIGN KEY ("authorOperatorId") REFERENCES "Operator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_actorPersonId_fkey" FOREIGN KEY ("actorPersonId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_actorOperatorId_fkey" FOREIGN KEY ("actorOperatorId") REFERENCES "Operator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "RequestEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
