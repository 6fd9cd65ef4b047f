-- Leads Tandem is about to create in Salesforce. A row is committed before the insert call and deleted in the
-- transaction that records the Lead id; a row still present on a later attempt means the earlier attempt may have
-- created the Lead without Tandem learning its id (the process died, or the call's outcome is unknown), so the
-- Lead is looked up (by email, else by the values sent and the creation time) before anything is inserted again.
-- The values are those sent to Salesforce (defaults applied), which the look-up matches on.
CREATE TABLE lead_intents (
    person_id   BIGINT       NOT NULL PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    email       VARCHAR(255),
    first_name  VARCHAR(255),
    last_name   VARCHAR(255) NOT NULL,
    company     VARCHAR(255) NOT NULL
);
