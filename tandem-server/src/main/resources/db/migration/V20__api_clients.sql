-- API clients of the Marketo-style identity endpoint. The secret is stored only as a salted PBKDF2 hash.
CREATE TABLE api_clients (
    client_id    VARCHAR(64)  PRIMARY KEY,
    name         VARCHAR(255) NOT NULL,
    secret_hash  VARCHAR(255) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
