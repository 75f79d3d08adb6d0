// mamori/bench/document_render_bench.cpp
//
// Google Benchmark for the document renderers (issue 8): one document of
// about 30 A4 pages (chapters of text, 〇/× rules, a parameter table and a
// note, each chapter on a new page) rendered to PDF, DOCX and HTML. The
// document pack renders many such documents, so this is its unit of cost.
#include "export/document_docx.hpp"
#include "export/document_html.hpp"
#include "export/document_pdf.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>

namespace {

namespace document = mamori::document;

document::RenderedDocument ThirtyPageDocument() {
	using document::Block;
	using document::BlockType;
	using document::SpanKind;
	using document::TextLine;
	document::RenderedDocument doc;
	doc.kind = "regulations";
	doc.title = "Information security regulations";
	doc.frame = {"Bench Trading Co., Ltd.", "Revised: 1 April 2025", "Regulations, version 2", "{{page}} / {{pages}}",
	             ""};
	doc.metadata = {{"Approver", TextLine("[approver]", SpanKind::kBlank)}};
	const std::string sentence =
	    "Staff handle the firm's information assets according to these rules and report any incident at once. ";
	for (int chapter = 1; chapter <= 15; ++chapter) {
		if (chapter > 1) {
			doc.blocks.push_back(Block{BlockType::kPageBreak});
		}
		doc.blocks.push_back(Block{BlockType::kHeading, 1, "regulation-" + std::to_string(chapter),
		                           TextLine(std::to_string(chapter) + " Regulation")});
		for (int paragraph = 0; paragraph < 4; ++paragraph) {
			Block text{BlockType::kParagraph};
			text.line = {{sentence + sentence + sentence, SpanKind::kText},
			             {"Bench Trading Co., Ltd.", SpanKind::kValue}};
			doc.blocks.push_back(text);
		}
		Block rules{BlockType::kList};
		for (int item = 0; item < 6; ++item) {
			rules.items.push_back({item % 2 == 0 ? "o" : "x", TextLine(sentence)});
		}
		doc.blocks.push_back(rules);
		Block table{BlockType::kTable};
		table.columns = {{"Device", 2}, {"Target", 2}, {"Method", 2}, {"Medium", 2}, {"Frequency", 1}};
		for (int row = 0; row < 12; ++row) {
			table.rows.push_back({TextLine("File server " + std::to_string(row)),
			                      TextLine("Shared folders of customers"), TextLine("Automatic"),
			                      TextLine("External disk"), TextLine("Daily")});
		}
		doc.blocks.push_back(table);
		doc.blocks.push_back(Block{BlockType::kNote, 1, "", TextLine(sentence)});
	}
	return doc;
}

void BM_RenderDocumentPdf(benchmark::State &state) {
	const document::RenderedDocument doc = ThirtyPageDocument();
	for (auto _ : state) {
		auto pdf = mamori::exporting::RenderDocumentPdf(doc);
		if (!pdf.ok()) {
			std::abort();
		}
		benchmark::DoNotOptimize(pdf);
	}
}
BENCHMARK(BM_RenderDocumentPdf)->Unit(benchmark::kMillisecond);

void BM_RenderDocumentDocx(benchmark::State &state) {
	const document::RenderedDocument doc = ThirtyPageDocument();
	for (auto _ : state) {
		auto docx = mamori::exporting::RenderDocumentDocx(doc);
		if (!docx.ok()) {
			std::abort();
		}
		benchmark::DoNotOptimize(docx);
	}
}
BENCHMARK(BM_RenderDocumentDocx)->Unit(benchmark::kMillisecond);

void BM_RenderDocumentHtml(benchmark::State &state) {
	const document::RenderedDocument doc = ThirtyPageDocument();
	for (auto _ : state) {
		auto html = mamori::exporting::RenderDocumentHtml(doc);
		benchmark::DoNotOptimize(html);
	}
}
BENCHMARK(BM_RenderDocumentHtml)->Unit(benchmark::kMillisecond);

} // namespace
