-- Campaign sync, LINK half: global sync settings, the Salesforce connection (secrets encrypted by the
-- application with AES-GCM; this schema never sees a plaintext credential) and the program-to-campaign links.
-- Written in the SQL subset that PostgreSQL and H2 (PostgreSQL mode) share.

-- Exactly one row (id = 1), created here with the defaults.
CREATE TABLE sync_settings (
    id                      INTEGER      NOT NULL PRIMARY KEY CHECK (id = 1),
    campaign_sync_enabled   BOOLEAN      NOT NULL,
    poll_interval_seconds   INTEGER      NOT NULL CHECK (poll_interval_seconds BETWEEN 1 AND 86400),
    api_budget_percent      INTEGER      NOT NULL CHECK (api_budget_percent BETWEEN 1 AND 100),
    default_lead_last_name  VARCHAR(80)  NOT NULL,
    default_lead_company    VARCHAR(255) NOT NULL,
    pull_forward_only       BOOLEAN      NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO sync_settings (id, campaign_sync_enabled, poll_interval_seconds, api_budget_percent,
                           default_lead_last_name, default_lead_company, pull_forward_only, updated_at)
VALUES (1, FALSE, 60, 50, '[not provided]', '[not provided]', FALSE, CURRENT_TIMESTAMP);

-- At most one row (id = 1); absent until an administrator configures the connection.
-- The *_enc columns hold "v1:" + base64(nonce || AES-GCM ciphertext), never plaintext.
CREATE TABLE salesforce_connection (
    id                  INTEGER       NOT NULL PRIMARY KEY CHECK (id = 1),
    login_url           VARCHAR(255)  NOT NULL,
    api_version         VARCHAR(10)   NOT NULL,
    auth_mode           VARCHAR(32)   NOT NULL,
    client_id           VARCHAR(255)  NOT NULL,
    username            VARCHAR(255),
    client_secret_enc   VARCHAR(1024),
    password_enc        VARCHAR(1024),
    private_key_enc     TEXT,
    refresh_token_enc   VARCHAR(4096),
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per linked program; both keys unique, so a link is one-to-one both ways.
-- paused mirrors the global switch (set on every link when campaign sync is turned off, cleared when on),
-- so the sync engine selects the links it serves with one predicate.
-- fields_version counts changes of the campaign's Type/ActualCost sources (channel, costs) and
-- fields_pushed_version the last version Salesforce holds: repeated changes coalesce into one push.
CREATE TABLE campaign_links (
    program_id               BIGINT       NOT NULL PRIMARY KEY REFERENCES programs (id) ON DELETE CASCADE,
    campaign_id              VARCHAR(18)  NOT NULL,
    campaign_name            VARCHAR(255) NOT NULL,
    linked_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    paused                   BOOLEAN      NOT NULL DEFAULT FALSE,
    initial_reconcile_state  VARCHAR(16)  NOT NULL,
    last_full_reconcile_at   TIMESTAMP WITH TIME ZONE,
    fields_version           BIGINT       NOT NULL DEFAULT 1,
    fields_pushed_version    BIGINT       NOT NULL DEFAULT 0,
    fields_push_error        VARCHAR(2000),
    CONSTRAINT campaign_links_campaign_uq UNIQUE (campaign_id),
    CONSTRAINT campaign_links_reconcile_ck
        CHECK (initial_reconcile_state IN ('PENDING', 'RUNNING', 'DONE', 'FAILED'))
);
