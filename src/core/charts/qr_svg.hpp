// mamori/core/charts/qr_svg.hpp
//
// A QR code as inline SVG, drawn on the server: dark modules as <rect> elements, no scripts, no
// style attributes (the CSP allows neither inline scripts nor inline styles).
#pragma once

#include <string>
#include <vector>

namespace mamori::charts {

//! `dark` holds size × size modules, row by row. The picture has a four-module quiet zone, is
//! <svg role="img"> named by `title`, and is `pixels` wide and high.
std::string QrSvg(int size, const std::vector<bool> &dark, const std::string &title, int pixels = 232);

} // namespace mamori::charts
