// mamori/fuzz/document_template_fuzzer.cpp
//
// The document templates (content/editions/<id>/documents/*.yaml): an input
// is one template file. What loads is filled with its own sample values, as
// the editor's preview does, so the {{field}} placeholders of every block are
// resolved; the placeholder splitter also gets the raw text.
#include "fuzz_content.hpp"

#include "core/catalog/content_reader.hpp"
#include "core/catalog/document_template_loader.hpp"
#include "core/document/document_fill.hpp"
#include "core/document/document_values.hpp"
#include "core/document/placeholders.hpp"

#include "core/yaml/node.hpp"

using namespace mamori;

namespace {

document::DocumentValues SampleValues(const document::DocumentTemplate &tmpl) {
	document::DocumentValues values;
	for (const auto &field : tmpl.fields) {
		values.fields[field.id] = field.sample;
		if (!field.sample_rows.empty()) {
			values.tables[field.id] = field.sample_rows;
		}
	}
	return values;
}

void Fill(const document::DocumentTemplate &tmpl) {
	const document::DocumentValues values = SampleValues(tmpl);
	(void)document::ValidateValues(tmpl, values);
	document::FillContext context;
	context.built_ins = {{"company", "Example Co."}, {"company_short", "Example"}, {"today", "2026-12-05"}};
	context.flags = {document::ProfileFlagIds().begin(), document::ProfileFlagIds().end()};
	context.date_pattern = "{{year}}-{{month}}-{{day}}";
	context.blank_pattern = "[{{label}}]";
	(void)document::FillTemplate(tmpl, values, context);
	(void)document::FillTemplate(tmpl, document::DocumentValues{}, document::FillContext{});
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
	(void)fuzz::Content();
	return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
	const std::string text = fuzz::AsText(data, size);
	(void)document::SplitPlaceholders(text);
	const ContentFiles files{{"editions/3.0/documents/fuzz.yaml", text}};
	for (Locale locale : kAllLocales) {
		try {
			for (const auto &tmpl : ReadDocumentTemplates(files, "3.0", locale)) {
				Fill(tmpl);
			}
		} catch (const catalog_detail::CatalogProblem &) {
			// A refused template: what the loader is for.
		} catch (const yaml::Exception &) {
			// Broken YAML, refused the same way (ParseCatalog turns both into an Error).
		}
	}
	return 0;
}
