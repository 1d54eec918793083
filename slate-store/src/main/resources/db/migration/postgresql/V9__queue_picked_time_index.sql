-- Slate store, schema 9 (postgresql): the queue's index by due time also says whether the entry is picked. Keep in step
-- with the other dialect's V9.

-- db-scheduler's own poll (a build's scheduler) reads "picked = ? AND execution_time <= ? ORDER BY execution_time":
-- this index answers it with the flag as a parameter, as before. Its replacement, execution_time_idx (execution_time
-- alone), also offered itself to the farm's pick, and the plan a connection keeps chose it while every entry was
-- waiting: each pick then walked past every held entry (a heap read each: 785 buffers a pick with 4 workers x 128
-- slots) where the index of the waiting entries (V8, scheduled_tasks_due) walks past none. With the flag first, no
-- index leads the pick to the held entries.
DROP INDEX execution_time_idx;
CREATE INDEX scheduled_tasks_picked_time ON scheduled_tasks (picked, execution_time);
