-- 0012: the incident register (issue 9, 「異常を見つけた」). Anyone in the
-- organisation reports what happened, when it was noticed and on which
-- device; the 対応責任者 then classifies its kind (漏えい・改ざん・ウイルス)
-- and the four damage facts, from which the damage level follows
-- (content/incident/damage_levels.yaml). The personal-data questions of the
-- law stay NULL until asked, so "not asked" and "no" differ; the 速報/確報
-- timestamps stay NULL until done. incident_events is the timeline: every
-- action and decision, with the procedure step it ticks.
CREATE TABLE incidents (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	reported_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	reported_at TEXT NOT NULL,
	what TEXT NOT NULL CHECK (what <> ''),
	noticed_at TEXT NOT NULL DEFAULT '',       -- as the reporter wrote it (YYYY-MM-DDTHH:MM)
	device TEXT NOT NULL DEFAULT '',
	kind TEXT,                                 -- NULL until classified
	external_impact INTEGER NOT NULL DEFAULT 0 CHECK (external_impact IN (0, 1)),
	personal_data_leak INTEGER NOT NULL DEFAULT 0 CHECK (personal_data_leak IN (0, 1)),
	business_impact INTEGER NOT NULL DEFAULT 0 CHECK (business_impact IN (0, 1)),
	work_impact INTEGER NOT NULL DEFAULT 0 CHECK (work_impact IN (0, 1)),
	level INTEGER CHECK (level BETWEEN 0 AND 3),  -- NULL until classified
	status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
	personal_data INTEGER CHECK (personal_data IN (0, 1)),
	sensitive INTEGER CHECK (sensitive IN (0, 1)),
	financial_harm INTEGER CHECK (financial_harm IN (0, 1)),
	malicious INTEGER CHECK (malicious IN (0, 1)),
	affected_people INTEGER CHECK (affected_people >= 0),
	strongly_encrypted INTEGER CHECK (strongly_encrypted IN (0, 1)),
	aware_on TEXT,                             -- YYYY-MM-DD, the day the firm became aware
	preliminary_reported_at TEXT,              -- 速報 done
	final_reported_at TEXT,                    -- 確報 done
	closed_at TEXT,
	updated_at TEXT NOT NULL
);
CREATE INDEX incidents_org ON incidents(org_id, status, reported_at);
CREATE TABLE incident_events (
	id INTEGER PRIMARY KEY,
	incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
	at TEXT NOT NULL,
	user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
	type TEXT NOT NULL CHECK (type <> ''),     -- reported, classified, step_done, note, ...
	step_id TEXT NOT NULL DEFAULT '',          -- the procedure step it ticks, or ''
	text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX incident_events_incident ON incident_events(incident_id, at, id);
