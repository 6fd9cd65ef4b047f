-- High-water marks of the pull (Salesforce SystemModstamp), saved with the changes they cover.
-- advanced_at: when this node last moved the mark; window_read_at: when a poll last re-read the overlap window
-- below the mark. Once a window read happened an overlap after the mark moved, late commits below the mark have
-- been seen, and polls read from the mark itself (an idle poll is then one small query).
CREATE TABLE sync_cursor (
    name           VARCHAR(100) PRIMARY KEY,
    high_water     TIMESTAMP WITH TIME ZONE NOT NULL,
    advanced_at    TIMESTAMP WITH TIME ZONE,
    window_read_at TIMESTAMP WITH TIME ZONE,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
