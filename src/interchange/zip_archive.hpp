// mamori/interchange/zip_archive.hpp
//
// Reading a ZIP that someone uploaded (an XLSX workbook, a hand-over
// package) with libzip: each part read whole into memory, with a ceiling on
// its inflated size so a small upload cannot expand without bound. The caller
// names the messages, so each kind of file is described in its own words.
#pragma once

#include "core/common/result.hpp"

#include <cstdint>
#include <string>

struct zip;

namespace mamori::interchange {

class ZipArchive {
  public:
	//! Message keys for: no libzip reader, no ZIP directory, a part's entry
	//! unreadable, a part too large, a part that will not open, damaged data.
	struct Messages {
		const char *no_reader;
		const char *no_directory;
		const char *part_unreadable;
		const char *part_too_large;
		const char *part_unopenable;
		const char *part_damaged;
	};

	ZipArchive(const Messages &messages, std::uint64_t max_part_bytes)
	    : messages_(messages), max_part_bytes_(max_part_bytes) {}
	~ZipArchive();
	ZipArchive(const ZipArchive &) = delete;
	ZipArchive &operator=(const ZipArchive &) = delete;

	//! `bytes` must outlive the archive.
	Status Open(const std::string &bytes);

	//! The part's bytes; found=false when the archive has no such part.
	Status Read(const std::string &name, std::string &out, bool &found);

  private:
	Messages messages_;
	std::uint64_t max_part_bytes_;
	struct zip *zip_ = nullptr;
};

} // namespace mamori::interchange
