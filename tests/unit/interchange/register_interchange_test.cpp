// mamori/tests/unit/interchange/register_interchange_test.cpp
//
// The 台帳 as XLSX / CSV / JSON: every export reads back to the same rows,
// the workbook has the IPA sheets with drop-down lists, Shift_JIS CSV from
// Japanese Excel imports, and every kind of bad file or bad cell is refused
// with a message saying where and why.
#include "core/i18n/japanese_text.hpp"
#include "interchange/register_format.hpp"
#include "platform/files.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>
#include <iconv.h>
#include <nlohmann/json.hpp>
#include <zip.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace mamori::interchange {
namespace {

const Edition &DefaultEdition() {
	return testing_support::ShippedCatalog().DefaultEdition();
}

const MessageCatalog &Messages() {
	return testing_support::ShippedMessages();
}

//! Files in Japanese, the default document language.
DocumentText RegisterJa() {
	return DocumentText{Messages(), Locale::kJa};
}

//! The shipped content in every language.
const Catalogs &ShippedCatalogs() {
	static const Catalogs catalogs = [] {
		auto loaded = platform::LoadCatalogs(testing_support::SourcePath("content"));
		if (!loaded) {
			ADD_FAILURE() << loaded.error().Describe();
			std::abort();
		}
		return std::move(loaded.value());
	}();
	return catalogs;
}

const Edition &EnglishEdition() {
	return ShippedCatalogs().In(Locale::kEn).DefaultEdition();
}

//! What the web and the CLI read with: every language's words.
const ReadingContext &Reading() {
	static const ReadingContext context{{{Locale::kJa, &DefaultEdition()}, {Locale::kEn, &EnglishEdition()}},
	                                    Messages()};
	return context;
}

std::string RegisterJaText(const Error &error) {
	return testing_support::Describe(error, Locale::kJa);
}

storage::Asset MakeRegisterAsset(std::string category, std::string name, std::string medium, int c, int i, int a) {
	storage::Asset asset;
	asset.business_category = std::move(category);
	asset.name = std::move(name);
	asset.medium = std::move(medium);
	asset.confidentiality = c;
	asset.integrity = i;
	asset.availability = a;
	return asset;
}

// Rows that exercise everything a cell can hold: Japanese text, commas,
// quotes, line breaks, text Excel would run as a formula, empty optional
// cells, every boolean both ways, with and without a registration date.
std::vector<storage::Asset> SampleAssets() {
	std::vector<storage::Asset> assets;
	storage::Asset customers = MakeRegisterAsset("営業", "顧客名簿（得意先・個人顧客）", "server", 2, 2, 1);
	customers.note = "氏名, 住所, 電話番号を含む\n\"重要\" 扱い";
	customers.users = "営業部、経理部";
	customers.department = "営業部";
	customers.personal_info = true;
	customers.sensitive_personal_info = false;
	customers.my_number = false;
	customers.business_critical = true;
	customers.retention = "5年";
	customers.registered_on = "2025-04-01";
	customers.risk_owner = "営業部長 山田";
	assets.push_back(customers);

	storage::Asset payroll = MakeRegisterAsset("人事・総務", "給与台帳", "cloud", 2, 2, 2);
	payroll.note = "=SUM(A1:A3) と書かれた備考"; // must stay text, not become a formula
	payroll.personal_info = true;
	payroll.sensitive_personal_info = true;
	payroll.my_number = true;
	payroll.business_critical = false;
	payroll.retention = "2030-03-31";
	payroll.registered_on = "2024-02-29";
	assets.push_back(payroll);

	storage::Asset catalog = MakeRegisterAsset("広報", "製品カタログ（公開済み）", "paper", 0, 0, 0);
	assets.push_back(catalog); // every optional cell empty, every flag 無

	storage::Asset drawings = MakeRegisterAsset("製造", "受託製品の図面 \"A-1\", 改訂版", "removable", 1, 2, 1);
	drawings.users = "+81-3-1234-5678 の担当者";
	drawings.department = "技術部\n第二課";
	drawings.business_critical = true;
	drawings.registered_on = "2023-12-31";
	assets.push_back(drawings);
	return assets;
}

//! A snapshot with its analysis, kept together so the pointers stay valid.
struct Fixture {
	AnalysisInput input;
	AnalysisResult analysis;
	RegisterSnapshot snapshot;

