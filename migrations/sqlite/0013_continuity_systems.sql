-- 0013: 事業継続 (IT-BCP, Tokyo handbook Mission 4 §4-7; issue 9): the firm's
-- IT systems in restoration order, with the business each supports, the time
-- by which it must be back, the people/equipment/data/backups it needs and the
-- manual work-around while it is down. priority 1 is restored first; two
-- systems may share a priority (then they list by name).
CREATE TABLE continuity_systems (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	name TEXT NOT NULL CHECK (name <> ''),
	business TEXT NOT NULL DEFAULT '',         -- 支える業務
	priority INTEGER NOT NULL CHECK (priority >= 1),  -- 復旧優先順位 (1 = first)
	target_time TEXT NOT NULL DEFAULT '',      -- 目標復旧時間, free text (「4時間以内」)
	resources TEXT NOT NULL DEFAULT '',        -- 必要な資源: 人・機器・データ・バックアップ
	fallback TEXT NOT NULL DEFAULT '',         -- 停止中の代替手段 (手作業など)
	owner TEXT NOT NULL DEFAULT '',            -- 担当者
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX continuity_systems_org ON continuity_systems(org_id, priority, name);
