// mamori/export/docx_fixed_parts.cpp
//
// Element order inside w:pPr, w:rPr and w:style follows the schema
// (ECMA-376 Part 1, §17): Word refuses a document whose properties are out
// of order, LibreOffice does not, so only Word would notice.
#include "export/docx_fixed_parts.hpp"

namespace mamori::exporting::docx {

namespace {

constexpr std::string_view kDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

// Serif text in the East Asian and Latin slots alike: Noto CJK carries Latin
// glyphs, so a Japanese document is set in one face. fontTable.xml names the
// Windows and macOS faces Word substitutes when Noto is not installed.
constexpr std::string_view kSerif = "Noto Serif CJK JP";
constexpr std::string_view kSans = "Noto Sans CJK JP";

std::string Fonts(std::string_view face) {
	const std::string f(face);
	return "<w:rFonts w:ascii=\"" + f + "\" w:eastAsia=\"" + f + "\" w:hAnsi=\"" + f + "\" w:cs=\"" + f + "\"/>";
}

std::string Replace(std::string text, std::string_view from, std::string_view to) {
	for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
		text.replace(at, from.size(), to);
	}
	return text;
}

} // namespace

std::string ContentTypesXml() {
	return std::string(kDeclaration) +
	       R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
	       R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
	       R"(<Default Extension="xml" ContentType="application/xml"/>)"
	       R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
	       R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
	       R"(<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>)"
	       R"(<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>)"
	       R"(<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>)"
	       R"(<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>)"
	       R"(<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>)"
	       R"(<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>)"
	       R"(</Types>)";
}

std::string PackageRelationshipsXml() {
	return std::string(kDeclaration) +
	       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
	       R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
	       R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>)"
	       R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>)"
	       R"(</Relationships>)";
}

std::string DocumentRelationshipsXml() {
	return std::string(kDeclaration) +
	       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
	       R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
	       R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>)"
	       R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>)"
	       R"(<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>)"
	       R"(<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>)"
	       R"(</Relationships>)";
}