	explicit Fixture(std::vector<storage::Asset> assets) {
		snapshot.organization_name = "株式会社まもり製作所";
		snapshot.assets = std::move(assets);
		snapshot.frequencies = {{"server_cyber", 2}, {"cloud_unauthorized", 3}};
		snapshot.answers = {{"c01-01", CheckAnswer::kImplemented},
		                    {"c01-02", CheckAnswer::kPartial},
		                    {"c01-03", CheckAnswer::kNotApplicable}};
		for (const auto &asset : snapshot.assets) {
			RegisterAsset row;
			row.key = asset.name;
			row.name = asset.name;
			row.medium = asset.medium;
			row.rating =
			    AssetRating{asset.confidentiality,         asset.integrity, asset.availability,     asset.personal_info,
			                asset.sensitive_personal_info, asset.my_number, asset.business_critical};
			input.assets.push_back(row);
		}
		input.frequencies = snapshot.frequencies;
		input.answers = snapshot.answers;
		analysis = AnalyzeRegister(DefaultEdition(), input);
		snapshot.analysis = &analysis;
	}
	Fixture(const Fixture &) = delete;
	Fixture &operator=(const Fixture &) = delete;
};

void ExpectSameRows(const std::vector<storage::Asset> &expected, const std::vector<storage::Asset> &actual) {
	ASSERT_EQ(expected.size(), actual.size());
	for (size_t i = 0; i < expected.size(); ++i) {
		SCOPED_TRACE("row " + std::to_string(i) + " " + expected[i].name);
		const storage::Asset &e = expected[i];
		const storage::Asset &a = actual[i];
		EXPECT_EQ(e.business_category, a.business_category);
		EXPECT_EQ(e.name, a.name);
		EXPECT_EQ(e.note, a.note);
		EXPECT_EQ(e.users, a.users);
		EXPECT_EQ(e.department, a.department);
		EXPECT_EQ(e.medium, a.medium);
		EXPECT_EQ(e.personal_info, a.personal_info);
		EXPECT_EQ(e.sensitive_personal_info, a.sensitive_personal_info);
		EXPECT_EQ(e.my_number, a.my_number);
		EXPECT_EQ(e.confidentiality, a.confidentiality);
		EXPECT_EQ(e.integrity, a.integrity);
		EXPECT_EQ(e.availability, a.availability);
		EXPECT_EQ(e.business_critical, a.business_critical);
		EXPECT_EQ(e.retention, a.retention);
		EXPECT_EQ(e.registered_on, a.registered_on);
		EXPECT_EQ(e.risk_owner, a.risk_owner);
		EXPECT_EQ(a.id, 0);
		EXPECT_EQ(a.org_id, 0);
	}
}

std::string DescribeErrors(const ImportPreview &preview) {
	std::string out;
	for (const auto &error : preview.errors) {
		out += error.Describe(Messages(), Locale::kJa) + "\n";
	}
	return out;
}

// --- ZIP helpers (libzip, in memory) -------------------------------------

std::string ZipEntry(const std::string &bytes, const std::string &name) {
	zip_error_t error;
	zip_error_init(&error);
	zip_source_t *source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
	zip_t *archive = source != nullptr ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
	zip_error_fini(&error);
	if (archive == nullptr) {
		zip_source_free(source);
		ADD_FAILURE() << "not a zip";
		return "";
	}
	std::string out;
	if (zip_file_t *file = zip_fopen(archive, name.c_str(), 0)) {
		char buffer[8192];
		zip_int64_t got = 0;
		while ((got = zip_fread(file, buffer, sizeof buffer)) > 0) {
			out.append(buffer, static_cast<size_t>(got));
		}
		zip_fclose(file);
	} else {
		ADD_FAILURE() << "no entry " << name;
	}
	zip_discard(archive);
	return out;
}

std::string MakeZip(const std::vector<std::pair<std::string, std::string>> &entries) {
	zip_error_t error;
	zip_error_init(&error);
	zip_source_t *buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
	zip_source_keep(buffer);
	zip_t *archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
	zip_error_fini(&error);
	for (const auto &[name, content] : entries) {
		zip_source_t *data = zip_source_buffer(archive, content.data(), content.size(), 0);
		zip_file_add(archive, name.c_str(), data, ZIP_FL_ENC_UTF_8);
	}
	zip_close(archive);
	std::string out;
	zip_source_open(buffer);
	zip_source_seek(buffer, 0, SEEK_END);
	out.resize(static_cast<size_t>(zip_source_tell(buffer)));
	zip_source_seek(buffer, 0, SEEK_SET);
	zip_source_read(buffer, out.data(), out.size());
	zip_source_close(buffer);
	zip_source_free(buffer);
	return out;
}

std::string ToCp932(const std::string &utf8) {
	iconv_t cd = iconv_open("CP932", "UTF-8");
	std::string out(utf8.size() * 2 + 16, '\0');
	char *in = const_cast<char *>(utf8.data());
	size_t in_left = utf8.size();
	char *dst = out.data();
	size_t out_left = out.size();
	const size_t rc = iconv(cd, &in, &in_left, &dst, &out_left);
	iconv_close(cd);
	EXPECT_NE(rc, static_cast<size_t>(-1)) << "test data not representable in CP932";
	out.resize(out.size() - out_left);
	return out;
}

const char *kCsvHeader =
    "業務分類,情報資産名称,備考,利用者範囲,管理部署,媒体・保存先,個人情報,要配慮個人情報,マイナンバー,"
    "機密性,完全性,可用性,事業への深刻な影響,保存期限,登録日,リスク所有者\n";

// A minimal workbook around one sheet XML, as the tests of the XLSX reader need.
std::string WorkbookWith(const std::string &sheet_xml, const std::string &sheet_name = "情報資産管理台帳") {
	return MakeZip({
	    {"_rels/.rels", R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>)"},
	    {"xl/workbook.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name=")" + sheet_name +
	                            R"(" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
	    {"xl/_rels/workbook.xml.rels", R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>)"},
	    {"xl/worksheets/sheet1.xml", sheet_xml},
	});
}

std::string InlineRow(int row, const std::vector<std::string> &values) {
	std::string out = "<row r=\"" + std::to_string(row) + "\">";
	for (size_t i = 0; i < values.size(); ++i) {
		if (values[i].empty()) {
			continue;
		}
		const std::string ref = std::string(1, static_cast<char>('A' + i)) + std::to_string(row);
		out += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + values[i] + "</t></is></c>";
	}
	return out + "</row>";
}

const std::vector<std::string> kHeaders = {"業務分類",           "情報資産名称", "備考",     "利用者範囲",
                                           "管理部署",           "媒体・保存先", "個人情報", "要配慮個人情報",
                                           "マイナンバー",       "機密性",       "完全性",   "可用性",
                                           "事業への深刻な影響", "保存期限",     "登録日",   "リスク所有者"};

// --- Round trips ---------------------------------------------------------

TEST(RegisterInterchangeTest, XlsxRoundTrip) {
	const Fixture fixture(SampleAssets());
	auto bytes = WriteRegisterXlsx(DefaultEdition(), fixture.snapshot, RegisterJa());
	ASSERT_TRUE(bytes.ok()) << bytes.error().Describe();
	ASSERT_EQ(bytes->substr(0, 2), "PK");
	auto preview = ReadRegisterXlsx(Reading(), *bytes);
	ASSERT_TRUE(preview.ok()) << preview.error().Describe();
	EXPECT_TRUE(preview->ok()) << DescribeErrors(*preview);
	ExpectSameRows(fixture.snapshot.assets, preview->rows);
}

TEST(RegisterInterchangeTest, CsvRoundTrip) {
	const Fixture fixture(SampleAssets());
	const std::string csv = WriteRegisterCsv(DefaultEdition(), fixture.snapshot, RegisterJa());
	EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF"); // Japanese Excel needs the BOM to read UTF-8
	EXPECT_NE(csv.find("業務分類,情報資産名称,備考"), std::string::npos);
	EXPECT_NE(csv.find("社内サーバー"), std::string::npos) << "medium cells hold the catalog name";
	EXPECT_NE(csv.find("'=SUM(A1:A3)"), std::string::npos) << "formula-like text is guarded against CSV injection";
	EXPECT_NE(csv.find("\"氏名, 住所, 電話番号を含む\n\"\"重要\"\" 扱い\""), std::string::npos);
	EXPECT_NE(csv.find("重要度,最大リスク値,リスクの大きさ,主な脅威"), std::string::npos);
	auto preview = ReadRegisterCsv(Reading(), csv);
	ASSERT_TRUE(preview.ok()) << preview.error().Describe();
	EXPECT_TRUE(preview->ok()) << DescribeErrors(*preview);
	ExpectSameRows(fixture.snapshot.assets, preview->rows);
}

TEST(RegisterInterchangeTest, JsonRoundTrip) {
	const Fixture fixture(SampleAssets());
	const std::string json = WriteRegisterJson(DefaultEdition(), fixture.snapshot, RegisterJa());
	EXPECT_NE(json.find("\"assets\""), std::string::npos);
	EXPECT_NE(json.find("顧客名簿"), std::string::npos) << "JSON keeps Japanese as UTF-8, not \\u escapes";
	auto preview = ReadRegisterJson(Reading(), json);
	ASSERT_TRUE(preview.ok()) << preview.error().Describe();
	EXPECT_TRUE(preview->ok()) << DescribeErrors(*preview);
	ExpectSameRows(fixture.snapshot.assets, preview->rows);
	auto dispatched = ReadRegister(Reading(), RegisterFormat::kJson, json);
	ASSERT_TRUE(dispatched.ok());
	EXPECT_EQ(dispatched->rows.size(), fixture.snapshot.assets.size());
}

TEST(RegisterInterchangeTest, EmptyRegisterRoundTrips) {
	const Fixture fixture({});
	auto xlsx = WriteRegisterXlsx(DefaultEdition(), fixture.snapshot, RegisterJa());
	ASSERT_TRUE(xlsx.ok()) << xlsx.error().Describe();
	auto from_xlsx = ReadRegisterXlsx(Reading(), *xlsx);
	ASSERT_TRUE(from_xlsx.ok()) << from_xlsx.error().Describe();
	EXPECT_TRUE(from_xlsx->rows.empty());
	auto from_csv = ReadRegisterCsv(Reading(), WriteRegisterCsv(DefaultEdition(), fixture.snapshot, RegisterJa()));
	ASSERT_TRUE(from_csv.ok()) << from_csv.error().Describe();
	EXPECT_TRUE(from_csv->rows.empty());
}

TEST(RegisterInterchangeTest, ExportWithoutAnalysisComputesIt) {
	Fixture fixture(SampleAssets());
	fixture.snapshot.analysis = nullptr;
	const std::string csv = WriteRegisterCsv(DefaultEdition(), fixture.snapshot, RegisterJa());
	// 顧客名簿 has personal data, so 重要度 2; the cell after the inputs must not be empty.
	const size_t row = csv.find("顧客名簿");
	ASSERT_NE(row, std::string::npos);
	const std::string line = csv.substr(row, csv.find("\r\n", row) - row);
	EXPECT_NE(line.find("営業部長 山田,2,"), std::string::npos) << line;
}

// --- Languages ---------------------------------------------------------------
//
// A file is a document of the organisation, written in its document language;
// a file exported in either language imports again, and import problems are
// told in the reader's language.

DocumentText En() {
	return DocumentText{Messages(), Locale::kEn};
}

//! The first line of a CSV export, without the BOM.
std::string HeaderLine(const std::string &csv) {
	const std::string text = csv.substr(3);
	return text.substr(0, text.find("\r\n"));
}

TEST(RegisterInterchangeTest, EnglishExportsImportAgain) {
	Fixture fixture(SampleAssets());
	fixture.snapshot.analysis = nullptr; // the fixture's analysis names things in Japanese
	auto xlsx = WriteRegisterXlsx(EnglishEdition(), fixture.snapshot, En());
	ASSERT_TRUE(xlsx.ok()) << xlsx.error().Describe();
	const std::string csv = WriteRegisterCsv(EnglishEdition(), fixture.snapshot, En());
	const std::string json = WriteRegisterJson(EnglishEdition(), fixture.snapshot, En());
	for (const auto &[format, bytes] : {std::pair{RegisterFormat::kXlsx, *xlsx}, std::pair{RegisterFormat::kCsv, csv},
	                                    std::pair{RegisterFormat::kJson, json}}) {
		SCOPED_TRACE(static_cast<int>(format));
		auto preview = ReadRegister(Reading(), format, bytes);
		ASSERT_TRUE(preview.ok()) << RegisterJaText(preview.error());
		EXPECT_TRUE(preview->ok()) << DescribeErrors(*preview);
		ExpectSameRows(fixture.snapshot.assets, preview->rows);
	}
}

TEST(RegisterInterchangeTest, EnglishCsvHasEnglishHeadersAndWords) {
	Fixture fixture(SampleAssets());
	fixture.snapshot.analysis = nullptr;
	const std::string csv = WriteRegisterCsv(EnglishEdition(), fixture.snapshot, En());
	const std::string header = HeaderLine(csv);
	EXPECT_EQ(header.rfind("Business area,Information asset name,Notes,", 0), 0u) << header;
	EXPECT_NE(header.find("Risk owner,Importance,Highest risk value,Risk level,Main threat"), std::string::npos)
	    << header;
	EXPECT_FALSE(ContainsJapanese(header)) << header;
	// 製品カタログ（公開済み）: a paper document with every flag off.
	const size_t row = csv.find("製品カタログ（公開済み）");
	ASSERT_NE(row, std::string::npos);
	const std::string line = csv.substr(row, csv.find("\r\n", row) - row);
	EXPECT_NE(line.find(",No,No,No,0,0,0,No,"), std::string::npos) << line;
	const std::string medium = DefaultEdition().risk_catalog.FindMedium("paper")->name;
	const std::string english_medium = EnglishEdition().risk_catalog.FindMedium("paper")->name;
	ASSERT_NE(medium, english_medium) << "the English edition names the medium in English";
	EXPECT_NE(line.find("," + english_medium + ","), std::string::npos) << line;
	// The user's data stays as entered.
	EXPECT_NE(csv.find("営業部長 山田"), std::string::npos);

	const std::string diagnosis = WriteDiagnosisCsv(EnglishEdition(), fixture.snapshot, En());
	// Guideline terms keep their Japanese in brackets (付録５), as everywhere in English.
	EXPECT_FALSE(ContainsJapaneseOutsideBrackets(HeaderLine(diagnosis))) << HeaderLine(diagnosis);
	EXPECT_NE(diagnosis.find("\r\n(1) "), std::string::npos) << "categories are numbered the English way";
}

TEST(RegisterInterchangeTest, EnglishWorkbookNamesItsSheetsInEnglish) {
	Fixture fixture(SampleAssets());
	fixture.snapshot.analysis = nullptr;
	auto english = WriteRegisterXlsx(EnglishEdition(), fixture.snapshot, En());
	ASSERT_TRUE(english.ok()) << english.error().Describe();
	const std::string workbook = ZipEntry(*english, "xl/workbook.xml");
	for (const char *sheet : {"Asset register", "Threats", "Control check", "Diagnosis"}) {
		EXPECT_NE(workbook.find(std::string("name=\"") + sheet + "\""), std::string::npos) << sheet << "\n" << workbook;
	}
	EXPECT_FALSE(ContainsJapanese(workbook)) << workbook;

	// Japanese stays the default document language, with the IPA sheet names.
	auto japanese = WriteRegisterXlsx(DefaultEdition(), fixture.snapshot, RegisterJa());
	ASSERT_TRUE(japanese.ok());
	const std::string japanese_workbook = ZipEntry(*japanese, "xl/workbook.xml");
	for (const char *sheet : {"情報資産管理台帳", "脅威の状況", "対策状況チェック", "診断結果"}) {
		EXPECT_NE(japanese_workbook.find(std::string("name=\"") + sheet + "\""), std::string::npos) << sheet;
	}
}

TEST(RegisterInterchangeTest, ImportProblemsAreToldInTheReadersLanguage) {
	const std::string english_header =
	    "Business area,Information asset name,Notes,Users,Managing department,Medium or storage location,"
	    "Personal information,Sensitive personal information,My Number,Confidentiality,Integrity,Availability,"
	    "Serious impact on the business,Retention period,Registered on,Risk owner\n";
	auto preview = ReadRegisterCsv(Reading(), english_header + "Sales,Quotes,,,,paper,Yes,no,×,9,1,1,有,,,\n");
	ASSERT_TRUE(preview.ok()) << RegisterJaText(preview.error());
	ASSERT_EQ(preview->errors.size(), 1u) << DescribeErrors(*preview);
	const CellError &error = preview->errors[0];
	EXPECT_EQ(error.sheet, "Asset register") << "the file is named in its own language";
	EXPECT_EQ(error.column, "Confidentiality");
	EXPECT_EQ(error.Describe(Messages(), Locale::kEn),
	          "Asset register row 2, Confidentiality: \"9\" is out of range. Enter a whole number from 0 to 2.");
	EXPECT_EQ(error.Describe(Messages(), Locale::kJa),
	          "Asset register 2行目「Confidentiality」：「9」は範囲外です。0〜2 の整数を入力してください。");

	// A Japanese file read by an English reader: the places as in the file, the problem in English.
	auto japanese = ReadRegisterCsv(Reading(), std::string(kCsvHeader) + "営業,a,,,,書類,無,無,無,1,1,1,たぶん,,,\n");
	ASSERT_TRUE(japanese.ok());
	ASSERT_EQ(japanese->errors.size(), 1u) << DescribeErrors(*japanese);
	EXPECT_EQ(japanese->errors[0].Describe(Messages(), Locale::kEn),
	          "情報資産管理台帳 row 2, 事業への深刻な影響: \"たぶん\" cannot be used. Enter Yes or No (○/×, 1/0 and "
	          "有/無 also work).");

	// File errors too.
	auto headers = ReadRegisterCsv(Reading(), "Business area,Information asset name\nSales,Quotes\n");
	ASSERT_FALSE(headers.ok());
	EXPECT_EQ(testing_support::Describe(headers.error(), Locale::kEn),
	          "Asset register row 1: the headings \"Medium or storage location\"\"Confidentiality\"\"Integrity\""
	          "\"Availability\" are missing.");
	auto empty = ReadRegisterCsv(Reading(), "\xEF\xBB\xBF  \n");
	ASSERT_FALSE(empty.ok());
	EXPECT_EQ(testing_support::Describe(empty.error(), Locale::kEn), "The file is empty.");
	EXPECT_EQ(RegisterJaText(empty.error()), "ファイルが空です。");
}

TEST(RegisterInterchangeTest, DatesWrittenByHandAreRead) {
	auto preview = ReadRegisterCsv(Reading(), std::string(kCsvHeader) +
	                                              "営業,a,,,,書類,無,無,無,1,1,1,無,,2025年4月1日,\n"
	                                              "営業,b,,,,書類,無,無,無,1,1,1,無,,２０２４年２月２９日,\n"
	                                              "営業,c,,,,書類,無,無,無,1,1,1,無,,2025年2月29日,\n");
	ASSERT_TRUE(preview.ok()) << RegisterJaText(preview.error());
	ASSERT_EQ(preview->rows.size(), 2u) << DescribeErrors(*preview);
	EXPECT_EQ(preview->rows[0].registered_on, "2025-04-01");
	EXPECT_EQ(preview->rows[1].registered_on, "2024-02-29");
	ASSERT_EQ(preview->errors.size(), 1u);
	EXPECT_EQ(preview->errors[0].row, 4) << "2025 has no 29 February";
}

// --- The workbook ----------------------------------------------------------

TEST(RegisterInterchangeTest, XlsxHasIpaSheetsValidationsAndComputedColumns) {
	const Fixture fixture(SampleAssets());
	auto bytes = WriteRegisterXlsx(DefaultEdition(), fixture.snapshot, RegisterJa());
	ASSERT_TRUE(bytes.ok()) << bytes.error().Describe();
	const std::string workbook = ZipEntry(*bytes, "xl/workbook.xml");
	// The IPA workbook's sheet names (付録7: 「情報資産管理台帳」シート).
	for (const char *name : {"情報資産管理台帳", "脅威の状況", "対策状況チェック", "診断結果"}) {
		EXPECT_NE(workbook.find(std::string("name=\"") + name + "\""), std::string::npos) << name;
	}
	EXPECT_EQ(workbook.find("name=\"台帳\""), std::string::npos);
	EXPECT_LT(workbook.find("情報資産管理台帳"), workbook.find("脅威の状況"));

	const std::string register_sheet = ZipEntry(*bytes, "xl/worksheets/sheet1.xml");
	EXPECT_NE(register_sheet.find("<dataValidation "), std::string::npos);
	EXPECT_NE(register_sheet.find("社内サーバー"), std::string::npos) << "medium list from the catalog names";
	EXPECT_NE(register_sheet.find("<formula1>\"有,無\"</formula1>"), std::string::npos);
	EXPECT_NE(register_sheet.find("<formula1>\"0,1,2\"</formula1>"), std::string::npos)
	    << "C/I/A list from the edition's scale";
	EXPECT_NE(register_sheet.find("ySplit=\"1\""), std::string::npos) << "header row frozen";
	EXPECT_NE(register_sheet.find("<cols>"), std::string::npos) << "column widths set";

	const std::string threat_sheet = ZipEntry(*bytes, "xl/worksheets/sheet2.xml");
	EXPECT_NE(threat_sheet.find("<formula1>\"1,2,3\"</formula1>"), std::string::npos);
	const std::string check_sheet = ZipEntry(*bytes, "xl/worksheets/sheet3.xml");
	EXPECT_NE(check_sheet.find("<formula1>\"1,2,3,4\"</formula1>"), std::string::npos);
	const std::string result_sheet = ZipEntry(*bytes, "xl/worksheets/sheet4.xml");
	EXPECT_NE(result_sheet.find("ySplit=\"1\""), std::string::npos);

	const std::string strings = ZipEntry(*bytes, "xl/sharedStrings.xml");
	for (const char *text :
	     {"重要度", "最大リスク値", "リスクの大きさ", "主な脅威", "漏えい", "消失・停止", "対策の実施率",
	      "情報セキュリティ関連規程 策定の必要性", "付録５ 情報セキュリティ関連規程による対策規定の要否",
	      "対策を規定して下さい", "◎", "被害発生可能性", "リスク値", "実施している", "未回答", "年に数回程度",
	      "（1）組織的セキュリティ対策", "（6）物理的セキュリティ対策", "付録7 の設問",
	      // 組織的: 1 done, 1 partial, 1 not applicable → (1 + ½) ÷ 2, written as on the page.
	      "75.0%"}) {
		EXPECT_NE(strings.find(text), std::string::npos) << text;
	}
	const std::string styles = ZipEntry(*bytes, "xl/styles.xml");
	EXPECT_NE(styles.find("<b/>"), std::string::npos) << "bold header format";
}

TEST(RegisterInterchangeTest, XlsxExportLeavesNoTemporaryFiles) {
	namespace fs = std::filesystem;
	const auto count = [] {
		int n = 0;
		for (const auto &entry : fs::directory_iterator(fs::temp_directory_path())) {
			n += entry.path().filename().string().rfind("mamori-register-", 0) == 0;
		}
		return n;
	};
	const int before = count();
	const Fixture fixture(SampleAssets());
	for (int i = 0; i < 3; ++i) {
		ASSERT_TRUE(WriteRegisterXlsx(DefaultEdition(), fixture.snapshot, RegisterJa()).ok());
	}
	EXPECT_EQ(count(), before);
}

// --- What people actually upload ---------------------------------------

TEST(RegisterInterchangeTest, ShiftJisCsvFromJapaneseExcelImports) {
	const std::string utf8 =
	    std::string(kCsvHeader) +
	    "営業,顧客名簿,\"住所, 電話\",営業部,営業部,社内サーバー,有,無,無,2,2,1,有,5年,2025/4/1,山田\r\n"
	    "総務,就業規則,,,総務部,書類,無,無,無,0,1,1,無,,,\r\n";
	const std::string sjis = ToCp932(utf8);
	ASSERT_NE(sjis, utf8);
	auto preview = ReadRegisterCsv(Reading(), sjis);
	ASSERT_TRUE(preview.ok()) << preview.error().Describe();
	ASSERT_TRUE(preview->ok()) << DescribeErrors(*preview);
	ASSERT_EQ(preview->rows.size(), 2u);
	EXPECT_EQ(preview->rows[0].name, "顧客名簿");
	EXPECT_EQ(preview->rows[0].note, "住所, 電話");
	EXPECT_EQ(preview->rows[0].medium, "server");
	EXPECT_EQ(preview->rows[0].registered_on, "2025-04-01");
	EXPECT_TRUE(preview->rows[0].personal_info);
	EXPECT_TRUE(preview->rows[0].business_critical);
	EXPECT_EQ(preview->rows[1].medium, "paper");
	EXPECT_EQ(preview->rows[1].retention, "");
}

TEST(RegisterInterchangeTest, CsvAcceptsIdsBooleanSpellingsAndSkipsEmptyRows) {
	// No BOM, LF line ends, medium ids, every accepted way of writing yes/no.
	const std::string csv = std::string(kCsvHeader) + "営業,a,,,,server,○,×,1,2,2,2,yes,,2025-01-05,\n"
	                                                  ",,,,,,,,,,,,,,,\n"
	                                                  "\n"
	                                                  "営業,b,,,,OFFICE_PC,TRUE,False,0,\"1\",2.0,０,no,,,\n"
	                                                  "営業,c,,,,事務所PC,有,無,,1,1,1,,,,\n";
	auto preview = ReadRegisterCsv(Reading(), csv);
	ASSERT_TRUE(preview.ok()) << preview.error().Describe();
	ASSERT_TRUE(preview->ok()) << DescribeErrors(*preview);
	ASSERT_EQ(preview->rows.size(), 3u);
	const auto &a = preview->rows[0];
	EXPECT_TRUE(a.personal_info);
	EXPECT_FALSE(a.sensitive_personal_info);
	EXPECT_TRUE(a.my_number);
	EXPECT_TRUE(a.business_critical);
	const auto &b = preview->rows[1];
	EXPECT_EQ(b.medium, "office_pc");
	EXPECT_TRUE(b.personal_info);
	EXPECT_FALSE(b.sensitive_personal_info);
	EXPECT_FALSE(b.my_number);
	EXPECT_EQ(b.integrity, 2);
	EXPECT_EQ(b.availability, 0); // full-width ０ as typed with a Japanese IME
	EXPECT_FALSE(b.business_critical);
	EXPECT_EQ(preview->rows[2].medium, "office_pc");
	EXPECT_FALSE(preview->rows[2].my_number); // empty = 無
}

TEST(RegisterInterchangeTest, OnlyRequiredColumnsAndExtraColumnsAreFine) {
	const std::string csv = "メモ,情報資産名称,業務分類,媒体・保存先,機密性,完全性,可用性,重要度\n"
	                        "無視される,見積書,営業,社外サービス,1,1,0,9\n";
	auto preview = ReadRegisterCsv(Reading(), csv);
	ASSERT_TRUE(preview.ok()) << preview.error().Describe();
	ASSERT_TRUE(preview->ok()) << DescribeErrors(*preview);
	ASSERT_EQ(preview->rows.size(), 1u);
	EXPECT_EQ(preview->rows[0].name, "見積書");
	EXPECT_EQ(preview->rows[0].medium, "cloud");
	EXPECT_FALSE(preview->rows[0].personal_info);
}

TEST(RegisterInterchangeTest, ExcelSavedWorkbookReads) {
	// What Excel itself writes: the sheet behind another one, shared strings
	// with furigana (<rPh>) and rich-text runs, a prefixed namespace, booleans,
	// date-formatted serial numbers, cells without r="", a gap row, and an
	// extra column at AA.
	const std::string sheet = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c>
<x:c r="F1" t="s"><x:v>3</x:v></x:c><x:c r="G1" t="s"><x:v>4</x:v></x:c><x:c r="J1" t="s"><x:v>5</x:v></x:c>
<x:c r="K1" t="s"><x:v>6</x:v></x:c><x:c r="L1" t="s"><x:v>7</x:v></x:c><x:c r="M1" t="s"><x:v>8</x:v></x:c>
<x:c r="N1" t="s"><x:v>9</x:v></x:c><x:c r="O1" t="s"><x:v>10</x:v></x:c><x:c r="AA1" t="inlineStr"><x:is><x:t>メモ</x:t></x:is></x:c></x:row>
<x:row r="2"><x:c r="A2" t="s"><x:v>11</x:v></x:c><x:c r="B2" t="s"><x:v>12</x:v></x:c>
<x:c r="C2" t="inlineStr"><x:is><x:t>1行目_x000D_
2行目</x:t></x:is></x:c>
<x:c r="F2" t="str"><x:v>社内サーバー</x:v></x:c><x:c r="G2" t="b"><x:v>1</x:v></x:c>
<x:c r="J2"><x:v>2</x:v></x:c><x:c r="K2" t="n"><x:v>1</x:v></x:c><x:c r="L2"><x:v>0</x:v></x:c><x:c r="M2" t="b"><x:v>0</x:v></x:c>
<x:c r="N2" s="2"><x:v>47573</x:v></x:c><x:c r="O2" s="1"><x:v>45383</x:v></x:c><x:c r="AA2"><x:v>12345</x:v></x:c></x:row>
<x:row r="3"><x:c r="A3" s="1"/></x:row>
<x:row r="5"><x:c t="inlineStr"><x:is><x:t>総務</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>就業規則</x:t></x:is></x:c>
<x:c/><x:c/><x:c/><x:c t="inlineStr"><x:is><x:t>書類</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>無</x:t></x:is></x:c>
<x:c/><x:c/><x:c><x:v>0</x:v></x:c><x:c><x:v>1</x:v></x:c><x:c><x:v>1</x:v></x:c><x:c/><x:c/><x:c><x:v>45748</x:v></x:c></x:row>
</x:sheetData></x:worksheet>)";
	const std::string shared = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="13" uniqueCount="13">
<si><t>業務分類</t></si><si><t>情報資産名称</t></si><si><t>備考</t></si><si><t>媒体・保存先</t></si><si><t>個人情報</t></si>
<si><t>機密性</t></si><si><t>完全性</t></si><si><t>可用性</t></si><si><t>事業への深刻な影響</t></si><si><t>保存期限</t></si>
<si><t>登録日</t></si>
<si><r><t>営</t></r><r><rPr><b/></rPr><t>業</t></r></si>
<si><t>顧客名簿</t><rPh sb="0" eb="2"><t>コキャク</t></rPh><rPh sb="2" eb="4"><t>メイボ</t></rPh><phoneticPr fontId="1"/></si>
</sst>)";
	const std::string styles = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/></numFmts>
