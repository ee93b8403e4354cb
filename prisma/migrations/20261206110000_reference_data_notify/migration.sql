-- Every change of the reference data the app servers keep in memory is notified to them
-- (src/server/db/reference-cache.ts, decision 0050): whatever made it, committed or not at all.
CREATE FUNCTION "notify_reference_data_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('reference_data', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "GestioneSettings_reference_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "GestioneSettings"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_reference_data_change"();
CREATE TRIGGER "Office_reference_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Office"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_reference_data_change"();
CREATE TRIGGER "SmartTaskEnablement_reference_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SmartTaskEnablement"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_reference_data_change"();
CREATE TRIGGER "SmartTaskPilotGroup_reference_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SmartTaskPilotGroup"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_reference_data_change"();
