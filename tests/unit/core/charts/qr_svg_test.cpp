// mamori/tests/unit/core/charts/qr_svg_test.cpp
//
// The enrolment QR code: libqrencode's grid (platform/qr_code.hpp) drawn as SVG rectangles with
// an accessible name, no scripts and no style attributes (the CSP allows neither).
#include "core/charts/qr_svg.hpp"
#include "platform/qr_code.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace mamori::charts {
namespace {

int Count(const std::string &text, const std::string &what) {
	int count = 0;
	for (size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) {
		++count;
	}
	return count;
}

TEST(QrSvg, OneRectanglePerRunOfDarkModulesInsideAQuietZone) {
	// 3×3: a full row, a split row and an empty one.
	const std::vector<bool> dark = {true, true, true, true, false, true, false, false, false};
	const std::string svg = QrSvg(3, dark, "QR <code> & key", 100);
	EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
	EXPECT_NE(svg.find("<title>QR &lt;code&gt; &amp; key</title>"), std::string::npos);
	EXPECT_NE(svg.find("viewBox=\"0 0 11 11\""), std::string::npos) << "3 modules and 4 of quiet zone each side";
	EXPECT_EQ(Count(svg, "fill=\"#000000\""), 3);
	EXPECT_NE(svg.find("<rect x=\"4\" y=\"4\" width=\"3\" height=\"1\""), std::string::npos);
	EXPECT_NE(svg.find("<rect x=\"6\" y=\"5\" width=\"1\" height=\"1\""), std::string::npos);
	EXPECT_EQ(svg.find("style="), std::string::npos);
	EXPECT_EQ(svg.find("<script"), std::string::npos);
}

TEST(QrSvg, AnOtpauthUriEncodesToASquareGrid) {
	auto modules = platform::EncodeQr("otpauth://totp/mamori:a%40example.jp?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=mamori");
	ASSERT_TRUE(modules.ok());
	EXPECT_GE(modules->size, 21);
	EXPECT_EQ((modules->size - 17) % 4, 0) << "QR versions are 21, 25, 29 ... modules wide";
	EXPECT_EQ(modules->dark.size(), static_cast<size_t>(modules->size * modules->size));
	// The finder pattern's corner module is dark, its separator light.
	EXPECT_TRUE(modules->At(0, 0));
	EXPECT_FALSE(modules->At(7, 0));
}

} // namespace
} // namespace mamori::charts
