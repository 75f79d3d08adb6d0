-- 0014: closing an incident (issue 9). The close form asks for the cause
-- (原因), the recurrence prevention (再発防止策) and an optional public
-- statement (公表文); they are kept on the incident so its report
-- (document kind incident_report) can print them. '' until closed.
ALTER TABLE incidents ADD COLUMN cause TEXT NOT NULL DEFAULT '';
ALTER TABLE incidents ADD COLUMN prevention TEXT NOT NULL DEFAULT '';
ALTER TABLE incidents ADD COLUMN public_statement TEXT NOT NULL DEFAULT '';
