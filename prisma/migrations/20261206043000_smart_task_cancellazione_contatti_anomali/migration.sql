-- AlterEnum
ALTER TYPE "SmartTaskKind" ADD VALUE 'CANCELLAZIONE_CONTATTI_ANOMALI';

-- CreateIndex
CREATE INDEX "Notification_channel_recipient_status_createdAt_idx" ON "Notification"("channel", "recipient", "status", "createdAt");
