-- Slate store, schema 9 (sqlite): the queue's index by due time also says whether the entry is picked. Keep in step
-- with the other dialect's V9 (why: see there). db-scheduler's poll reads "picked = ? AND execution_time <= ?
-- ORDER BY execution_time"; the farm's pick reads the index of the waiting entries (V8) and never the held ones.
DROP INDEX execution_time_idx;
CREATE INDEX scheduled_tasks_picked_time ON scheduled_tasks (picked, execution_time);
