-- Program "My Tokens": values that flow step parameters refer to as {{my.Name}}. References match names ignoring
-- case, so a name is unique per program by its lower-cased form (name_key); name keeps the spelling given.
CREATE TABLE program_tokens (
    program_id   BIGINT        NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    name_key     VARCHAR(100)  NOT NULL,
    name         VARCHAR(100)  NOT NULL,
    token_type   VARCHAR(32)   NOT NULL,
    token_value  TEXT          NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (program_id, name_key)
);
