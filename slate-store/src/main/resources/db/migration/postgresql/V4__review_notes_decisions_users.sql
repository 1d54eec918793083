-- Slate store, schema 4 (PostgreSQL): the review room. Keep in step with
-- ../sqlite/V4__review_notes_decisions_users.sql: the same tables and columns; only the id
-- column differs. Times are epoch milliseconds. Every change here is also an event in `events`.

-- A note on one take version at a frame (or a frame range), frames counted from 0 at the rational
-- rate fps_num/fps_den; region is JSON in image-normalised coordinates (0..1 from the top-left).
CREATE TABLE notes (
    id          BIGSERIAL    PRIMARY KEY,
    shot        VARCHAR(200) NOT NULL,
    take_number INTEGER      NOT NULL,
    version     INTEGER      NOT NULL,
    frame       BIGINT       NOT NULL,
    end_frame   BIGINT,
    fps_num     INTEGER      NOT NULL,
    fps_den     INTEGER      NOT NULL,
    region      TEXT,
    body        TEXT         NOT NULL,
    author      VARCHAR(200) NOT NULL,
    created_at  BIGINT       NOT NULL,
    reply_to    BIGINT       REFERENCES notes (id),
    resolved_at BIGINT,
    resolved_by VARCHAR(200)
);
CREATE INDEX notes_shot ON notes (shot, take_number, version);

-- Every verdict ever given, oldest first: approved, rejected or needs-fix. Never updated.
CREATE TABLE decisions (
    id          BIGSERIAL    PRIMARY KEY,
    shot        VARCHAR(200) NOT NULL,
    take_number INTEGER      NOT NULL,
    version     INTEGER      NOT NULL,
    verdict     VARCHAR(20)  NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    decided_at  BIGINT       NOT NULL,
    reason      TEXT,
    note        BIGINT       REFERENCES notes (id)
);
CREATE INDEX decisions_shot ON decisions (shot);

-- The take version each shot has approved for the cut: at most one per shot, by its key.
CREATE TABLE approvals (
    shot        VARCHAR(200) NOT NULL PRIMARY KEY,
    take_number INTEGER      NOT NULL,
    version     INTEGER      NOT NULL,
    decision    BIGINT       NOT NULL REFERENCES decisions (id)
);

-- Review accounts. Only a slow hash (PBKDF2) of the token is kept, never the token.
CREATE TABLE users (
    name        VARCHAR(200) NOT NULL PRIMARY KEY,
    role        VARCHAR(20)  NOT NULL,
    token_hash  VARCHAR(300) NOT NULL,
    created_at  BIGINT       NOT NULL
);

-- Signed-in browsers, by the SHA-256 of the session cookie (the cookie itself is never stored).
CREATE TABLE sessions (
    id_hash     VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_name   VARCHAR(200) NOT NULL,
    role        VARCHAR(20)  NOT NULL,
    csrf        VARCHAR(64)  NOT NULL,
    created_at  BIGINT       NOT NULL,
    expires_at  BIGINT       NOT NULL
);