<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/></cellXfs></styleSheet>)";
	const std::string bytes = MakeZip({
	    {"_rels/.rels", R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/>
</Relationships>)"},
	    {"xl/workbook.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="説明" sheetId="2" r:id="rId2"/><sheet name="台帳" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
	    {"xl/_rels/workbook.xml.rels", R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>)"},
	    {"xl/worksheets/sheet1.xml", "<worksheet><sheetData/></worksheet>"},
	    {"xl/worksheets/sheet2.xml", sheet},
	    {"xl/sharedStrings.xml", shared},
	    {"xl/styles.xml", styles},
	});
	auto preview = ReadRegisterXlsx(Reading(), bytes);
	ASSERT_TRUE(preview.ok()) << preview.error().Describe();
	ASSERT_TRUE(preview->ok()) << DescribeErrors(*preview);
	ASSERT_EQ(preview->rows.size(), 2u);
	const auto &customers = preview->rows[0];
	EXPECT_EQ(customers.business_category, "営業");
	EXPECT_EQ(customers.name, "顧客名簿") << "furigana is not part of the value";
	EXPECT_EQ(customers.note, "1行目\n2行目");
	EXPECT_EQ(customers.medium, "server");
	EXPECT_TRUE(customers.personal_info);
	EXPECT_EQ(customers.confidentiality, 2);
	EXPECT_EQ(customers.integrity, 1);
	EXPECT_EQ(customers.availability, 0);
	EXPECT_FALSE(customers.business_critical);
	EXPECT_EQ(customers.retention, "2030-03-31") << "a date-formatted 保存期限 reads as the date Excel shows";
	EXPECT_EQ(customers.registered_on, "2024-04-01");
	const auto &rules = preview->rows[1];
	EXPECT_EQ(rules.name, "就業規則");
	EXPECT_EQ(rules.medium, "paper");
	EXPECT_EQ(rules.registered_on, "2025-04-01") << "a bare serial number in 登録日 is an Excel date";
}

