// mamori/storage/sqlite/sqlite_store_risk.cpp
// SqliteStore: 詳細リスク分析 assets, threat frequencies, control answers and treatments.
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/sqlite_support.hpp"

#include <utility>

namespace mamori::storage {

using namespace sqlite_detail;

namespace {

// The schema's CHECK constraints stay as the last line of defence; checking
// here first turns a bad value into kInvalidInput naming the field instead
// of a storage failure.
Status CheckAsset(const Asset &asset) {
	const std::pair<const char *, int> ratings[] = {
	    {"confidentiality", asset.confidentiality},
	    {"integrity", asset.integrity},
	    {"availability", asset.availability},
	};
	for (const auto &[field, value] : ratings) {
		if (value < 0 || value > 3) {
			return Error::Invalid(field, "the rating must be between 0 and 3");
		}
	}
	return OkStatus();
}

//! Inserts one asset under org_id (asset.org_id and asset.id are not used).
Result<Id> InsertAsset(Connection *db, Id org_id, const Asset &asset) {
	if (Status s = CheckAsset(asset); !s) {
		return s.error();
	}
	return Inserted(db, Execute(db,
	                            "INSERT INTO assets(org_id, business_category, name, note, users, department, medium, "
	                            "personal_info, sensitive_personal_info, my_number, confidentiality, integrity, "
	                            "availability, business_critical, retention, registered_on, risk_owner, updated_at) "
	                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	                            "COALESCE(NULLIF(?, ''), " MAMORI_SQL_TODAY "), ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW "))",
	                            [&](Statement &s) {
		                            s.Bind(1, org_id)
		                                .Bind(2, asset.business_category)
		                                .Bind(3, asset.name)
		                                .Bind(4, asset.note)
		                                .Bind(5, asset.users)
		                                .Bind(6, asset.department)
		                                .Bind(7, asset.medium)
		                                .Bind(8, asset.personal_info)
		                                .Bind(9, asset.sensitive_personal_info)
		                                .Bind(10, asset.my_number)
		                                .Bind(11, asset.confidentiality)
		                                .Bind(12, asset.integrity)
		                                .Bind(13, asset.availability)
		                                .Bind(14, asset.business_critical)
		                                .Bind(15, asset.retention)
		                                .Bind(16, asset.registered_on)
		                                .Bind(17, asset.risk_owner)
		                                .Bind(18, asset.updated_at);
	                            }));
}

bool IsTreatmentDecision(std::string_view decision) {
	return decision == "reduce" || decision == "accept" || decision == "avoid" || decision == "transfer";
}

} // namespace

// --- 詳細リスク分析 ---------------------------------------------------------------------

Result<std::vector<Asset>> SqliteStore::ListAssets(Id org_id) {
	ConnectionUse use = Use();
	return QueryAll<Asset>(db(), kAssetColumns + "WHERE org_id = ? ORDER BY business_category, department, name, id",
	                       [&](Statement &s) { s.Bind(1, org_id); }, ReadAsset);
}

Result<std::optional<Asset>> SqliteStore::FindAsset(Id org_id, Id asset_id) {
	ConnectionUse use = Use();
	return QueryOne<Asset>(db(), kAssetColumns + "WHERE org_id = ? AND id = ?",
	                       [&](Statement &s) { s.Bind(1, org_id).Bind(2, asset_id); }, ReadAsset);
}

Result<Id> SqliteStore::CreateAsset(const Asset &asset) {
	Result<Id> id = Id{0};
	Status status = InTransaction([&]() -> Status {
		id = InsertAsset(db(), asset.org_id, asset);
		return id ? OkStatus() : Status(id.error());
	});
	if (!status) {
		return status.error();
	}
	return id;
}

