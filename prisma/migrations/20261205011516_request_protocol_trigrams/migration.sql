-- pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Request_protocolNumber_idx" ON "Request" USING GIN ("protocolNumber" gin_trgm_ops);
