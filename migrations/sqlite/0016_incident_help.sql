-- 0016: what an outside help desk asks first (issue 9; Tokyo handbook,
-- 「事前に情報を整理しましょう」). The firm's IT environment (the operating
-- systems and security software in use) is kept once per organisation so
-- every incident's sheet starts from it; each incident keeps its own sheet
-- as sent, since the answers describe that incident.
CREATE TABLE it_environments (
  org_id INTEGER PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
  operating_systems TEXT NOT NULL DEFAULT '',
  security_software TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);

CREATE TABLE incident_help_sheets (
  incident_id INTEGER PRIMARY KEY REFERENCES incidents(id) ON DELETE CASCADE,
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  devices TEXT NOT NULL,
  operating_systems TEXT NOT NULL,
  security_software TEXT NOT NULL,
  cloud_services TEXT NOT NULL,
  events TEXT NOT NULL,
  grounds TEXT NOT NULL,
  consulted TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX incident_help_sheets_org ON incident_help_sheets(org_id);