Status SqliteStore::UpdateAsset(const Asset &asset) {
	if (Status s = CheckAsset(asset); !s) {
		return s;
	}
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db(),
		                             "UPDATE assets SET business_category = ?, name = ?, note = ?, users = ?, "
		                             "department = ?, medium = ?, personal_info = ?, sensitive_personal_info = ?, "
		                             "my_number = ?, confidentiality = ?, integrity = ?, availability = ?, "
		                             "business_critical = ?, retention = ?, "
		                             "registered_on = COALESCE(NULLIF(?, ''), " MAMORI_SQL_TODAY "), risk_owner = ?, "
		                             "updated_at = COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW ") "
		                             "WHERE org_id = ? AND id = ?",
		                             [&](Statement &s) {
			                             s.Bind(1, asset.business_category)
			                                 .Bind(2, asset.name)
			                                 .Bind(3, asset.note)
			                                 .Bind(4, asset.users)
			                                 .Bind(5, asset.department)
			                                 .Bind(6, asset.medium)
			                                 .Bind(7, asset.personal_info)
			                                 .Bind(8, asset.sensitive_personal_info)
			                                 .Bind(9, asset.my_number)
			                                 .Bind(10, asset.confidentiality)
			                                 .Bind(11, asset.integrity)
			                                 .Bind(12, asset.availability)
			                                 .Bind(13, asset.business_critical)
			                                 .Bind(14, asset.retention)
			                                 .Bind(15, asset.registered_on)
			                                 .Bind(16, asset.risk_owner)
			                                 .Bind(17, asset.updated_at)
			                                 .Bind(18, asset.org_id)
			                                 .Bind(19, asset.id);
		                             }),
		                     "the information asset does not exist");
	});
}

Status SqliteStore::DeleteAsset(Id org_id, Id asset_id) {
	return InTransaction([&]() -> Status {
		// Its treatments go with it (ON DELETE CASCADE).
		return ExpectChanged(Execute(db(), "DELETE FROM assets WHERE org_id = ? AND id = ?",
		                             [&](Statement &s) { s.Bind(1, org_id).Bind(2, asset_id); }),
		                     "the information asset does not exist");
	});
}

Status SqliteStore::ReplaceAssets(Id org_id, const std::vector<Asset> &assets) {
	return InTransaction([&]() -> Status {
		Result<int> cleared =
		    Execute(db(), "DELETE FROM assets WHERE org_id = ?", [&](Statement &s) { s.Bind(1, org_id); });
		if (!cleared) {
			return cleared.error();
		}
		for (std::size_t i = 0; i < assets.size(); ++i) {
			Result<Id> id = InsertAsset(db(), org_id, assets[i]);
			if (!id) {
				// Name the row, so an import can point at the offending line.
				Error error = id.error();
				const std::string row = "assets." + std::to_string(i);
				error.field = error.field.empty() ? row : row + "." + error.field;
				return error;
			}
		}
		return OkStatus();
	});
}

Result<std::vector<ThreatFrequency>> SqliteStore::ListThreatFrequencies(Id org_id) {
	ConnectionUse use = Use();
	return QueryAll<ThreatFrequency>(
	    db(), "SELECT org_id, threat_id, frequency FROM threat_frequencies WHERE org_id = ? ORDER BY threat_id",
	    [&](Statement &s) { s.Bind(1, org_id); }, ReadThreatFrequency);
}

Status SqliteStore::UpsertThreatFrequency(const ThreatFrequency &frequency) {
	if (frequency.threat_id.empty()) {
		return Error::Invalid("threat_id", "the threat is missing");
	}
	if (frequency.frequency < 1 || frequency.frequency > 3) {
		return Error::Invalid("frequency", "the threat frequency must be between 1 and 3");
	}
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db(),
		                           "INSERT INTO threat_frequencies(org_id, threat_id, frequency) VALUES (?, ?, ?) "
		                           "ON CONFLICT(org_id, threat_id) DO UPDATE SET frequency = excluded.frequency",
		                           [&](Statement &s) {
			                           s.Bind(1, frequency.org_id).Bind(2, frequency.threat_id).Bind(3, frequency.frequency);
		                           });
		return done ? OkStatus() : Status(done.error());
	});
}

// The real and the planned answers have the same shape in two tables; each
// method picks between two complete SQL texts, so no table name is ever
// assembled at run time.
Result<std::vector<ControlAnswer>> SqliteStore::ListControlAnswers(Id org_id, bool planned) {
	ConnectionUse use = Use();
	const char *sql = planned ? "SELECT org_id, item_id, answer, updated_at FROM planned_control_answers "
	                            "WHERE org_id = ? ORDER BY item_id"
	                          : "SELECT org_id, item_id, answer, updated_at FROM control_answers "
	                            "WHERE org_id = ? ORDER BY item_id";
	return QueryAll<ControlAnswer>(db(), sql, [&](Statement &s) { s.Bind(1, org_id); }, ReadControlAnswer);
}

