// mamori/interchange/audit_csv.cpp
#include "interchange/audit_csv.hpp"

#include "interchange/csv_text.hpp"

namespace mamori::interchange {

std::string WriteAuditCsv(const std::vector<storage::AuditEntry> &entries) {
	std::string out(kCsvBom);
	CsvAppendRecord(out, {"id", "at", "user", "action", "target", "detail", "hash"});
	for (const auto &entry : entries) {
		CsvAppendRecord(out, {std::to_string(entry.id), entry.at, entry.user_email, entry.action, entry.target,
		                      entry.detail, entry.hash});
	}
	return out;
}

} // namespace mamori::interchange
