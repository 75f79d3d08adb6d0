-- 0017: a firm's own incident procedures (issue 9, 「手順はデータ、会社が直せる」).
-- The catalog (content/incident/procedures.yaml) holds the handbook's sample
-- steps per kind and damage levels; a firm that adapts one procedure keeps
-- its steps here, as JSON checked by app/incident_procedures, and the
-- checklist, the もしもマニュアル and the exercises read the adapted steps.
-- Deleting the row goes back to the sample.
CREATE TABLE incident_procedure_adaptations (
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind <> ''),
  levels TEXT NOT NULL CHECK (levels <> ''),
  steps_json TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (org_id, kind, levels)
);
