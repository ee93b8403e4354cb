-- AlterTable
ALTER TABLE "Quesito" ADD COLUMN     "direction" "RequestDirection" NOT NULL DEFAULT 'DAL_CONTRIBUENTE';

-- The direction of each quesito's request (decision 0041): the office's own
-- communications are the only other kind. One UPDATE of the table: on a big
-- production table, apply it in a quiet window (docs/operations.md).
UPDATE "Quesito" q SET direction = r.direction FROM "Request" r WHERE r.id = q."requestId" AND r.direction <> 'DAL_CONTRIBUENTE';

-- From now on every insert copies it from the request, whoever writes the
-- quesito (services, fixtures, benchmarks' SQL). A request's direction never
-- changes, nor does a quesito's request: the insert is all there is to follow.
CREATE FUNCTION quesito_direction_from_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT direction INTO NEW.direction FROM "Request" WHERE id = NEW."requestId";
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Quesito_direction_from_request" BEFORE INSERT ON "Quesito"
FOR EACH ROW EXECUTE FUNCTION quesito_direction_from_request();
