// mamori/tests/unit/export/document_samples.cpp
#include "document_samples.hpp"

#include <zip.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace mamori::exporting::samples {

using document::Block;
using document::BlockType;
using document::Line;
using document::Span;
using document::SpanKind;
using document::TextLine;

document::RenderedDocument SampleDocument(int table_rows) {
	document::RenderedDocument doc;
	doc.kind = "regulations";
	doc.title = "情報セキュリティ関連規程";
	doc.subtitle = "組織的対策";
	doc.locale = Locale::kJa;
	doc.frame = {kCompany, "改訂日：2025年4月1日", "情報セキュリティ関連規程 第2版", "{{page}} / {{pages}}", "下書き"};
	doc.metadata = {
	    {"改訂日", TextLine("2025年4月1日", SpanKind::kValue)},
	    {"適用範囲", TextLine("全ての事業所", SpanKind::kValue)},
	    {"承認者", TextLine("【承認者】", SpanKind::kBlank)},
	};

	Block chapter{BlockType::kHeading, 1, "regulation-1", TextLine("1 組織的対策")};
	Block purpose{BlockType::kParagraph};
	purpose.line = {Span{"本規程は、"}, Span{kCompany, SpanKind::kValue},
	                Span{"（以下「当社」という。）における情報セキュリティ対策の組織的な体制と責任を定める。"
	                     "従業員は、本規程に従い、業務で取り扱う情報資産を適切に管理しなければならない。"}};
	Block section{BlockType::kHeading, 2, "section-1.1", TextLine("1.1 情報セキュリティ責任者")};
	Block officer{BlockType::kParagraph};
	officer.line = {Span{"情報セキュリティ責任者は、"}, Span{"【情報セキュリティ責任者】", SpanKind::kBlank},
	                Span{"とする。"}};
	Block rules{BlockType::kList};
	rules.items = {
	    {"〇", TextLine("パソコンにはウイルス対策ソフトを導入し、定義ファイルを常に最新の状態に保つ。")},
	    {"×", TextLine("業務用のパソコンやスマートフォンを私的な目的に利用してはならない。業務で取り扱う情報を"
	                   "個人のメールアドレスやクラウドサービスに送信してはならない。")},
	};
	Block backup_heading{BlockType::kHeading, 3, "section-1.2", TextLine("バックアップ")};
	Block backup{BlockType::kTable};
	backup.columns = {{"機器名", 2}, {"対象", 2}, {"方法", 2}, {"保管媒体", 2}, {"頻度", 1}};
	for (int i = 1; i <= table_rows; ++i) {
		backup.rows.push_back({TextLine("ファイルサーバ" + std::to_string(i)),
		                       TextLine("顧客情報、見積書、請求書などの共有フォルダ"), TextLine("自動バックアップ"),
		                       TextLine("外付けハードディスク"), TextLine("毎日")});
	}
	Block note{BlockType::kNote};
	note.line = TextLine("この表はガイドラインのサンプルです。自社の機器と運用に合わせて修正してください。");
	Block page_break{BlockType::kPageBreak};
	Block physical{BlockType::kHeading, 1, "regulation-2", TextLine("2 物理的対策")};
	Block areas{BlockType::kParagraph};
	areas.line = TextLine("事務所は、セキュリティ領域を定め、入退室を管理する。");
	Block signature{BlockType::kSignature};
	signature.lines = {TextLine("制定日：2024年4月1日"),
	                   TextLine(kCompany, SpanKind::kValue),
	                   {Span{"代表取締役社長　"}, Span{"山田太郎", SpanKind::kValue}}};
	doc.blocks = {chapter, purpose, section,    officer,  rules, backup_heading,
	              backup,  note,    page_break, physical, areas, signature};
	return doc;
}

bool OnPath(const char *tool) {
	const std::string command = std::string("command -v ") + tool + " >/dev/null 2>&1";
	return std::system(command.c_str()) == 0;
}

std::string RunCommand(const std::string &command) {
	std::string output;
	FILE *pipe = popen(command.c_str(), "r");
	if (pipe == nullptr) {
		return output;
	}
	std::array<char, 4096> buffer;
	while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
		output.append(buffer.data(), n);
	}
	pclose(pipe);
	return output;
}

int PdfPageCount(const std::string &pdf_path) {
	const std::string info = RunCommand("pdfinfo '" + pdf_path + "' 2>/dev/null");
	const std::size_t at = info.find("Pages:");
	return at == std::string::npos ? 0 : std::atoi(info.c_str() + at + 6);
}

std::string PdfText(const std::string &pdf_path, int page) {
	const std::string range = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
	return RunCommand("pdftotext -enc UTF-8" + range + " '" + pdf_path + "' - 2>/dev/null");
}

bool HasEmbeddedCjkFont(const std::string &pdf_path) {
	std::istringstream lines(RunCommand("pdffonts '" + pdf_path + "' 2>/dev/null"));
	std::string line;
	while (std::getline(lines, line)) {
		if (line.find("CJK") == std::string::npos) {
			continue;
		}
		// Columns: name type encoding emb sub uni object ID; "emb" is the
		// first yes/no column.
		std::istringstream columns(line);
		std::string column;
		while (columns >> column) {
			if (column == "yes" || column == "no") {
				if (column == "yes") {
					return true;
				}
				break;
			}
		}
	}
	return false;
}

std::string Compact(std::string text) {
	std::erase(text, ' ');
	return text;
}

std::map<std::string, std::string> ReadZip(const std::string &bytes) {
	std::map<std::string, std::string> entries;
	zip_error_t error;
	zip_error_init(&error);
	zip_source_t *source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
	zip_t *archive = source == nullptr ? nullptr : zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
	zip_error_fini(&error);
	if (archive == nullptr) {
		if (source != nullptr) {
			zip_source_free(source);
		}
		return entries;
	}
	const zip_int64_t count = zip_get_num_entries(archive, 0);
	for (zip_int64_t i = 0; i < count; ++i) {
		const auto index = static_cast<zip_uint64_t>(i);
		zip_file_t *file = zip_fopen_index(archive, index, 0);
		if (file == nullptr) {
			continue;
		}
		std::string content;
		char buffer[8192];
		zip_int64_t got = 0;
		while ((got = zip_fread(file, buffer, sizeof buffer)) > 0) {
			content.append(buffer, static_cast<std::size_t>(got));
		}
		zip_fclose(file);
		entries[zip_get_name(archive, index, 0)] = content;
	}
	zip_discard(archive);
	return entries;
}

TempOutput::TempOutput(const std::string &name, const std::string &bytes) {
	std::string pattern = (std::filesystem::temp_directory_path() / "mamori_export_test_XXXXXX").string();
	if (mkdtemp(pattern.data()) == nullptr) {
		std::abort();
	}
	directory_ = pattern;
	path_ = directory_ + "/" + name;
	std::ofstream out(path_, std::ios::binary);
	out << bytes;
}

TempOutput::~TempOutput() {
	std::error_code ignored;
	std::filesystem::remove_all(directory_, ignored);
}

} // namespace mamori::exporting::samples
