-- Slate store, schema 6 (SQLite): the render farm. Keep in step with the other dialect's V6 (the same tables
-- and columns). Times are epoch milliseconds on the DATABASE's clock (film.slate.store.db.DatabaseClock),
-- so that the clocks of the farm's machines never decide who is alive or who holds what.

-- A process that renders from the shared queue: a `slate worker`, or a `slate build` while it runs.
CREATE TABLE workers (
    name         VARCHAR(200) NOT NULL PRIMARY KEY,
    host         VARCHAR(200) NOT NULL,
    backends     TEXT         NOT NULL,
    jobs         INTEGER      NOT NULL,
    state        VARCHAR(20)  NOT NULL,
    started_at   BIGINT       NOT NULL,
    heartbeat_at BIGINT       NOT NULL
);

-- The farm-wide concurrency of a backend: slot 0..N-1 of backend B, held by one render at a time
-- until it lets go or its lease runs out (a killed holder).
CREATE TABLE backend_slots (
    backend    VARCHAR(200) NOT NULL,
    slot       INTEGER      NOT NULL,
    holder     VARCHAR(200),
    expires_at BIGINT       NOT NULL,
    PRIMARY KEY (backend, slot)
);

-- Named leases on the store (`gc`: the garbage collector holds the objects alone).
CREATE TABLE store_leases (
    name       VARCHAR(100) NOT NULL PRIMARY KEY,
    holder     VARCHAR(200) NOT NULL,
    expires_at BIGINT       NOT NULL
);
