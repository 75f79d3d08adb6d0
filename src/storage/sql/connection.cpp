// mamori/storage/sql/connection.cpp
#include "storage/sql/connection.hpp"

namespace mamori::storage::sql {

Result<Statement> Statement::Prepare(Connection *db, std::string_view sql) {
	return db->Prepare(sql);
}

Result<bool> Statement::Step() {
	if (bind_error_) {
		return *bind_error_;
	}
	return driver_->Step();
}

Status Statement::Run() {
	while (true) {
		Result<bool> row = Step();
		if (!row) {
			return row.error();
		}
		if (!*row) {
			return OkStatus();
		}
	}
}

std::optional<std::int64_t> Statement::ColumnOptionalInt64(int col) const {
	if (ColumnIsNull(col)) {
		return std::nullopt;
	}
	return ColumnInt64(col);
}

void Statement::Reset() {
	driver_->Reset();
	bind_error_.reset();
}

} // namespace mamori::storage::sql
