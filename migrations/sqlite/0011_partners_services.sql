-- 0011: the register of outsourcing partners (委託管理, 付録5 §9) and of the
-- cloud services the firm uses (付録6, 表9) (issue 8). Each partner has its
-- own 機密保持条項 and 委託先チェックリスト, each service its own 15-item
-- checklist: documents rows with subject 'partner:<id>' / 'service:<id>'.
-- Both may name assets of the register (情報資産管理台帳): what is handed to
-- the partner, what is stored in the service. Links go when either side goes.
CREATE TABLE outsourcing_partners (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	name TEXT NOT NULL CHECK (name <> ''),
	contact TEXT NOT NULL DEFAULT '',          -- 代表者・所在地・連絡先
	work TEXT NOT NULL DEFAULT '',             -- 委託する業務
	information TEXT NOT NULL DEFAULT '',      -- 渡す情報 (free text, one item a line)
	contract_start TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD or ''
	contract_end TEXT NOT NULL DEFAULT '',     -- YYYY-MM-DD or ''
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX outsourcing_partners_org ON outsourcing_partners(org_id, name);
CREATE TABLE outsourcing_partner_assets (
	partner_id INTEGER NOT NULL REFERENCES outsourcing_partners(id) ON DELETE CASCADE,
	asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
	PRIMARY KEY (partner_id, asset_id)
);
CREATE TABLE cloud_services (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	name TEXT NOT NULL CHECK (name <> ''),
	provider TEXT NOT NULL DEFAULT '',         -- 提供事業者
	purpose TEXT NOT NULL DEFAULT '',          -- 利用する業務
	administrator TEXT NOT NULL DEFAULT '',    -- アカウント管理者
	note TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX cloud_services_org ON cloud_services(org_id, name);
CREATE TABLE cloud_service_assets (
	service_id INTEGER NOT NULL REFERENCES cloud_services(id) ON DELETE CASCADE,
	asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
	PRIMARY KEY (service_id, asset_id)
);
