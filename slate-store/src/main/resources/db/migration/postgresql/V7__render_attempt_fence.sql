-- Slate store, schema 7 (postgresql): the render's current attempt on its own row. Keep in step with the other
-- dialect's V7. A take is recorded only by the attempt that still holds its render: the claim raises
-- renders.attempt and the record ends the render only WHERE attempt = its own, in one conditional
-- update, so the fencing needs no count of attempts and holds under any isolation level.
ALTER TABLE renders ADD COLUMN attempt INTEGER NOT NULL DEFAULT 0;
UPDATE renders SET attempt = COALESCE((SELECT MAX(a.attempt) FROM attempts a WHERE a.recipe = renders.recipe), 0);
