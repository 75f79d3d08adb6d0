// mamori/core/charts/qr_svg.cpp
#include "core/charts/qr_svg.hpp"

#include "core/charts/svg_charts.hpp"

namespace mamori::charts {

namespace {
constexpr int kQuietZone = 4;  // modules of white around the code, as the QR standard asks
}

std::string QrSvg(int size, const std::vector<bool> &dark, const std::string &title, int pixels) {
	const int extent = size + 2 * kQuietZone;
	std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"qr-code\" width=\"" +
	                  std::to_string(pixels) + "\" height=\"" + std::to_string(pixels) + "\" viewBox=\"0 0 " +
	                  std::to_string(extent) + " " + std::to_string(extent) +
	                  "\" shape-rendering=\"crispEdges\"><title>" + XmlEscape(title) + "</title>";
	svg += "<rect width=\"" + std::to_string(extent) + "\" height=\"" + std::to_string(extent) + "\" fill=\"#ffffff\"/>";
	// One rectangle per run of dark modules in a row keeps the markup small.
	for (int y = 0; y < size; ++y) {
		int x = 0;
		while (x < size) {
			if (!dark[static_cast<size_t>(y * size + x)]) {
				++x;
				continue;
			}
			const int start = x;
			while (x < size && dark[static_cast<size_t>(y * size + x)]) {
				++x;
			}
			svg += "<rect x=\"" + std::to_string(start + kQuietZone) + "\" y=\"" + std::to_string(y + kQuietZone) +
			       "\" width=\"" + std::to_string(x - start) + "\" height=\"1\" fill=\"#000000\"/>";
		}
	}
	svg += "</svg>";
	return svg;
}

} // namespace mamori::charts
