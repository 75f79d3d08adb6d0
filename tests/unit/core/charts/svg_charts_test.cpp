// mamori/tests/unit/core/charts/svg_charts_test.cpp
#include "core/charts/svg_charts.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace mamori::charts {
namespace {

std::size_t CountIn(const std::string &haystack, const std::string &needle) {
	std::size_t count = 0;
	for (std::size_t pos = haystack.find(needle); pos != std::string::npos;
	     pos = haystack.find(needle, pos + needle.size())) {
		++count;
	}
	return count;
}

// Every chart must be an accessible image whose title is referenced by id.
void ExpectAccessibleSvg(const std::string &svg) {
	EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u) << svg;
	EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
	EXPECT_NE(svg.find("viewBox=\"0 0 "), std::string::npos);
	EXPECT_NE(svg.find("width=\"100%\""), std::string::npos);
	EXPECT_NE(svg.find("font-family=\"Noto Sans JP, sans-serif\""), std::string::npos);
	const std::size_t labelled = svg.find("aria-labelledby=\"");
	ASSERT_NE(labelled, std::string::npos);
	const std::size_t id_start = labelled + std::string("aria-labelledby=\"").size();
	const std::string id = svg.substr(id_start, svg.find('"', id_start) - id_start);
	EXPECT_FALSE(id.empty());
	EXPECT_NE(svg.find("<title id=\"" + id + "\">"), std::string::npos);
	EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
	EXPECT_EQ(svg.find("nan"), std::string::npos);
	EXPECT_EQ(svg.find("inf"), std::string::npos);
	EXPECT_EQ(CountIn(svg, "<text"), CountIn(svg, "</text>"));
}

