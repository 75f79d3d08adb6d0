// mamori/tests/unit/export/document_samples.hpp
//
// The RenderedDocuments the renderer tests print, and the external tools
// (poppler, LibreOffice) they check the output with.
#pragma once

#include "core/document/rendered_document.hpp"

#include <map>
#include <string>

namespace mamori::exporting::samples {

inline constexpr const char *kCompany = "株式会社テスト商事";

//! A Japanese 関連規程-like document with every block type: headings with
//! anchors, a paragraph with the company name as a value, 〇 / × lists, a
//! backup table of `table_rows` rows, a note, a page break and a signature;
//! the 承認者 is a blank field. The draft mark is set.
document::RenderedDocument SampleDocument(int table_rows = 3);

bool OnPath(const char *tool);
//! The command's standard output.
std::string RunCommand(const std::string &command);
//! "Pages:" of pdfinfo, 0 when it cannot be read.
int PdfPageCount(const std::string &pdf_path);
//! pdftotext of one page (1-based), or of all pages when page is 0.
std::string PdfText(const std::string &pdf_path, int page = 0);
//! Whether pdffonts lists an embedded Noto CJK face.
bool HasEmbeddedCjkFont(const std::string &pdf_path);
//! The text without spaces: pdftotext spaces glyphs as it sees fit.
std::string Compact(std::string text);

//! Every entry of a ZIP archive by name; empty when it cannot be read.
std::map<std::string, std::string> ReadZip(const std::string &bytes);

//! A file under a fresh temporary directory, removed with it.
class TempOutput {
  public:
	explicit TempOutput(const std::string &name, const std::string &bytes);
	~TempOutput();
	TempOutput(const TempOutput &) = delete;
	TempOutput &operator=(const TempOutput &) = delete;
	const std::string &path() const { return path_; }
	const std::string &directory() const { return directory_; }

  private:
	std::string directory_;
	std::string path_;
};

} // namespace mamori::exporting::samples