// --- Refusals: whole file ------------------------------------------------

TEST(RegisterInterchangeTest, MissingHeaderIsRefusedByName) {
	const std::string csv = "業務分類,情報資産名称,媒体・保存先,完全性,可用性\n営業,a,書類,1,1\n";
	auto preview = ReadRegisterCsv(Reading(), csv);
	ASSERT_FALSE(preview.ok());
	EXPECT_NE(RegisterJaText(preview.error()).find("台帳 1行目"), std::string::npos) << RegisterJaText(preview.error());
	EXPECT_NE(RegisterJaText(preview.error()).find("見出し「機密性」がありません"), std::string::npos)
	    << RegisterJaText(preview.error());

	std::vector<std::string> headers = kHeaders;
	headers[10] = "完全性（I）"; // renamed
	auto xlsx = ReadRegisterXlsx(Reading(), WorkbookWith("<worksheet><sheetData>" + InlineRow(1, headers) + "</sheetData></worksheet>"));
	ASSERT_FALSE(xlsx.ok());
	EXPECT_NE(RegisterJaText(xlsx.error()).find("「完全性」"), std::string::npos) << RegisterJaText(xlsx.error());

	// Headers not on row 1 are no headers.
	auto shifted = ReadRegisterXlsx(Reading(), WorkbookWith("<worksheet><sheetData>" + InlineRow(2, kHeaders) + "</sheetData></worksheet>"));
	ASSERT_FALSE(shifted.ok());
	EXPECT_NE(RegisterJaText(shifted.error()).find("見出し「業務分類」"), std::string::npos) << RegisterJaText(shifted.error());

	auto twice = ReadRegisterCsv(Reading(), std::string("機密性,") + kCsvHeader);
	ASSERT_FALSE(twice.ok());
	EXPECT_NE(RegisterJaText(twice.error()).find("2つあります"), std::string::npos) << RegisterJaText(twice.error());
}

