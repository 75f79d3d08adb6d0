// mamori/export/document_pack.cpp
#include "export/document_pack.hpp"

#include "export/document_docx.hpp"
#include "export/document_html.hpp"
#include "export/document_pdf.hpp"

namespace mamori::exporting {

Result<std::vector<ZipEntry>> DocumentPackFiles(const std::vector<PackEntry> &entries,
                                                const document::RenderedDocument &index, const std::string &folder) {
	std::vector<ZipEntry> files;
	files.push_back({folder + "00_index.html", RenderDocumentHtml(index)});
	files.push_back({folder + "00_index.pdf", MAMORI_TRY(RenderDocumentPdf(index))});
	for (const auto &entry : entries) {
		files.push_back({folder + entry.stem + ".pdf", MAMORI_TRY(RenderDocumentPdf(*entry.document))});
		files.push_back({folder + entry.stem + ".docx", MAMORI_TRY(RenderDocumentDocx(*entry.document))});
	}
	return files;
}

Result<std::string> RenderDocumentPack(const std::vector<PackEntry> &entries, const document::RenderedDocument &index) {
	return WriteZipArchive(MAMORI_TRY(DocumentPackFiles(entries, index, "")));
}

Result<std::string> RenderHandoverPackage(const std::vector<PackEntry> &entries, const document::RenderedDocument *index,
                                          const HandoverFiles &files) {
	std::vector<ZipEntry> archive;
	// The data file first: a reader finds it without inflating the documents.
	archive.push_back({std::string(transfer::kPackageDataPart), files.data_json});
	archive.push_back({std::string(transfer::kPackageAuditPart), files.audit_csv});
	if (index != nullptr) {
		for (ZipEntry &document : MAMORI_TRY(DocumentPackFiles(entries, *index, "documents/"))) {
			archive.push_back(std::move(document));
		}
	}
	return WriteZipArchive(archive);
}

} // namespace mamori::exporting
