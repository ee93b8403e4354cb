-- AlterTable
ALTER TABLE "Quesito" ADD COLUMN     "holderId" UUID;

-- The holder of each quesito's request (decision 0041): the contributor
-- search's quesiti arm probes one entry of (holderId, officeId) per person
-- instead of each of the person's requests. One UPDATE of the table: on a
-- big production table, apply it in a quiet window (docs/operations.md).
UPDATE "Quesito" q SET "holderId" = r."holderId" FROM "Request" r WHERE r.id = q."requestId";

-- The trigger that copies the direction copies the holder too, whoever writes
-- the quesito. A request's holder is the position's holder when it was sent
-- and is never updated, nor is a quesito's request: the insert is all there
-- is to follow.
CREATE OR REPLACE FUNCTION quesito_direction_from_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT direction, "holderId" INTO NEW.direction, NEW."holderId" FROM "Request" WHERE id = NEW."requestId";
  RETURN NEW;
END;
$$;

-- Optional in the Prisma schema only so that writers may leave it out: never null in fact.
ALTER TABLE "Quesito" ADD CONSTRAINT "Quesito_holderId_not_null" CHECK ("holderId" IS NOT NULL);

-- CreateIndex
CREATE INDEX "Quesito_holderId_officeId_idx" ON "Quesito"("holderId", "officeId");

-- AddForeignKey
ALTER TABLE "Quesito" ADD CONSTRAINT "Quesito_holderId_fkey" FOREIGN KEY ("holderId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
