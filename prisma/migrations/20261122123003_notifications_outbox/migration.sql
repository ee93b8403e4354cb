-- AlterEnum
ALTER TYPE "NotificationStatus" ADD VALUE 'DELIVERED';

-- AlterTable
ALTER TABLE "GestioneSettings" ADD COLUMN     "notificationChannels" "NotificationChannel"[] DEFAULT ARRAY['EMAIL', 'PEC', 'SMS']::"NotificationChannel"[];

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "body" TEXT NOT NULL,
ADD COLUMN     "deliveredAt" TIMESTAMP(3),
ADD COLUMN     "failedAt" TIMESTAMP(3),
ADD COLUMN     "failureReason" TEXT,
ADD COLUMN     "htmlBody" TEXT,
ADD COLUMN     "subject" TEXT;

-- CreateIndex
CREATE INDEX "Notification_providerMessageId_idx" ON "Notification"("providerMessageId");
