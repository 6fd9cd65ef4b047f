-- OAuth access tokens, shared by every node through the database. Only a SHA-256 of the token is stored.
CREATE TABLE access_tokens (
    token_hash   VARCHAR(64)  PRIMARY KEY,
    client_id    VARCHAR(64)  NOT NULL REFERENCES api_clients (client_id) ON DELETE CASCADE,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX access_tokens_client_expiry ON access_tokens (client_id, expires_at);
