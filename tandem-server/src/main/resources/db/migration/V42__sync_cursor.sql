-- High-water marks of the pull (Salesforce SystemModstamp), saved with the changes they cover.
CREATE TABLE sync_cursor (
    name       VARCHAR(100) PRIMARY KEY,
    high_water TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