TEST(RegisterInterchangeTest, BrokenEncodingIsRefused) {
	// 0x81 0x7F is a lead byte with a trail CP932 does not have; 0xFF is in no encoding we accept.
	const std::string csv = std::string(kCsvHeader) + "営業,\x81\x7f\xff,,,,書類,無,無,無,0,0,0,無,,,\n";
	auto preview = ReadRegisterCsv(Reading(), csv);
	ASSERT_FALSE(preview.ok());
	EXPECT_NE(RegisterJaText(preview.error()).find("文字コード"), std::string::npos) << RegisterJaText(preview.error());
	EXPECT_NE(RegisterJaText(preview.error()).find("Shift_JIS"), std::string::npos) << RegisterJaText(preview.error());

	auto with_bom = ReadRegisterCsv(Reading(), "\xEF\xBB\xBF" + csv);
	ASSERT_FALSE(with_bom.ok());
	EXPECT_NE(RegisterJaText(with_bom.error()).find("UTF-8"), std::string::npos) << RegisterJaText(with_bom.error());
}

TEST(RegisterInterchangeTest, TruncatedXlsxIsRefused) {
	const Fixture fixture(SampleAssets());
	auto bytes = WriteRegisterXlsx(DefaultEdition(), fixture.snapshot, RegisterJa());
	ASSERT_TRUE(bytes.ok());
	auto preview = ReadRegisterXlsx(Reading(), bytes->substr(0, bytes->size() / 2));
	ASSERT_FALSE(preview.ok());
	EXPECT_NE(RegisterJaText(preview.error()).find("壊れている"), std::string::npos) << RegisterJaText(preview.error());
}

