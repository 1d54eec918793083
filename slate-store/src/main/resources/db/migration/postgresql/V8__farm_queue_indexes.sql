-- Slate store, schema 8 (postgresql): the indexes the farm's statements read, and no others on the rows a take
-- changes. Keep in step with the other dialect's V8 (the same indexes; fill factors are PostgreSQL's alone).

-- The pick (film.slate.engine.build.FarmQueue): the due entries of a task, oldest first, among the waiting ones
-- only; a picked entry leaves this index, so a pick no longer walks past every entry the farm holds.
CREATE INDEX scheduled_tasks_due ON scheduled_tasks (task_name, execution_time) WHERE picked = false;
-- What a worker holds, for its heartbeat, its hand-back and the dead-entry scan: the held entries only (few), where
-- a scan of the queue's table reads every version a pick, heartbeat and removal left behind.
CREATE INDEX scheduled_tasks_held ON scheduled_tasks (task_name, picked_by) WHERE picked = true;
-- Nothing reads these: no query orders by priority (Slate never sets it), and the dead-entry scans read the held
-- entries (by the index above, or all of them: few); each one cost an index entry on every pick and heartbeat.
DROP INDEX last_heartbeat_idx;
DROP INDEX priority_execution_time_idx;
-- Nothing reads renders by shot (they are read by recipe, or all of them); without it a render's claim and its
-- record change no indexed column, so with room on the page they are heap-only updates (no index entry at all).
DROP INDEX renders_shot;
-- Room on each page for the versions of rows updated in place: a render (claimed, then recorded), an attempt
-- (opened, then ended), a queue entry (picked, heartbeated).
ALTER TABLE renders SET (fillfactor = 70);
ALTER TABLE attempts SET (fillfactor = 70);
ALTER TABLE scheduled_tasks SET (fillfactor = 70);
