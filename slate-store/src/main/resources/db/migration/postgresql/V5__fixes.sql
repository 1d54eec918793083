-- Slate store, schema 5 (postgresql): targeted fixes (issue 14). Keep in step with the other dialect's
-- V5__fixes.sql: the same table and columns. Times are epoch milliseconds.

-- A fix: a derived recipe (its id is the SHA-256 of body, its canonical JSON), made from a parent
-- recipe (a take's render recipe, or another fix) plus an edit. root is the render recipe at the
-- start of the chain: the recipe the fix belongs to. Rows are inserted, never updated or deleted;
-- the take version a fix made is the row of takes whose recipe is the fix's id.
CREATE TABLE fixes (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    shot        VARCHAR(200) NOT NULL,
    take_number INTEGER      NOT NULL,
    parent      VARCHAR(64)  NOT NULL,
    root        VARCHAR(64)  NOT NULL,
    mask        VARCHAR(64)  NOT NULL,
    body        TEXT         NOT NULL,
    created_at  BIGINT       NOT NULL
);
CREATE INDEX fixes_shot ON fixes (shot, take_number);
CREATE INDEX fixes_root ON fixes (root);