TEST(RegisterInterchangeTest, NotAZipIsRefused) {
	auto text = ReadRegisterXlsx(Reading(), "業務分類,情報資産名称\n");
	ASSERT_FALSE(text.ok());
	EXPECT_NE(RegisterJaText(text.error()).find("XLSX"), std::string::npos) << RegisterJaText(text.error());
	auto empty = ReadRegisterXlsx(Reading(), "");
	ASSERT_FALSE(empty.ok());
	auto legacy = ReadRegisterXlsx(Reading(), std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "rest");
	ASSERT_FALSE(legacy.ok());
	EXPECT_NE(RegisterJaText(legacy.error()).find(".xls"), std::string::npos) << RegisterJaText(legacy.error());
}

TEST(RegisterInterchangeTest, OlderExportsWithA台帳SheetStillRead) {
	const std::string sheet = "<worksheet><sheetData>" + InlineRow(1, kHeaders) +
	                          "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>営業</t></is></c><c r=\"B2\" "
	                          "t=\"inlineStr\"><is><t>見積書</t></is></c><c r=\"F2\" t=\"inlineStr\"><is><t>書類</t></is>"
	                          "</c><c r=\"J2\"><v>1</v></c><c r=\"K2\"><v>1</v></c><c r=\"L2\"><v>0</v></c></row>"
	                          "</sheetData></worksheet>";
	auto preview = ReadRegisterXlsx(Reading(), WorkbookWith(sheet, "台帳"));
	ASSERT_TRUE(preview.ok()) << preview.error().Describe();
	ASSERT_TRUE(preview->ok()) << DescribeErrors(*preview);
	ASSERT_EQ(preview->rows.size(), 1u);
	EXPECT_EQ(preview->rows[0].name, "見積書");
}

