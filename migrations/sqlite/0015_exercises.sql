-- 0015: tabletop exercises (机上訓練, Tokyo handbook Mission 5; issue 9).
-- exercise_scenarios: a firm's own scenarios, copied from a built-in one and
-- edited, kept as the YAML text the core loader reads (the same format as
-- content/incident/exercises/). exercises: one session; it keeps the
-- scenario it was run with (a built-in id, or the firm scenario's YAML as it
-- was when the session began), so editing the scenario later never changes a
-- past result. exercise_choices: what each participant chose at a decision.
CREATE TABLE exercise_scenarios (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	based_on TEXT NOT NULL DEFAULT '',      -- the built-in scenario it was copied from
	title TEXT NOT NULL CHECK (title <> ''),  -- the Japanese title, for lists
	yaml TEXT NOT NULL CHECK (yaml <> ''),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX exercise_scenarios_org ON exercise_scenarios(org_id, id);

CREATE TABLE exercises (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	held_on TEXT NOT NULL,                        -- YYYY-MM-DD
	builtin_scenario TEXT NOT NULL DEFAULT '',    -- a content scenario id, or ''
	scenario_yaml TEXT NOT NULL DEFAULT '',       -- a firm scenario's text, or ''
	title TEXT NOT NULL CHECK (title <> ''),      -- the scenario's Japanese title, for lists
	facilitator_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
	facilitator_name TEXT NOT NULL CHECK (facilitator_name <> ''),
	created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	created_at TEXT NOT NULL,
	finished_at TEXT,                             -- set once: then read-only
	CHECK ((builtin_scenario = '') <> (scenario_yaml = ''))
);
CREATE INDEX exercises_org ON exercises(org_id, held_on);

CREATE TABLE exercise_participants (
	id INTEGER PRIMARY KEY,
	exercise_id INTEGER NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
	user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,  -- NULL for an outsider
	name TEXT NOT NULL CHECK (name <> '')    -- as shown in the result
);
CREATE INDEX exercise_participants_exercise ON exercise_participants(exercise_id, id);

CREATE TABLE exercise_choices (
	participant_id INTEGER NOT NULL REFERENCES exercise_participants(id) ON DELETE CASCADE,
	decision_id TEXT NOT NULL,
	option_id TEXT NOT NULL,
	recorded_at TEXT NOT NULL,
	recorded_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	PRIMARY KEY (participant_id, decision_id)
);
