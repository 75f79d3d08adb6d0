// mamori/export/zip_writer.cpp
#include "export/zip_writer.hpp"

#include <zip.h>

#include <ctime>

namespace mamori::exporting {

namespace {

// 2000-01-01 00:00 UTC: any fixed time after the DOS epoch (1980) will do.
constexpr std::time_t kEntryTime = 946684800;

Error ZipError(const char *what, zip_error_t *error) {
	return Error::Make(ErrorCode::kInternal, "errors.zip.write",
	                   {{"what", std::string(what) + ": " + zip_error_strerror(error)}});
}

//! The archive's bytes, read back from the buffer source zip_close wrote to.
Result<std::string> ReadSource(zip_source_t *source) {
	if (zip_source_open(source) != 0) {
		return ZipError("open", zip_source_error(source));
	}
	std::string bytes;
	char buffer[65536];
	zip_int64_t got = 0;
	while ((got = zip_source_read(source, buffer, sizeof buffer)) > 0) {
		bytes.append(buffer, static_cast<std::size_t>(got));
	}
	if (got < 0) {
		Error error = ZipError("read", zip_source_error(source));
		zip_source_close(source);
		return error;
	}
	zip_source_close(source);
	return bytes;
}

} // namespace

Result<std::string> WriteZipArchive(const std::vector<ZipEntry> &entries) {
	zip_error_t error;
	zip_error_init(&error);
	zip_source_t *source = zip_source_buffer_create(nullptr, 0, 0, &error);
	if (source == nullptr) {
		Error result = ZipError("buffer", &error);
		zip_error_fini(&error);
		return result;
	}
	// zip_close frees the archive's source; keep it to read the bytes back.
	zip_source_keep(source);
	zip_t *archive = zip_open_from_source(source, ZIP_TRUNCATE, &error);
	if (archive == nullptr) {
		Error result = ZipError("open", &error);
		zip_error_fini(&error);
		zip_source_free(source);
		return result;
	}
	zip_error_fini(&error);

	for (const ZipEntry &entry : entries) {
		// The entry's bytes are read at zip_close; `entries` outlives it.
		zip_source_t *data = zip_source_buffer(archive, entry.bytes.data(), entry.bytes.size(), 0);
		const zip_int64_t index =
		    data == nullptr ? -1 : zip_file_add(archive, entry.name.c_str(), data, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
		if (index < 0) {
			if (data != nullptr) {
				zip_source_free(data);
			}
			Error result = ZipError("add", zip_get_error(archive));
			zip_discard(archive);
			zip_source_free(source);
			return result;
		}
		zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0);
		zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), kEntryTime, 0);
	}
	if (zip_close(archive) != 0) {
		Error result = ZipError("close", zip_get_error(archive));
		zip_discard(archive);
		zip_source_free(source);
		return result;
	}
	Result<std::string> bytes = ReadSource(source);
	zip_source_free(source);
	return bytes;
}

} // namespace mamori::exporting
