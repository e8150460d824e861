-- nothing to undo: the trigger is as it was
SELECT 1;