TEST(RegisterInterchangeTest, DiagnosisIsWrittenAlikeInJsonAndCsv) {
	const Fixture fixture(SampleAssets());
	auto json = nlohmann::json::parse(WriteRegisterJson(DefaultEdition(), fixture.snapshot, RegisterJa()));
	ASSERT_TRUE(json.contains("diagnosis"));
	ASSERT_EQ(json["diagnosis"].size(), DefaultEdition().risk_catalog.categories.size());
	const auto &organizational = json["diagnosis"][0];
	EXPECT_EQ(organizational["category"], "（1）組織的セキュリティ対策");
	EXPECT_EQ(organizational["need_mark"], "◎");
	EXPECT_EQ(organizational["rate"], "75.0%");
	EXPECT_EQ(organizational["advice"], "対策を規定して下さい");
	EXPECT_EQ(organizational["regulation"], "1 組織的対策");
	EXPECT_TRUE(json["diagnosis"][1]["rate"].is_null()) << "人的: nothing answered 1–3";
	EXPECT_EQ(json["diagnosis"][5]["category"], "（6）物理的セキュリティ対策");

	const std::string csv = WriteDiagnosisCsv(DefaultEdition(), fixture.snapshot, RegisterJa());
	EXPECT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u) << "BOM for Excel";
	EXPECT_NE(csv.find("付録５ 情報セキュリティ関連規程による対策規定の要否"), std::string::npos);
	EXPECT_NE(csv.find("（1）組織的セキュリティ対策,◎,75.0%,対策を規定して下さい,1 組織的対策,1,1,0,1,1\r\n"),
	          std::string::npos)
	    << csv;
	EXPECT_NE(csv.find("（2）人的セキュリティ対策,◎,—,対策を規定して下さい"), std::string::npos) << csv;
}

TEST(RegisterInterchangeTest, ZipWithoutRegisterSheetIsRefused) {
	const std::string sheet = "<worksheet><sheetData>" + InlineRow(1, kHeaders) + "</sheetData></worksheet>";
	auto preview = ReadRegisterXlsx(Reading(), WorkbookWith(sheet, "Sheet1"));
	ASSERT_FALSE(preview.ok());
	EXPECT_NE(RegisterJaText(preview.error()).find("「情報資産管理台帳」シートがありません"), std::string::npos)
	    << RegisterJaText(preview.error());
	EXPECT_NE(RegisterJaText(preview.error()).find("Sheet1"), std::string::npos) << RegisterJaText(preview.error());

	auto bare = ReadRegisterXlsx(Reading(), MakeZip({{"hello.txt", "hi"}}));
	ASSERT_FALSE(bare.ok());
}

TEST(RegisterInterchangeTest, MalformedSheetXmlIsRefused) {
	auto preview = ReadRegisterXlsx(Reading(), WorkbookWith("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
	                                   "業務分類</t></is></row></sheetData></worksheet>"));
	ASSERT_FALSE(preview.ok());
	EXPECT_NE(RegisterJaText(preview.error()).find("XML"), std::string::npos) << RegisterJaText(preview.error());

	auto bad_ref = ReadRegisterXlsx(Reading(), WorkbookWith("<worksheet><sheetData><row r=\"1\"><c r=\"1A\" "
	                                                               "t=\"inlineStr\"><is><t>x</t></is></c></row>"
	                                                               "</sheetData></worksheet>"));
	ASSERT_FALSE(bad_ref.ok());
	EXPECT_NE(RegisterJaText(bad_ref.error()).find("1A"), std::string::npos) << RegisterJaText(bad_ref.error());

	auto bad_shared =
	    ReadRegisterXlsx(Reading(), WorkbookWith("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" "
	                                                    "t=\"s\"><v>7</v></c></row></sheetData></worksheet>"));
	ASSERT_FALSE(bad_shared.ok());
}

TEST(RegisterInterchangeTest, MalformedJsonIsRefused) {
	auto broken = ReadRegisterJson(Reading(), "{\"assets\": [{\"name\": \"a\",}");
	ASSERT_FALSE(broken.ok());
	EXPECT_NE(RegisterJaText(broken.error()).find("JSON として読めません"), std::string::npos) << RegisterJaText(broken.error());
	auto no_assets = ReadRegisterJson(Reading(), "{\"rows\": []}");
	ASSERT_FALSE(no_assets.ok());
	EXPECT_NE(RegisterJaText(no_assets.error()).find("assets"), std::string::npos);
	auto deep = ReadRegisterJson(Reading(), std::string(100000, '['));
	ASSERT_FALSE(deep.ok());
	auto unterminated = ReadRegisterCsv(Reading(), std::string(kCsvHeader) + "営業,\"閉じない\n");
	ASSERT_FALSE(unterminated.ok());
	EXPECT_NE(RegisterJaText(unterminated.error()).find("引用符"), std::string::npos) << RegisterJaText(unterminated.error());
}

// Found by fuzzing (fuzz/json_api_fuzzer.cpp): a number beyond a double threw
// out of the reader instead of being refused.
TEST(RegisterInterchangeTest, JsonNumberBeyondADoubleIsRefused) {
	auto huge = ReadRegisterJson(Reading(), "{\"assets\": [{\"confidentiality\": 1e999}]}");
	ASSERT_FALSE(huge.ok());
	EXPECT_EQ(huge.error().message, "interchange.errors.json.number_too_large");
	EXPECT_NE(RegisterJaText(huge.error()).find("大きすぎて"), std::string::npos) << RegisterJaText(huge.error());
}

TEST(RegisterInterchangeTest, OversizedFilesAreRefused) {
	const std::string huge(20 * 1024 * 1024 + 1, ' ');
	for (auto format : {RegisterFormat::kXlsx, RegisterFormat::kCsv, RegisterFormat::kJson}) {
		auto preview = ReadRegister(Reading(), format, huge);
		ASSERT_FALSE(preview.ok());
		EXPECT_EQ(preview.error().code, ErrorCode::kPayloadTooLarge);
	}
	std::string many = kCsvHeader;
	for (int i = 0; i < 20001; ++i) {
		many += "営業,資産" + std::to_string(i) + ",,,,書類,無,無,無,0,0,0,無,,,\n";
	}
	auto preview = ReadRegisterCsv(Reading(), many);
	ASSERT_FALSE(preview.ok());
	EXPECT_EQ(preview.error().code, ErrorCode::kPayloadTooLarge);
	EXPECT_NE(RegisterJaText(preview.error()).find("20000"), std::string::npos);
}

// --- Refusals: cells -------------------------------------------------------

const CellError *FindError(const ImportPreview &preview, int row, const std::string &column) {
	for (const auto &error : preview.errors) {
		if (error.row == row && error.column == column) {
			return &error;
		}
	}
	return nullptr;
}