Status SqliteStore::UpsertControlAnswer(const ControlAnswer &answer, bool planned) {
	if (answer.item_id.empty()) {
		return Error::Invalid("item_id", "the check item is missing");
	}
	if (answer.answer < 1 || answer.answer > 4) {
		return Error::Invalid("answer", "the answer must be between 1 and 4");
	}
	const char *sql = planned ? "INSERT INTO planned_control_answers(org_id, item_id, answer, updated_at) "
	                            "VALUES (?, ?, ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW ")) "
	                            "ON CONFLICT(org_id, item_id) DO UPDATE SET answer = excluded.answer, "
	                            "updated_at = excluded.updated_at"
	                          : "INSERT INTO control_answers(org_id, item_id, answer, updated_at) "
	                            "VALUES (?, ?, ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW ")) "
	                            "ON CONFLICT(org_id, item_id) DO UPDATE SET answer = excluded.answer, "
	                            "updated_at = excluded.updated_at";
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db(), sql, [&](Statement &s) {
			s.Bind(1, answer.org_id).Bind(2, answer.item_id).Bind(3, answer.answer).Bind(4, answer.updated_at);
		});
		return done ? OkStatus() : Status(done.error());
	});
}

Status SqliteStore::DeleteControlAnswer(Id org_id, const std::string &item_id, bool planned) {
	const char *sql = planned ? "DELETE FROM planned_control_answers WHERE org_id = ? AND item_id = ?"
	                          : "DELETE FROM control_answers WHERE org_id = ? AND item_id = ?";
	return InTransaction([&]() -> Status {
		// Clearing an answer that is not there leaves it unanswered, as asked.
		Result<int> done = Execute(db(), sql, [&](Statement &s) { s.Bind(1, org_id).Bind(2, item_id); });
		return done ? OkStatus() : Status(done.error());
	});
}

Status SqliteStore::ClearPlannedAnswers(Id org_id) {
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db(), "DELETE FROM planned_control_answers WHERE org_id = ?",
		                           [&](Statement &s) { s.Bind(1, org_id); });
		return done ? OkStatus() : Status(done.error());
	});
}

Result<std::vector<AnswerReview>> SqliteStore::ListAnswerReviews(Id org_id) {
	ConnectionUse use = Use();
	return QueryAll<AnswerReview>(db(),
	                              "SELECT org_id, old_item_id, old_text, answer, successor_id, reason, updated_at "
	                              "FROM control_answer_reviews WHERE org_id = ? ORDER BY successor_id, old_item_id",
	                              [&](Statement &s) { s.Bind(1, org_id); }, ReadAnswerReview);
}

Status SqliteStore::DeleteAnswerReview(Id org_id, const std::string &old_item_id) {
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db(), "DELETE FROM control_answer_reviews WHERE org_id = ? AND old_item_id = ?",
		                           [&](Statement &s) { s.Bind(1, org_id).Bind(2, old_item_id); });
		return done ? OkStatus() : Status(done.error());
	});
}

Status SqliteStore::DeleteAnswerReviewsFor(Id org_id, const std::string &successor_id) {
	if (successor_id.empty()) {
		// Reviews without a successor are only ever dismissed one by one.
		return Error::Invalid("successor_id", "the successor item is missing");
	}
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db(), "DELETE FROM control_answer_reviews WHERE org_id = ? AND successor_id = ?",
		                           [&](Statement &s) { s.Bind(1, org_id).Bind(2, successor_id); });
		return done ? OkStatus() : Status(done.error());
	});
}

Result<std::vector<RiskTreatment>> SqliteStore::ListTreatments(Id org_id) {
	ConnectionUse use = Use();
	return QueryAll<RiskTreatment>(db(), kTreatmentColumns + "WHERE org_id = ? ORDER BY asset_id, threat_id",
	                               [&](Statement &s) { s.Bind(1, org_id); }, ReadTreatment);
}