std::string StylesXml(std::string_view language) {
	// Sizes are in half-points (21 = 10.5 pt, the size of Japanese business
	// documents); spacing in twentieths of a point.
	std::string xml =
	    std::string(kDeclaration) +
	    R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
	    R"(<w:docDefaults><w:rPrDefault><w:rPr>{{serif}}<w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="21"/>)"
	    R"(<w:lang w:val="{{lang}}" w:eastAsia="ja-JP" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>)"
	    R"(<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>)"
	    R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>)"
	    R"(<w:pPr><w:jc w:val="both"/></w:pPr></w:style>)"
	    R"(<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>)"
	    R"(<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/>)"
	    R"(<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>)"
	    R"(<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>)"
	    R"(<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>)"
	    R"(<w:pPr><w:spacing w:after="240"/><w:jc w:val="center"/></w:pPr>)"
	    R"(<w:rPr>{{sans}}<w:b/><w:bCs/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style>)"
	    R"(<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>)"
	    R"(<w:pPr><w:spacing w:after="240"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>)"
	    R"(<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>)"
	    R"(<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/></w:pPr>)"
	    R"(<w:rPr>{{sans}}<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>)"
	    R"(<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>)"
	    R"(<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="280" w:after="100"/><w:jc w:val="left"/><w:outlineLvl w:val="1"/></w:pPr>)"
	    R"(<w:rPr>{{sans}}<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>)"
	    R"(<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>)"
	    R"(<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="80"/><w:jc w:val="left"/><w:outlineLvl w:val="2"/></w:pPr>)"
	    R"(<w:rPr>{{sans}}<w:b/><w:bCs/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>)"
	    R"(<w:style w:type="paragraph" w:customStyle="1" w:styleId="ListItem"><w:name w:val="List Item"/><w:basedOn w:val="Normal"/><w:qFormat/>)"
	    R"(<w:pPr><w:spacing w:after="60"/><w:ind w:left="420" w:hanging="420"/></w:pPr></w:style>)"
	    R"(<w:style w:type="paragraph" w:customStyle="1" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/><w:qFormat/>)"
	    R"(<w:pPr><w:pBdr><w:left w:val="single" w:sz="18" w:space="6" w:color="888888"/></w:pBdr>)"
	    R"(<w:shd w:val="clear" w:color="auto" w:fill="F4F4F4"/><w:spacing w:before="160" w:after="160"/><w:ind w:left="170"/></w:pPr>)"
	    R"(<w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr></w:style>)"
	    R"(<w:style w:type="paragraph" w:styleId="Signature"><w:name w:val="Signature"/><w:basedOn w:val="Normal"/><w:qFormat/>)"
	    R"(<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:after="0"/><w:jc w:val="right"/></w:pPr></w:style>)"
	    R"(<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/>)"
	    R"(<w:pPr><w:spacing w:before="20" w:after="20" w:line="260" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr>)"
	    R"(<w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr></w:style>)"
	    R"(<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableHeading"><w:name w:val="Table Heading"/><w:basedOn w:val="TableText"/><w:qFormat/>)"
	    R"(<w:pPr><w:keepNext/></w:pPr><w:rPr>{{sans}}<w:b/><w:bCs/></w:rPr></w:style>)"
	    R"(<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>)"
	    R"(<w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="AAAAAA"/></w:pBdr>)"
	    R"(<w:tabs><w:tab w:val="center" w:pos="{{center}}"/><w:tab w:val="right" w:pos="{{right}}"/></w:tabs>)"
	    R"(<w:spacing w:after="0"/><w:jc w:val="left"/></w:pPr><w:rPr>{{sans}}<w:color w:val="555555"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>)"
	    R"(<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>)"
	    R"(<w:pPr><w:pBdr><w:top w:val="single" w:sz="4" w:space="1" w:color="AAAAAA"/></w:pBdr>)"
	    R"(<w:tabs><w:tab w:val="right" w:pos="{{right}}"/></w:tabs>)"
	    R"(<w:spacing w:after="0"/><w:jc w:val="left"/></w:pPr><w:rPr>{{sans}}<w:color w:val="555555"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>)"
	    R"(<w:style w:type="character" w:customStyle="1" w:styleId="BlankField"><w:name w:val="Blank Field"/><w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/>)"
	    R"(<w:rPr><w:color w:val="B00020"/><w:highlight w:val="yellow"/><w:u w:val="single"/></w:rPr></w:style>)"
	    R"(<w:style w:type="character" w:customStyle="1" w:styleId="DraftMark"><w:name w:val="Draft Mark"/><w:basedOn w:val="DefaultParagraphFont"/>)"
	    R"(<w:rPr><w:b/><w:bCs/><w:color w:val="B00020"/></w:rPr></w:style>)"
	    R"(</w:styles>)";
	xml = Replace(std::move(xml), "{{serif}}", Fonts(kSerif));
	xml = Replace(std::move(xml), "{{sans}}", Fonts(kSans));
	xml = Replace(std::move(xml), "{{lang}}", language);
	xml = Replace(std::move(xml), "{{center}}", std::to_string(kTextWidth / 2));
	return Replace(std::move(xml), "{{right}}", std::to_string(kTextWidth));
}

std::string SettingsXml(std::string_view language) {
	return Replace(
	    std::string(kDeclaration) +
	        R"(<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
	        R"(<w:zoom w:percent="100"/><w:defaultTabStop w:val="840"/>)"
	        // Japanese punctuation set half-width at line ends, as Word does by default in Japan.
	        R"(<w:characterSpacingControl w:val="compressPunctuation"/>)"
	        R"(<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>)"
	        R"(<w:themeFontLang w:val="{{lang}}" w:eastAsia="ja-JP"/>)"
	        R"(</w:settings>)",
	    "{{lang}}", language);
}

std::string FontTableXml() {
	return std::string(kDeclaration) +
	       R"(<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
	       R"(<w:font w:name="Noto Serif CJK JP"><w:altName w:val="Yu Mincho"/><w:charset w:val="80"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>)"
	       R"(<w:font w:name="Noto Sans CJK JP"><w:altName w:val="Yu Gothic"/><w:charset w:val="80"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>)"
	       R"(</w:fonts>)";
}

std::string AppPropertiesXml() {
	return std::string(kDeclaration) +
	       R"(<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">)"
	       R"(<Application>mamori</Application></Properties>)";
}

} // namespace mamori::exporting::docx
