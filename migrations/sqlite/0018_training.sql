-- 0018: the education plan and records (issue 9, coaching theme 5
-- 従業員向けのセキュリティ教育; feeds 自社診断 item 20). A session is planned
-- with its title, content, method (集合研修, e-learning, 朝礼 ... free text),
-- date and audience (every member, or the members listed in
-- training_audience), and optionally a quiz set of content/training/quizzes.yaml;
-- once held it carries the day. training_attendance is who the 責任者 ticked
-- as present; training_quiz_results keeps every attempt of a member (score,
-- answers as JSON question id → choice id, time), so a retake after a fail
-- adds a row and the latest pass counts.
CREATE TABLE training_sessions (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	title TEXT NOT NULL CHECK (title <> ''),
	content TEXT NOT NULL DEFAULT '',          -- 内容
	method TEXT NOT NULL DEFAULT '',           -- 方法 (集合研修, e-learning, 朝礼 ...)
	planned_on TEXT NOT NULL,                  -- 時期: YYYY-MM-DD
	audience_all INTEGER NOT NULL DEFAULT 1 CHECK (audience_all IN (0, 1)),  -- 対象者
	quiz_set TEXT NOT NULL DEFAULT '',         -- a quiz set id, or '' for none
	status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held')),
	held_on TEXT,                              -- YYYY-MM-DD once held
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX training_sessions_org ON training_sessions(org_id, planned_on);
CREATE TABLE training_audience (
	session_id INTEGER NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	PRIMARY KEY (session_id, user_id)
);
CREATE TABLE training_attendance (
	session_id INTEGER NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	recorded_at TEXT NOT NULL,
	PRIMARY KEY (session_id, user_id)
);
CREATE TABLE training_quiz_results (
	id INTEGER PRIMARY KEY,
	session_id INTEGER NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	quiz_set TEXT NOT NULL,
	correct INTEGER NOT NULL CHECK (correct >= 0),
	total INTEGER NOT NULL CHECK (total >= correct),
	passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
	answers TEXT NOT NULL DEFAULT '{}',
	taken_at TEXT NOT NULL
);
CREATE INDEX training_quiz_results_session ON training_quiz_results(session_id, user_id, taken_at);
