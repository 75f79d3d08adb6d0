-- 0015: a stand-in. Number 0015 belongs to a branch developed at the same time
-- (issue 9); migrations must be numbered without gaps, so this branch carries
-- an empty step in its place. At the merge, keep the other branch's 0015 and
-- drop this file.
SELECT 1;
