-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "sentByOperatorId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "Request_sentByOperatorId_idempotencyKey_key" ON "Request"("sentByOperatorId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_sentByOperatorId_fkey" FOREIGN KEY ("sentByOperatorId") REFERENCES "Operator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
