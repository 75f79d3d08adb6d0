// mamori/platform/qr_code.hpp
//
// QR codes from Debian's libqrencode: only the module grid. Drawing it (as SVG) is
// core/charts/qr_svg.hpp, so the picture stays free of the library.
#pragma once

#include "core/common/result.hpp"

#include <vector>

namespace mamori::platform {

//! Square grid of modules, row by row; true is a dark module. Without the quiet zone.
struct QrModules {
	int size = 0;
	std::vector<bool> dark;
	bool At(int x, int y) const { return dark[static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x)]; }
};

//! Encodes text (8-bit mode, error correction level M). kInternal when the text does not fit.
Result<QrModules> EncodeQr(const std::string &text);

} // namespace mamori::platform
