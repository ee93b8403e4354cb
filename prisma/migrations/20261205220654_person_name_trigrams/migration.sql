-- CreateIndex
CREATE INDEX "Person_familyName_idx" ON "Person" USING GIN ("familyName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Person_givenName_idx" ON "Person" USING GIN ("givenName" gin_trgm_ops);
