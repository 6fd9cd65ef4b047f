-- What Tandem believes Salesforce holds for each linked program member: the CampaignMember Id to PATCH or
-- DELETE, the status and SystemModstamp last seen or written (echo suppression, pull dedupe) and the status
-- Tandem last pushed.
CREATE TABLE campaign_member_mirror (
    program_id         BIGINT       NOT NULL,
    person_id          BIGINT       NOT NULL,
    campaign_id        VARCHAR(18)  NOT NULL,
    sf_member_id       VARCHAR(18)  NOT NULL,
    sf_status          VARCHAR(255) NOT NULL,
    sf_modstamp        TIMESTAMP WITH TIME ZONE,
    last_pushed_status VARCHAR(255),
    last_pulled_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT campaign_member_mirror_pk PRIMARY KEY (program_id, person_id),
    CONSTRAINT campaign_member_mirror_member UNIQUE (sf_member_id)
);
CREATE INDEX campaign_member_mirror_campaign ON campaign_member_mirror (campaign_id);