TEST(XmlEscapeTest, EscapesAllFiveSpecialCharacters) {
	EXPECT_EQ(XmlEscape("a<b>&\"c\"'d'"), "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
	EXPECT_EQ(XmlEscape("営業部"), "営業部");
	EXPECT_EQ(XmlEscape(std::string("x\x01y")), "xy");
}

// The page CSP forbids inline styles, so no chart may carry a style attribute.
TEST(ChartsTest, NoInlineStyleAttributes) {
	const std::string radar = RadarChart("r", {"a", "b", "c"}, {{"全社", {0.5, 0.7, 1.0}}});
	const std::string bars = BarChart("b", {{"基本", 12, 20}});
	const std::string trend = TrendChart("t", {{"1", 10}, {"2", 40}}, 0, 100);
	for (const std::string &svg : {radar, bars, trend}) {
		EXPECT_EQ(svg.find("style="), std::string::npos) << svg.substr(0, 200);
	}
}

TEST(RadarChartTest, HasTitleGridSeriesAndLegend) {
	const std::vector<std::string> axes = {"基本的対策", "従業員としての対策", "組織としての対策"};
	const std::string svg = RadarChart("自社診断の結果", axes,
	                                   {{"全社", {0.5, 0.75, 1.0}}, {"営業部", {0.25, 0.5, 0.0}}});
	ExpectAccessibleSvg(svg);
	EXPECT_NE(svg.find(">自社診断の結果</title>"), std::string::npos);
	// 4 grid rings (25/50/75/100%) + one polygon per series.
	EXPECT_EQ(CountIn(svg, "<polygon"), 4u + 2u);
	EXPECT_EQ(CountIn(svg, "class=\"mamori-chart-series\""), 2u);
	EXPECT_EQ(CountIn(svg, "class=\"mamori-chart-legend-entry\""), 2u);
	for (const std::string &axis : axes) {
		EXPECT_NE(svg.find(">" + axis + "</text>"), std::string::npos) << axis;
	}
	// Series differ by stroke pattern, not only colour.
	EXPECT_NE(svg.find("stroke-dasharray"), std::string::npos);
	EXPECT_NE(svg.find("var(--mamori-chart-1, #0031d8)"), std::string::npos);
	EXPECT_NE(svg.find("var(--mamori-chart-2,"), std::string::npos);
}

TEST(RadarChartTest, EscapesLabelsAndTitle) {
	const std::string svg =
	    RadarChart("<script>&\"", {"a<b", "c&d", "e>f"}, {{"R&D <部>", {0.1, 0.2, 0.3}}});
	ExpectAccessibleSvg(svg);
	EXPECT_EQ(svg.find("<script>"), std::string::npos);
	EXPECT_NE(svg.find("&lt;script&gt;&amp;&quot;</title>"), std::string::npos);
	EXPECT_NE(svg.find(">a&lt;b</text>"), std::string::npos);
	EXPECT_NE(svg.find(">c&amp;d</text>"), std::string::npos);
	EXPECT_NE(svg.find(">e&gt;f</text>"), std::string::npos);
	EXPECT_NE(svg.find(">R&amp;D &lt;部&gt;</text>"), std::string::npos);
}

TEST(RadarChartTest, ClampsRatiosAndToleratesShortSeries) {
	const std::string svg = RadarChart("t", {"a", "b", "c", "d"}, {{"x", {2.0, -1.0, std::nan("")}}});
	ExpectAccessibleSvg(svg);
	EXPECT_EQ(CountIn(svg, "<polygon"), 4u + 1u);
}

TEST(RadarChartTest, FewerThanThreeAxesIsStillAValidChart) {
	const std::string svg = RadarChart("t", {"a", "b"}, {{"x", {1, 1}}});
	ExpectAccessibleSvg(svg);
	EXPECT_EQ(CountIn(svg, "<polygon"), 0u);
}

TEST(RadarChartTest, IdDependsOnTitle) {
	const std::string a = RadarChart("A", {"a", "b", "c"}, {});
	const std::string b = RadarChart("B", {"a", "b", "c"}, {});
	auto id_of = [](const std::string &svg) {
		const std::size_t start = svg.find("<title id=\"") + 11;
		return svg.substr(start, svg.find('"', start) - start);
	};
	EXPECT_NE(id_of(a), id_of(b));
	EXPECT_EQ(a, RadarChart("A", {"a", "b", "c"}, {}));  // deterministic
}

TEST(BarChartTest, LabelsEachBarWithValueOverMax) {
	const std::string svg = BarChart("分類別の得点", {{"基本的対策", 12, 20}, {"R&D", 7.5, 10}, {"ゼロ", 0, 0}});
	ExpectAccessibleSvg(svg);
	EXPECT_NE(svg.find(">12 / 20</text>"), std::string::npos);
	EXPECT_NE(svg.find(">7.5 / 10</text>"), std::string::npos);
	EXPECT_NE(svg.find(">0 / 0</text>"), std::string::npos);
	EXPECT_NE(svg.find(">R&amp;D</text>"), std::string::npos);
	EXPECT_EQ(CountIn(svg, "class=\"mamori-chart-bar\""), 3u);
	// The zero-max bar draws no value rectangle.
	EXPECT_EQ(CountIn(svg, "class=\"mamori-chart-bar-value\""), 2u);
}

TEST(BarChartTest, EmptyIsValid) { ExpectAccessibleSvg(BarChart("空", {})); }

TEST(ChartTextTest, TheNoDataNoteComesFromTheCaller) {
	const std::string english = BarChart("Scores", {}, "No data to show");
	ExpectAccessibleSvg(english);
	EXPECT_NE(english.find(">No data to show</text>"), std::string::npos);
	EXPECT_EQ(BarChart("Scores", {}).find("</text>"), std::string::npos);  // no note given, none drawn
	EXPECT_NE(TrendChart("t", {}, 0, 100, "none <yet>").find(">none &lt;yet&gt;</text>"), std::string::npos);
	EXPECT_NE(RadarChart("r", {}, {}, "empty").find(">empty</text>"), std::string::npos);
	EXPECT_NE(HeatMap("h", "rows", {}, "columns", {}, {}, "empty").find(">empty</text>"), std::string::npos);
}

TEST(ChartTextTest, HeatMapCellsPrintTheCallersCountWords) {
	const std::vector<std::vector<HeatCell>> cells = {{{3, 2, "High", "3 assets"}, {0, 0, "Low", ""}}};
	const std::string svg = HeatMap("Heat map", "Importance", {"3"}, "Possibility", {"1", "2"}, cells);
	ExpectAccessibleSvg(svg);
	EXPECT_NE(svg.find(">3 assets</text>"), std::string::npos);
	EXPECT_NE(svg.find(">0</text>"), std::string::npos);  // no words given: the bare number
	EXPECT_NE(svg.find(">High</text>"), std::string::npos);
}

TEST(TrendChartTest, DrawsLineTicksAndValueLabels) {
	const std::string svg = TrendChart("推移", {{"2025年4月", 40}, {"2025年7月", 55}, {"2025年10月", 80}}, 0, 100);
	ExpectAccessibleSvg(svg);
	EXPECT_EQ(CountIn(svg, "<polyline"), 1u);
	EXPECT_NE(svg.find(">2025年10月</text>"), std::string::npos);
	EXPECT_NE(svg.find(">55</text>"), std::string::npos);
	// y ticks 0, 25, 50, 75, 100
	for (const char *tick : {">0</text>", ">25</text>", ">50</text>", ">75</text>", ">100</text>"}) {
		EXPECT_NE(svg.find(tick), std::string::npos) << tick;
	}
}

TEST(TrendChartTest, ZeroAndOnePointAreGraceful) {
	const std::string none = TrendChart("推移", {}, 0, 100);
	ExpectAccessibleSvg(none);
	EXPECT_EQ(CountIn(none, "<polyline"), 0u);

	const std::string one = TrendChart("推移", {{"2025年4月", 42}}, 0, 100);
	ExpectAccessibleSvg(one);
	EXPECT_EQ(CountIn(one, "<polyline"), 0u);
	EXPECT_NE(one.find(">42</text>"), std::string::npos);
	EXPECT_NE(one.find("<circle"), std::string::npos);
}

TEST(TrendChartTest, ThinsCrowdedXLabels) {
	std::vector<TrendPoint> points;
	for (int i = 0; i < 40; ++i) {
		points.push_back({"2025年" + std::to_string(i) + "月", static_cast<double>(i)});
	}
	const std::string svg = TrendChart("推移", points, 0, 40);
	ExpectAccessibleSvg(svg);
	EXPECT_NE(svg.find(">2025年0月</text>"), std::string::npos);
	EXPECT_EQ(svg.find(">2025年1月</text>"), std::string::npos);
	EXPECT_EQ(CountIn(svg, "<circle"), 40u);  // every point is still drawn
}

TEST(TrendChartTest, DegenerateRangeHasNoNaN) {
	ExpectAccessibleSvg(TrendChart("t", {{"a", 5}, {"b", 5}}, 5, 5));
	ExpectAccessibleSvg(TrendChart("t", {{"a", 5}, {"b", 7}}, 10, 0));
	ExpectAccessibleSvg(TrendChart("t", {{"a", std::nan("")}}, std::nan(""), 1));
}

} // namespace
} // namespace mamori::charts
