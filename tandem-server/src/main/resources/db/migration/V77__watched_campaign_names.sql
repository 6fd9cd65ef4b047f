-- The name of a watched campaign as its last full read found it, so the console can show more than an id.
-- NULL until a full read has read it (or when Salesforce no longer returned the campaign). Shared SQL subset of
-- PostgreSQL and H2 (PostgreSQL mode).
ALTER TABLE watched_campaigns ADD COLUMN campaign_name VARCHAR(255);
