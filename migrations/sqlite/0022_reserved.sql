-- Number 0022 is taken by the accounts work of issue 10 on another branch (i1x-acct); this
-- placeholder keeps the numbers contiguous until that migration is merged in its place.
SELECT 1;
