// mamori/export/document_pack.cpp
#include "export/document_pack.hpp"

#include "export/document_docx.hpp"
#include "export/document_html.hpp"
#include "export/document_pdf.hpp"
#include "export/zip_writer.hpp"

namespace mamori::exporting {

Result<std::string> RenderDocumentPack(const std::vector<PackEntry> &entries, const document::RenderedDocument &index) {
	std::vector<ZipEntry> files;
	files.push_back({"00_index.html", RenderDocumentHtml(index)});
	files.push_back({"00_index.pdf", MAMORI_TRY(RenderDocumentPdf(index))});
	for (const auto &entry : entries) {
		files.push_back({entry.stem + ".pdf", MAMORI_TRY(RenderDocumentPdf(*entry.document))});
		files.push_back({entry.stem + ".docx", MAMORI_TRY(RenderDocumentDocx(*entry.document))});
	}
	return WriteZipArchive(files);
}

} // namespace mamori::exporting
