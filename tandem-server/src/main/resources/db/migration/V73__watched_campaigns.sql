-- Salesforce campaigns that smart campaigns refer to without being linked to a program ("watched"): the pull
-- reads their CampaignMembers so that SFDC campaign triggers and the "Member of SFDC Campaign" filter work on them.
-- Written in the SQL subset that PostgreSQL and H2 (PostgreSQL mode) share.

-- Which Salesforce campaigns each smart campaign refers to (triggers, filters, choices, flow actions), replaced in
-- the transaction that saves its rules or flow. campaign_key is the 15-character, case-sensitive form of the id.
CREATE TABLE sfdc_campaign_references (
    smart_campaign_id  BIGINT       NOT NULL REFERENCES automation_smart_campaigns (id) ON DELETE CASCADE,
    campaign_key       VARCHAR(15)  NOT NULL,
    campaign_id        VARCHAR(18)  NOT NULL,
    CONSTRAINT sfdc_campaign_references_pk PRIMARY KEY (smart_campaign_id, campaign_key)
);
CREATE INDEX sfdc_campaign_references_campaign ON sfdc_campaign_references (campaign_key);

-- Smart campaigns saved before this table existed have their references indexed once, on the next start.
ALTER TABLE automation_smart_campaigns ADD COLUMN sfdc_references_indexed BOOLEAN DEFAULT FALSE NOT NULL;

-- One row per referenced campaign (linked ones too: the pull skips them while they are linked).
-- snapshot_at: when the last full read of its members finished; NULL while one is due (first reference, unlink).
-- refused_at: when Salesforce refused that read (e.g. no such id); the campaign is left out of polls until the
-- open sync error is retried or a smart campaign saved again names it, so one bad id never stops the pull.
CREATE TABLE watched_campaigns (
    campaign_key   VARCHAR(15)  NOT NULL PRIMARY KEY,
    campaign_id    VARCHAR(18)  NOT NULL,
    watched_since  TIMESTAMP WITH TIME ZONE NOT NULL,
    snapshot_at    TIMESTAMP WITH TIME ZONE,
    refused_at     TIMESTAMP WITH TIME ZONE
);

-- What Tandem believes Salesforce holds for each CampaignMember of a watched campaign, whether or not Tandem knows
-- the Lead/Contact (a person who becomes known later is then seen as a member). Same echo and dedupe columns as
-- campaign_member_mirror.
CREATE TABLE watched_campaign_members (
    sf_member_id        VARCHAR(18)  NOT NULL PRIMARY KEY,
    campaign_key        VARCHAR(15)  NOT NULL,
    lead_id             VARCHAR(18),
    contact_id          VARCHAR(18),
    sf_status           VARCHAR(255) NOT NULL,
    sf_modstamp         TIMESTAMP WITH TIME ZONE,
    last_pushed_status  VARCHAR(255),
    last_pulled_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX watched_campaign_members_campaign ON watched_campaign_members (campaign_key);
CREATE INDEX watched_campaign_members_lead ON watched_campaign_members (lead_id);
CREATE INDEX watched_campaign_members_contact ON watched_campaign_members (contact_id);
