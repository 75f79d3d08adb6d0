// mamori/interchange/zip_archive.cpp
#include "interchange/zip_archive.hpp"

#include <zip.h>

namespace mamori::interchange {
namespace {

Error Broken(const char *key, MessageParams params = {}) { return Error::Invalid("file", key, std::move(params)); }

} // namespace

ZipArchive::~ZipArchive() {
	if (zip_ != nullptr) {
		zip_discard(zip_);
	}
}

Status ZipArchive::Open(const std::string &bytes) {
	zip_error_t error;
	zip_error_init(&error);
	zip_source_t *source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
	if (source == nullptr) {
		zip_error_fini(&error);
		return Error::Make(ErrorCode::kInternal, messages_.no_reader);
	}
	zip_ = zip_open_from_source(source, ZIP_RDONLY, &error);
	if (zip_ == nullptr) {
		zip_source_free(source);
		zip_error_fini(&error);
		return Broken(messages_.no_directory);
	}
	zip_error_fini(&error);
	return OkStatus();
}

Status ZipArchive::Read(const std::string &name, std::string &out, bool &found) {
	found = false;
	const zip_int64_t index = zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE);
	if (index < 0) {
		return OkStatus();
	}
	found = true;
	const auto too_large = [&] {
		return Error{ErrorCode::kPayloadTooLarge, "file", messages_.part_too_large, {{"part", name}}};
	};
	zip_stat_t stat;
	zip_stat_init(&stat);
	if (zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
		return Broken(messages_.part_unreadable, {{"part", name}});
	}
	if ((stat.valid & ZIP_STAT_SIZE) != 0 && stat.size > max_part_bytes_) {
		return too_large();
	}
	zip_file_t *file = zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0);
	if (file == nullptr) {
		return Broken(messages_.part_unopenable, {{"part", name}});
	}
	out.clear();
	char buffer[64 * 1024];
	zip_int64_t got = 0;
	while ((got = zip_fread(file, buffer, sizeof buffer)) > 0) {
		out.append(buffer, static_cast<size_t>(got));
		if (out.size() > max_part_bytes_) {
			zip_fclose(file);
			return too_large();
		}
	}
	// zip_fclose reports a CRC mismatch, i.e. damaged data.
	const int closed = zip_fclose(file);
	if (got < 0 || closed != 0) {
		return Broken(messages_.part_damaged, {{"part", name}});
	}
	return OkStatus();
}

} // namespace mamori::interchange
