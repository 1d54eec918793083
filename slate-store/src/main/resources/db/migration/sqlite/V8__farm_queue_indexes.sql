-- Slate store, schema 8 (sqlite): the indexes the farm's statements read, and no others on the rows a take
-- changes. Keep in step with the other dialect's V8 (the same indexes; PostgreSQL also sets fill factors).

-- The pick (film.slate.engine.build.FarmQueue): the due entries of a task, oldest first, among the waiting ones.
CREATE INDEX scheduled_tasks_due ON scheduled_tasks (task_name, execution_time) WHERE picked = false;
-- What a worker holds, for its heartbeat, its hand-back and the dead-entry scan: the held entries only (few), where
-- a scan of the queue's table reads every version a pick, heartbeat and removal left behind.
CREATE INDEX scheduled_tasks_held ON scheduled_tasks (task_name, picked_by) WHERE picked = true;
-- Nothing reads these (no query orders by priority; the dead-entry scans read the few held entries).
DROP INDEX last_heartbeat_idx;
DROP INDEX priority_execution_time_idx;
-- Nothing reads renders by shot (they are read by recipe, or all of them).
DROP INDEX renders_shot;
