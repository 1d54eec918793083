-- Slate store, schema 1 (SQLite). Keep in step with ../postgresql/V1__takes_renders_events.sql:
-- the same tables and columns; only the id column differs. Times are epoch milliseconds.

CREATE TABLE recipes (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    shot        VARCHAR(200) NOT NULL,
    take_number INTEGER      NOT NULL,
    backend     VARCHAR(200) NOT NULL,
    body        TEXT         NOT NULL,
    created_at  BIGINT       NOT NULL
);
CREATE INDEX recipes_shot ON recipes (shot, take_number);

-- A take version: one rendered output of one recipe. Never updated once rendered, never deleted.
CREATE TABLE takes (
    id          INTEGER      PRIMARY KEY AUTOINCREMENT,
    shot        VARCHAR(200) NOT NULL,
    take_number INTEGER      NOT NULL,
    version     INTEGER      NOT NULL,
    recipe      VARCHAR(64)  NOT NULL REFERENCES recipes (id),
    backend     VARCHAR(200) NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    master      VARCHAR(64),
    proxy       VARCHAR(64),
    depth       VARCHAR(64),
    started_at  BIGINT,
    finished_at BIGINT       NOT NULL,
    render_ms   BIGINT,
    cost        DOUBLE PRECISION,
    UNIQUE (shot, take_number, version)
);
CREATE INDEX takes_recipe ON takes (recipe);

-- The render of a recipe: queued, rendering, rendered or failed. One row per recipe.
CREATE TABLE renders (
    recipe      VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES recipes (id),
    shot        VARCHAR(200) NOT NULL,
    take_number INTEGER      NOT NULL,
    backend     VARCHAR(200) NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    reason      TEXT,
    queued_at   BIGINT       NOT NULL,
    started_at  BIGINT,
    finished_at BIGINT,
    cost        DOUBLE PRECISION
);
CREATE INDEX renders_shot ON renders (shot, take_number);

CREATE TABLE attempts (
    recipe      VARCHAR(64)  NOT NULL REFERENCES renders (recipe),
    attempt     INTEGER      NOT NULL,
    worker      VARCHAR(200) NOT NULL,
    started_at  BIGINT       NOT NULL,
    finished_at BIGINT,
    outcome     VARCHAR(20),
    reason      TEXT,
    PRIMARY KEY (recipe, attempt)
);

-- Append-only: rows are inserted, never updated or deleted.
CREATE TABLE events (
    id      INTEGER      PRIMARY KEY AUTOINCREMENT,
    at      BIGINT       NOT NULL,
    actor   VARCHAR(200) NOT NULL,
    action  VARCHAR(100) NOT NULL,
    object  VARCHAR(300) NOT NULL,
    shot    VARCHAR(200),
    details TEXT,
    reason  TEXT
);
CREATE INDEX events_shot ON events (shot);