TEST(RegisterInterchangeTest, RatingOutOfRangeNamesSheetRowAndColumn) {
	std::string sheet = "<worksheet><sheetData>" + InlineRow(1, kHeaders);
	sheet +=
	    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>営業</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>見積書"
	    "</t></is></c><c r=\"F2\" t=\"inlineStr\"><is><t>書類</t></is></c><c r=\"J2\"><v>3</v></c><c r=\"K2\"><v>2.0"
	    "</v></c><c r=\"L2\"><v>2.5</v></c></row></sheetData></worksheet>";
	auto preview = ReadRegisterXlsx(Reading(), WorkbookWith(sheet));
	ASSERT_TRUE(preview.ok()) << preview.error().Describe();
	ASSERT_EQ(preview->errors.size(), 2u) << DescribeErrors(*preview);
	EXPECT_TRUE(preview->rows.empty()) << "a row with a bad cell is not offered for import";
	const CellError *confidentiality = FindError(*preview, 2, "機密性");
	ASSERT_NE(confidentiality, nullptr) << DescribeErrors(*preview);
	EXPECT_EQ(confidentiality->sheet, "情報資産管理台帳");
	EXPECT_NE(confidentiality->Message(Messages(), Locale::kJa).find("範囲外"), std::string::npos);
	EXPECT_NE(confidentiality->Message(Messages(), Locale::kJa).find("0〜2"), std::string::npos);
	EXPECT_EQ(confidentiality->Describe(Messages(), Locale::kJa).rfind("情報資産管理台帳 2行目「機密性」：", 0), 0u) << confidentiality->Describe(Messages(), Locale::kJa);
	const CellError *availability = FindError(*preview, 2, "可用性");
	ASSERT_NE(availability, nullptr);
	EXPECT_NE(availability->Message(Messages(), Locale::kJa).find("整数ではありません"), std::string::npos);
	EXPECT_EQ(FindError(*preview, 2, "完全性"), nullptr) << "2.0 is the integer 2";
}

TEST(RegisterInterchangeTest, UnknownMediumIsRefused) {
	const std::string csv = std::string(kCsvHeader) + "営業,a,,,,金庫,無,無,無,1,1,1,無,,,\n";
	auto preview = ReadRegisterCsv(Reading(), csv);
	ASSERT_TRUE(preview.ok()) << preview.error().Describe();
	ASSERT_EQ(preview->errors.size(), 1u) << DescribeErrors(*preview);
	const CellError &error = preview->errors[0];
	EXPECT_EQ(error.row, 2);
	EXPECT_EQ(error.column, "媒体・保存先");
	const std::string message = error.Message(Messages(), Locale::kJa);
	EXPECT_NE(message.find("「金庫」"), std::string::npos) << message;
	EXPECT_NE(message.find("社内サーバー"), std::string::npos) << "the message lists the choices";
}

TEST(RegisterInterchangeTest, EveryBadCellIsReported) {
	const std::string long_name(201, 'x');
	const std::string csv = std::string(kCsvHeader) +
	                        "営業,ok,,,,書類,無,無,無,1,1,1,無,,,\n"           // row 2: fine
	                        ",,,,,書類,たぶん,無,無,-1,高,3,無,,2025-02-30,\n" // row 3: seven bad cells
	                        "営業," +
	                        long_name +
	                        ",,,,謎,無,無,無,1,1,,無,,2025/13/01,\n" // row 4: four
	                        "\n"
	                        "営業,ok2,,,,書類,無,無,無,2,2,2,無,,2024-02-29,\n"; // row 6: fine (leap day)
	auto preview = ReadRegisterCsv(Reading(), csv);
	ASSERT_TRUE(preview.ok()) << preview.error().Describe();
	EXPECT_EQ(preview->rows.size(), 2u);
	EXPECT_FALSE(preview->ok());
	const std::vector<std::pair<int, std::string>> expected = {
	    {3, "業務分類"}, {3, "情報資産名称"}, {3, "個人情報"},     {3, "機密性"}, {3, "完全性"}, {3, "可用性"},
	    {3, "登録日"},   {4, "情報資産名称"}, {4, "媒体・保存先"}, {4, "可用性"}, {4, "登録日"}};
	EXPECT_EQ(preview->errors.size(), expected.size()) << DescribeErrors(*preview);
	for (const auto &[row, column] : expected) {
		EXPECT_NE(FindError(*preview, row, column), nullptr) << row << " " << column << "\n"
		                                                     << DescribeErrors(*preview);
	}
	EXPECT_NE(FindError(*preview, 3, "機密性")->Message(Messages(), Locale::kJa).find("範囲外"), std::string::npos);
	EXPECT_NE(FindError(*preview, 3, "完全性")->Message(Messages(), Locale::kJa).find("数値ではありません"), std::string::npos);
	EXPECT_NE(FindError(*preview, 3, "個人情報")->Message(Messages(), Locale::kJa).find("有・無"), std::string::npos);
	EXPECT_NE(FindError(*preview, 4, "情報資産名称")->Message(Messages(), Locale::kJa).find("200 バイト"), std::string::npos);
	EXPECT_NE(FindError(*preview, 4, "可用性")->Message(Messages(), Locale::kJa).find("入力が必要"), std::string::npos);
}

TEST(RegisterInterchangeTest, JsonCellsAreCheckedLikeSpreadsheetCells) {
	const std::string json = R"({"assets": [
	  {"business_category": "営業", "name": "a", "medium": "書類", "confidentiality": 2.0, "integrity": "1",
	   "availability": 0, "personal_info": "有", "my_number": 1, "registered_on": "2025/4/1"},
	  {"business_category": "営業", "name": "b", "medium": "paper", "confidentiality": 2.5, "integrity": true,
	   "availability": {"x": 1}, "personal_info": "maybe"},
	  "not an object",
	  {}
	]})";
	auto preview = ReadRegisterJson(Reading(), json);
	ASSERT_TRUE(preview.ok()) << preview.error().Describe();
	ASSERT_EQ(preview->rows.size(), 1u) << DescribeErrors(*preview);
	EXPECT_EQ(preview->rows[0].confidentiality, 2);
	EXPECT_EQ(preview->rows[0].integrity, 1);
	EXPECT_TRUE(preview->rows[0].personal_info);
	EXPECT_TRUE(preview->rows[0].my_number);
	EXPECT_EQ(preview->rows[0].registered_on, "2025-04-01");
	EXPECT_NE(FindError(*preview, 2, "confidentiality"), nullptr) << DescribeErrors(*preview);
	EXPECT_NE(FindError(*preview, 2, "integrity"), nullptr);
	EXPECT_NE(FindError(*preview, 2, "availability"), nullptr);
	EXPECT_NE(FindError(*preview, 2, "personal_info"), nullptr);
	EXPECT_NE(FindError(*preview, 3, ""), nullptr) << "a row that is not an object is refused";
	EXPECT_EQ(preview->errors.size(), 5u) << DescribeErrors(*preview); // {} is an empty row, skipped
}

TEST(RegisterInterchangeTest, ParseRegisterFormatNamesTheChoices) {
	EXPECT_EQ(ParseRegisterFormat("xlsx").value(), RegisterFormat::kXlsx);
	EXPECT_EQ(ParseRegisterFormat("csv").value(), RegisterFormat::kCsv);
	EXPECT_EQ(ParseRegisterFormat("json").value(), RegisterFormat::kJson);
	EXPECT_FALSE(ParseRegisterFormat("xls").ok());
}

} // namespace
} // namespace mamori::interchange
