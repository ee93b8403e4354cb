-- CreateIndex
CREATE INDEX "Message_bundleKey_idx" ON "Message"("bundleKey");
