-- CreateTable
CREATE TABLE "CommunicationRead" (
    "requestId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "actingProfile" "ActingProfile" NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommunicationRead_pkey" PRIMARY KEY ("requestId","personId")
);

-- CreateIndex
CREATE INDEX "CommunicationRead_personId_requestId_idx" ON "CommunicationRead"("personId", "requestId");

-- CreateIndex
CREATE INDEX "Request_direction_positionId_createdAt_idx" ON "Request"("direction", "positionId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "CommunicationRead" ADD CONSTRAINT "CommunicationRead_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunicationRead" ADD CONSTRAINT "CommunicationRead_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
