// mamori/interchange/handover_package.cpp
#include "interchange/handover_package.hpp"

#include "core/transfer/organization_data.hpp"
#include "interchange/zip_archive.hpp"

namespace mamori::interchange {
namespace {

// Data for a thousand-asset firm with years of answers is a few MiB; this
// leaves room for growth and refuses a ZIP bomb.
constexpr std::uint64_t kMaxDataBytes = 256ull * 1024 * 1024;

const ZipArchive::Messages kPackageMessages = {
    "interchange.errors.package.no_reader",       "interchange.errors.package.not_zip",
    "interchange.errors.package.part_unreadable", "interchange.errors.package.too_large",
    "interchange.errors.package.part_unreadable", "interchange.errors.package.damaged",
};

} // namespace

Result<std::string> ReadHandoverData(const std::string &zip_bytes) {
	if (zip_bytes.compare(0, 2, "PK") != 0) {
		return Error::Invalid("file", "interchange.errors.package.not_zip");
	}
	ZipArchive archive(kPackageMessages, kMaxDataBytes);
	MAMORI_TRY(archive.Open(zip_bytes));
	std::string data;
	bool found = false;
	MAMORI_TRY(archive.Read(std::string(transfer::kPackageDataPart), data, found));
	if (!found) {
		return Error::Invalid("file", "interchange.errors.package.no_data", {{"part", std::string(transfer::kPackageDataPart)}});
	}
	return data;
}

} // namespace mamori::interchange
