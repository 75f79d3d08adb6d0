// mamori/export/docx_fixed_parts.hpp
//
// The parts of a DOCX that hold no document text: the package's content
// types and relationships, the styles, settings and font table. Only the
// document's language varies. The geometry constants are shared with
// document_docx.cpp, which writes the section and the tables.
#pragma once

#include <string>
#include <string_view>

namespace mamori::exporting::docx {

// A4 portrait in twentieths of a point, with the PDF's margins: 25 mm at the
// top and on the binding side, 20 mm elsewhere.
constexpr int kPageWidth = 11906;
constexpr int kPageHeight = 16838;
constexpr int kMarginTop = 1418;
constexpr int kMarginRight = 1134;
constexpr int kMarginBottom = 1134;
constexpr int kMarginLeft = 1418;
constexpr int kHeaderDistance = 709;
constexpr int kFooterDistance = 567;
constexpr int kTextWidth = kPageWidth - kMarginLeft - kMarginRight;

// Relationship ids of word/_rels/document.xml.rels that document.xml names.
inline constexpr const char *kHeaderRelationship = "rId4";
inline constexpr const char *kFooterRelationship = "rId5";

std::string ContentTypesXml();
std::string PackageRelationshipsXml();
std::string DocumentRelationshipsXml();
//! `language`: the w:lang tag of the document's text ("ja-JP", "en-GB").
std::string StylesXml(std::string_view language);
std::string SettingsXml(std::string_view language);
std::string FontTableXml();
std::string AppPropertiesXml();

} // namespace mamori::exporting::docx
