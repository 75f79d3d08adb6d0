-- mamori/migrations/sqlite/0002_risk_analysis.sql
--
-- 詳細リスク分析 (付録7): the 情報資産管理台帳, the organisation's threat
-- frequencies, the 対策状況チェック answers (real and planned) and the risk
-- treatments. Applied inside one transaction like every migration, so no
-- BEGIN/COMMIT here. Conventions as in 0001: empty text means "not set".

-- 情報資産管理台帳 (表12, plus リスク所有者).
CREATE TABLE assets (
	id                      INTEGER PRIMARY KEY,
	org_id                  INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	business_category       TEXT NOT NULL DEFAULT '',
	name                    TEXT NOT NULL DEFAULT '',
	note                    TEXT NOT NULL DEFAULT '',
	users                   TEXT NOT NULL DEFAULT '',
	department              TEXT NOT NULL DEFAULT '',
	medium                  TEXT NOT NULL DEFAULT '',
	personal_info           INTEGER NOT NULL DEFAULT 0 CHECK (personal_info IN (0, 1)),
	sensitive_personal_info INTEGER NOT NULL DEFAULT 0 CHECK (sensitive_personal_info IN (0, 1)),
	my_number               INTEGER NOT NULL DEFAULT 0 CHECK (my_number IN (0, 1)),
	-- Edition 3.0 rates 0..3; edition 4.0 uses 1..3, which this range also holds.
	confidentiality         INTEGER NOT NULL DEFAULT 0 CHECK (confidentiality BETWEEN 0 AND 3),
	integrity               INTEGER NOT NULL DEFAULT 0 CHECK (integrity BETWEEN 0 AND 3),
	availability            INTEGER NOT NULL DEFAULT 0 CHECK (availability BETWEEN 0 AND 3),
	business_critical       INTEGER NOT NULL DEFAULT 0 CHECK (business_critical IN (0, 1)),
	retention               TEXT NOT NULL DEFAULT '',
	registered_on           TEXT NOT NULL DEFAULT '',
	risk_owner              TEXT NOT NULL DEFAULT '',
	updated_at              TEXT NOT NULL DEFAULT '',
	-- The parent key of risk_treatments' (org_id, asset_id) reference.
	UNIQUE (org_id, id)
);
-- ListAssets' order, and the ON DELETE CASCADE from organizations.
CREATE INDEX assets_org ON assets(org_id, business_category, department);

-- 脅威の状況 as the organisation rates it (1..3); a threat without a row
-- uses the catalog's default.
CREATE TABLE threat_frequencies (
	org_id    INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	threat_id TEXT NOT NULL CHECK (threat_id <> ''),
	frequency INTEGER NOT NULL CHECK (frequency BETWEEN 1 AND 3),
	PRIMARY KEY (org_id, threat_id)
) WITHOUT ROWID;

-- 対策状況チェック (1..4). The planned (what-if) answers are a separate table
-- so that no statement on one can ever overwrite the other.
CREATE TABLE control_answers (
	org_id     INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	item_id    TEXT NOT NULL CHECK (item_id <> ''),
	answer     INTEGER NOT NULL CHECK (answer BETWEEN 1 AND 4),
	updated_at TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (org_id, item_id)
) WITHOUT ROWID;

CREATE TABLE planned_control_answers (
	org_id     INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	item_id    TEXT NOT NULL CHECK (item_id <> ''),
	answer     INTEGER NOT NULL CHECK (answer BETWEEN 1 AND 4),
	updated_at TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (org_id, item_id)
) WITHOUT ROWID;

-- The decision on one (asset, threat) risk (手順3).
CREATE TABLE risk_treatments (
	id            INTEGER PRIMARY KEY,
	org_id        INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	asset_id      INTEGER NOT NULL,
	threat_id     TEXT NOT NULL CHECK (threat_id <> ''),
	decision      TEXT NOT NULL CHECK (decision IN ('reduce', 'accept', 'avoid', 'transfer')),
	measure       TEXT NOT NULL DEFAULT '',
	owner         TEXT NOT NULL DEFAULT '',
	due_on        TEXT NOT NULL DEFAULT '',
	residual_risk INTEGER NOT NULL DEFAULT 0,
	reason        TEXT NOT NULL DEFAULT '',
	-- The approval outlives the approver's account.
	approved_by   INTEGER REFERENCES users(id) ON DELETE SET NULL,
	approved_at   TEXT NOT NULL DEFAULT '',
	completed     INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
	updated_at    TEXT NOT NULL DEFAULT '',
	UNIQUE (asset_id, threat_id),
	-- Referencing (org_id, id) rather than id alone makes a treatment whose
	-- asset belongs to another organisation impossible, not just unlikely.
	-- Deleting an asset (or replacing the register) removes its treatments.
	FOREIGN KEY (org_id, asset_id) REFERENCES assets(org_id, id) ON DELETE CASCADE
);
CREATE INDEX risk_treatments_org ON risk_treatments(org_id, asset_id, threat_id);
CREATE INDEX risk_treatments_approved_by ON risk_treatments(approved_by);
