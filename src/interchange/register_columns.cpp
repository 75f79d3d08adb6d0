// mamori/interchange/register_columns.cpp
#include "interchange/register_format.hpp"

namespace mamori::interchange {

const std::vector<RegisterColumn> &RegisterColumns() {
	// Order and headers follow the IPA 付録7 台帳 sheet (表12), with the
	// optional リスク所有者 at the end as the Tokyo handbook adds it.
	static const std::vector<RegisterColumn> kColumns = {
	    {"business_category", "業務分類"},
	    {"name", "情報資産名称"},
	    {"note", "備考"},
	    {"users", "利用者範囲"},
	    {"department", "管理部署"},
	    {"medium", "媒体・保存先"},
	    {"personal_info", "個人情報"},
	    {"sensitive_personal_info", "要配慮個人情報"},
	    {"my_number", "マイナンバー"},
	    {"confidentiality", "機密性"},
	    {"integrity", "完全性"},
	    {"availability", "可用性"},
	    {"business_critical", "事業への深刻な影響"},
	    {"retention", "保存期限"},
	    {"registered_on", "登録日"},
	    {"risk_owner", "リスク所有者"},
	};
	return kColumns;
}

std::string CellError::Describe() const {
	std::string where = sheet.empty() ? "" : sheet + " ";
	where += std::to_string(row) + "行目";
	if (!column.empty()) {
		where += "「" + column + "」";
	}
	return where + "：" + message;
}

Result<RegisterFormat> ParseRegisterFormat(const std::string &name) {
	if (name == "xlsx") {
		return RegisterFormat::kXlsx;
	}
	if (name == "csv") {
		return RegisterFormat::kCsv;
	}
	if (name == "json") {
		return RegisterFormat::kJson;
	}
	return Error::Invalid("format", "形式は xlsx, csv, json のいずれかです。");
}

} // namespace mamori::interchange