Result<std::optional<RiskTreatment>> SqliteStore::FindTreatment(Id org_id, Id asset_id, const std::string &threat_id) {
	ConnectionUse use = Use();
	return QueryOne<RiskTreatment>(db(), kTreatmentColumns + "WHERE org_id = ? AND asset_id = ? AND threat_id = ?",
	                               [&](Statement &s) { s.Bind(1, org_id).Bind(2, asset_id).Bind(3, threat_id); },
	                               ReadTreatment);
}

Result<Id> SqliteStore::UpsertTreatment(const RiskTreatment &treatment) {
	if (treatment.threat_id.empty()) {
		return Error::Invalid("threat_id", "the threat is missing");
	}
	if (!IsTreatmentDecision(treatment.decision)) {
		return Error::Invalid("decision", "the decision must be reduce, accept, avoid or transfer");
	}
	Result<Id> id = Id{0};
	Status status = InTransaction([&]() -> Status {
		// Checked under the same write lock as the upsert; the (org_id,
		// asset_id) foreign key enforces the same in the schema.
		Result<bool> asset_found = Exists(db(), "SELECT 1 FROM assets WHERE org_id = ? AND id = ?",
		                                  [&](Statement &s) { s.Bind(1, treatment.org_id).Bind(2, treatment.asset_id); });
		if (!asset_found) {
			return asset_found.error();
		}
		if (!*asset_found) {
			return Error::Make(ErrorCode::kNotFound, "the information asset does not exist");
		}
		Result<int> upserted = Execute(db(),
		                               "INSERT INTO risk_treatments(org_id, asset_id, threat_id, decision, measure, owner, "
		                               "due_on, residual_risk, reason, approved_by, approved_at, completed, updated_at) "
		                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW ")) "
		                               "ON CONFLICT(asset_id, threat_id) DO UPDATE SET decision = excluded.decision, "
		                               "measure = excluded.measure, owner = excluded.owner, due_on = excluded.due_on, "
		                               "residual_risk = excluded.residual_risk, reason = excluded.reason, "
		                               "approved_by = excluded.approved_by, approved_at = excluded.approved_at, "
		                               "completed = excluded.completed, updated_at = excluded.updated_at",
		                               [&](Statement &s) {
			                               s.Bind(1, treatment.org_id)
			                                   .Bind(2, treatment.asset_id)
			                                   .Bind(3, treatment.threat_id)
			                                   .Bind(4, treatment.decision)
			                                   .Bind(5, treatment.measure)
			                                   .Bind(6, treatment.owner)
			                                   .Bind(7, treatment.due_on)
			                                   .Bind(8, treatment.residual_risk)
			                                   .Bind(9, treatment.reason)
			                                   .Bind(10, treatment.approved_by)
			                                   .Bind(11, treatment.approved_at)
			                                   .Bind(12, treatment.completed)
			                                   .Bind(13, treatment.updated_at);
		                               });
		if (!upserted) {
			return upserted.error();
		}
		// last_insert_rowid is not set when the upsert took the UPDATE path.
		Result<std::optional<Id>> treatment_id = QueryOne<Id>(
		    db(), "SELECT id FROM risk_treatments WHERE org_id = ? AND asset_id = ? AND threat_id = ?",
		    [&](Statement &s) { s.Bind(1, treatment.org_id).Bind(2, treatment.asset_id).Bind(3, treatment.threat_id); },
		    [](const Statement &s) -> Result<Id> { return s.ColumnInt64(0); });
		if (!treatment_id) {
			return treatment_id.error();
		}
		if (!treatment_id->has_value()) {
			return Error::Make(ErrorCode::kInternal, "the treatment vanished while it was being saved");
		}
		id = **treatment_id;
		return OkStatus();
	});
	if (!status) {
		return status.error();
	}
	return id;
}

Status SqliteStore::DeleteTreatment(Id org_id, Id treatment_id) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db(), "DELETE FROM risk_treatments WHERE org_id = ? AND id = ?",
		                             [&](Statement &s) { s.Bind(1, org_id).Bind(2, treatment_id); }),
		                     "the risk treatment does not exist");
	});
}

} // namespace mamori::storage
