-- Italian full-text search over requests (decision 0035).

-- unaccent is a trusted extension (PostgreSQL 13+): the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- The Italian configuration with accents folded before stemming, so that "citta" finds "città" and back.
CREATE TEXT SEARCH CONFIGURATION portal_italian (COPY = pg_catalog.italian);
ALTER TEXT SEARCH CONFIGURATION portal_italian ALTER MAPPING FOR hword, hword_part, word WITH unaccent, italian_stem;

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "internalSearchVector" tsvector NOT NULL DEFAULT ''::tsvector,
ADD COLUMN     "searchVector" tsvector NOT NULL DEFAULT ''::tsvector;

-- The messages of a request with one visibility, oldest first, as one text; NULL when there is none.
CREATE FUNCTION request_search_messages(request_id uuid, shown "MessageVisibility") RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT string_agg(body, E'\n' ORDER BY "createdAt", id) FROM "Message" WHERE "requestId" = request_id AND visibility = shown
$$;

-- The names of their files, with the separators of file names as spaces: the parser reads
-- "ricevuta_pagamento.pdf" as one host name, not as two words.
CREATE FUNCTION request_search_files(request_id uuid, shown "MessageVisibility") RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT string_agg(regexp_replace(a."fileName", '[._-]+', ' ', 'g'), E'\n' ORDER BY a."createdAt", a.id)
  FROM "Attachment" a JOIN "Message" m ON m.id = a."messageId"
  WHERE m."requestId" = request_id AND m.visibility = shown
$$;

-- The weighted document: subject A, text B, file names C.
CREATE FUNCTION request_search_vector(subject text, body text, files text) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('portal_italian', coalesce(subject, '')), 'A')
      || setweight(to_tsvector('portal_italian', coalesce(body, '')), 'B')
      || setweight(to_tsvector('portal_italian', coalesce(files, '')), 'C')
$$;

-- The request's text is its first public message; a request without messages is searched by its text.
-- A new request has no messages yet (they refer to it).
CREATE FUNCTION request_search_document() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW."searchVector" := request_search_vector((SELECT label FROM "Subject" WHERE id = NEW."subjectId"), NEW.text, NULL);
    RETURN NEW;
  END IF;
  NEW."searchVector" := request_search_vector(
    (SELECT label FROM "Subject" WHERE id = NEW."subjectId"),
    coalesce(request_search_messages(NEW.id, 'PUBBLICO'), NEW.text),
    request_search_files(NEW.id, 'PUBBLICO'));
  NEW."internalSearchVector" := request_search_vector(NULL, request_search_messages(NEW.id, 'INTERNO'), request_search_files(NEW.id, 'INTERNO'));
  RETURN NEW;
END
$$;

CREATE TRIGGER request_search_document BEFORE INSERT OR UPDATE OF "text", "subjectId" ON "Request"
FOR EACH ROW EXECUTE FUNCTION request_search_document();

-- Messages, files and subject labels rewrite the documents they are part of, once per statement:
-- a bulk insert of messages rewrites each request once.
CREATE FUNCTION request_search_after_messages() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Request" SET "text" = "text" WHERE id IN (SELECT "requestId" FROM changed_rows);
  RETURN NULL;
END
$$;

CREATE TRIGGER request_search_after_message_insert AFTER INSERT ON "Message"
REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION request_search_after_messages();

-- Threads are append-only; should a message's text or visibility change, its request follows.
CREATE FUNCTION request_search_after_message_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Request" SET "text" = "text" WHERE id IN (OLD."requestId", NEW."requestId");
  RETURN NULL;
END
$$;

CREATE TRIGGER request_search_after_message_update AFTER UPDATE OF body, visibility, "requestId" ON "Message"
FOR EACH ROW EXECUTE FUNCTION request_search_after_message_change();

CREATE FUNCTION request_search_after_files() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Request" SET "text" = "text"
  WHERE id IN (SELECT m."requestId" FROM "Message" m JOIN changed_rows a ON a."messageId" = m.id);
  RETURN NULL;
END
$$;

CREATE TRIGGER request_search_after_file_insert AFTER INSERT ON "Attachment"
REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION request_search_after_files();

CREATE FUNCTION request_search_after_subjects() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Request" SET "text" = "text"
  WHERE "subjectId" IN (SELECT n.id FROM changed_rows n JOIN previous_rows o ON o.id = n.id WHERE n.label IS DISTINCT FROM o.label);
  RETURN NULL;
END
$$;

CREATE TRIGGER request_search_after_subject_update AFTER UPDATE ON "Subject"
REFERENCING OLD TABLE AS previous_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION request_search_after_subjects();

-- The requests already there.
UPDATE "Request" SET "text" = "text";

-- CreateIndex
CREATE INDEX "Request_searchVector_idx" ON "Request" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Request_internalSearchVector_idx" ON "Request" USING GIN ("internalSearchVector");

-- The text a result's snippet is cut from (ts_headline): the parts of the document, and for the office the internal ones.
CREATE FUNCTION request_search_text(request_id uuid, with_internal boolean) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT concat_ws(E'\n', s.label, coalesce(request_search_messages(r.id, 'PUBBLICO'), r.text), request_search_files(r.id, 'PUBBLICO'),
                   CASE WHEN with_internal THEN request_search_messages(r.id, 'INTERNO') END,
                   CASE WHEN with_internal THEN request_search_files(r.id, 'INTERNO') END)
  FROM "Request" r JOIN "Subject" s ON s.id = r."subjectId"
  WHERE r.id = request_id
$$;
