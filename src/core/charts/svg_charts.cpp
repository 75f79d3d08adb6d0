// mamori/core/charts/svg_charts.cpp
//
// Charts are built as plain strings so they can be golden-tested byte for byte
// and embedded in pages that forbid scripts. Every number goes through
// FormatNumber (locale-independent, never NaN) and every piece of text through
// XmlEscape, because labels come from user input (department names).
#include "core/charts/svg_charts.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <numbers>
#include <string_view>

namespace mamori::charts {

namespace {

// Colours are CSS custom properties so a page theme (or high-contrast mode)
// can override them; the fallbacks keep a standalone SVG readable.
constexpr const char *kSeriesColours[] = {
	"var(--mamori-chart-1, #0031d8)",
	"var(--mamori-chart-2, #c74700)",
	"var(--mamori-chart-3, #197a4b)",
	"var(--mamori-chart-4, #6f23d0)",
};
constexpr const char *kTextColour = "var(--mamori-chart-text, #1a1a1c)";
constexpr const char *kMutedTextColour = "var(--mamori-chart-muted, #595959)";
constexpr const char *kGridColour = "var(--mamori-chart-grid, #b3b3b3)";
constexpr const char *kBackgroundColour = "var(--mamori-chart-bg, #ffffff)";
constexpr const char *kTrackColour = "var(--mamori-chart-track, #e6e6e6)";
constexpr const char *kFontFamily = "Noto Sans JP, sans-serif";

// The second way (besides colour) to tell series apart: the stroke pattern.
// Patterns are in stroke-width units so they survive scaling.
constexpr const char *kDashPatterns[] = {"", "8 4", "2 3", "10 3 2 3"};

enum class Marker { kCircle, kSquare, kTriangle, kDiamond };
constexpr Marker kMarkers[] = {Marker::kCircle, Marker::kSquare, Marker::kTriangle, Marker::kDiamond};

constexpr std::size_t kStyleCount = std::size(kSeriesColours);

// NaN and infinities would make the whole SVG invalid, so they become 0.
double Finite(double value) { return std::isfinite(value) ? value : 0.0; }

// Locale-independent and short: at most two decimals, no trailing zeros, and
// never "-0".
std::string FormatNumber(double value) {
	value = Finite(value);
	double rounded = std::round(value * 100.0) / 100.0;
	if (rounded == 0.0) {
		rounded = 0.0;
	}
	char buffer[64];
	auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), rounded, std::chars_format::fixed, 2);
	if (ec != std::errc()) {
		return "0";
	}
	std::string text(buffer, end);
	while (!text.empty() && text.back() == '0') {
		text.pop_back();
	}
	if (!text.empty() && text.back() == '.') {
		text.pop_back();
	}
	return text;
}

double Clamp01(double value) { return std::clamp(Finite(value), 0.0, 1.0); }

// FNV-1a: stable across runs and platforms, unlike std::hash, so ids do not
// churn between builds and golden files stay valid.
std::string ChartId(std::string_view kind, const std::string &title) {
	std::uint32_t hash = 2166136261u;
	for (unsigned char c : title) {
		hash ^= c;
		hash *= 16777619u;
	}
	static constexpr char kHex[] = "0123456789abcdef";
	std::string id = "mamori-chart-";
	id += kind;
	id += '-';
	for (int shift = 28; shift >= 0; shift -= 4) {
		id += kHex[(hash >> shift) & 0xF];
	}
	return id;
}

// SVG text does not wrap or measure itself, so layout reserves room from an
// estimate: full-width (CJK) characters take about 1em, ASCII about 0.6em.
double EstimateTextWidth(const std::string &text, double font_size) {
	double width = 0;
	for (std::size_t i = 0; i < text.size();) {
		unsigned char c = static_cast<unsigned char>(text[i]);
		std::size_t length = 1;
		if (c >= 0xF0) {
			length = 4;
		} else if (c >= 0xE0) {
			length = 3;
		} else if (c >= 0xC0) {
			length = 2;
		}
		width += (length == 1 ? 0.6 : 1.0) * font_size;
		i += length;
	}
	return width;
}

std::string OpenSvg(std::string_view kind, const std::string &title, double width, double height) {
	const std::string id = ChartId(kind, title);
	std::string out;
	out += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"mamori-chart mamori-chart-";
	out += kind;
	out += "\" width=\"100%\" viewBox=\"0 0 " + FormatNumber(width) + " " + FormatNumber(height) + "\"";
	// No style attribute: the CSP forbids inline styles, so the stylesheet
	// sizes charts through the mamori-chart classes.
	out += " preserveAspectRatio=\"xMidYMid meet\"";
	out += " aria-labelledby=\"" + id + "\"";
	out += " font-family=\"" + std::string(kFontFamily) + "\"";
	out += " fill=\"" + std::string(kTextColour) + "\">";
	out += "<title id=\"" + id + "\">" + XmlEscape(title) + "</title>";
	return out;
}

std::string Text(double x, double y, const std::string &text, std::string_view anchor, double font_size,
                 std::string_view extra = {}) {
	std::string out = "<text x=\"" + FormatNumber(x) + "\" y=\"" + FormatNumber(y) + "\" font-size=\"" +
	                  FormatNumber(font_size) + "\"";
	if (anchor != "start") {
		out += " text-anchor=\"";
		out += anchor;
		out += "\"";
	}
	if (!extra.empty()) {
		out += ' ';
		out += extra;
	}
	out += ">" + XmlEscape(text) + "</text>";
	return out;
}

std::string NoDataSvg(std::string_view kind, const std::string &title, const std::string &no_data) {
	std::string out = OpenSvg(kind, title, 480, 120);
	if (!no_data.empty()) {
		out += Text(240, 64, no_data, "middle", 14);
	}
	out += "</svg>";
	return out;
}

std::string StrokeAttributes(std::size_t style, double width) {
	std::string out = "stroke=\"" + std::string(kSeriesColours[style % kStyleCount]) + "\" stroke-width=\"" +
	                  FormatNumber(width) + "\"";
	const char *dash = kDashPatterns[style % kStyleCount];
	if (*dash != '\0') {
		out += " stroke-dasharray=\"";
		out += dash;
		out += "\"";
	}
	return out;
}

// Point markers differ in shape per series, so points stay distinguishable in
// greyscale print and for colour-blind readers.
std::string MarkerShape(std::size_t style, double x, double y, double size) {
	const std::string fill = "fill=\"" + std::string(kSeriesColours[style % kStyleCount]) + "\"";
	switch (kMarkers[style % kStyleCount]) {
	case Marker::kCircle:
		return "<circle cx=\"" + FormatNumber(x) + "\" cy=\"" + FormatNumber(y) + "\" r=\"" + FormatNumber(size) +
		       "\" " + fill + "/>";
	case Marker::kSquare:
		return "<rect x=\"" + FormatNumber(x - size) + "\" y=\"" + FormatNumber(y - size) + "\" width=\"" +
		       FormatNumber(size * 2) + "\" height=\"" + FormatNumber(size * 2) + "\" " + fill + "/>";
	case Marker::kTriangle: {
		const double h = size * 1.2;
		return "<path d=\"M" + FormatNumber(x) + " " + FormatNumber(y - h) + "L" + FormatNumber(x + h) + " " +
		       FormatNumber(y + h * 0.8) + "L" + FormatNumber(x - h) + " " + FormatNumber(y + h * 0.8) + "Z\" " +
		       fill + "/>";
	}
	case Marker::kDiamond: {
		const double h = size * 1.3;
		return "<path d=\"M" + FormatNumber(x) + " " + FormatNumber(y - h) + "L" + FormatNumber(x + h) + " " +
		       FormatNumber(y) + "L" + FormatNumber(x) + " " + FormatNumber(y + h) + "L" + FormatNumber(x - h) +
		       " " + FormatNumber(y) + "Z\" " + fill + "/>";
	}
	}
	return {};
}

// A legend entry shows the same stroke pattern and marker as the series.
std::string LegendEntry(std::size_t style, double x, double y, const std::string &label) {
	std::string out = "<g class=\"mamori-chart-legend-entry\">";
	out += "<line x1=\"" + FormatNumber(x) + "\" y1=\"" + FormatNumber(y) + "\" x2=\"" + FormatNumber(x + 32) +
	       "\" y2=\"" + FormatNumber(y) + "\" fill=\"none\" " + StrokeAttributes(style, 2.5) + "/>";
	out += MarkerShape(style, x + 16, y, 4);
	out += Text(x + 40, y + 4.5, label, "start", 13);
	out += "</g>";
	return out;
}

struct Point {
	double x = 0;
	double y = 0;
};

std::string PointList(const std::vector<Point> &points) {
	std::string out;
	for (std::size_t i = 0; i < points.size(); ++i) {
		if (i > 0) {
			out += ' ';
		}
		out += FormatNumber(points[i].x) + "," + FormatNumber(points[i].y);
	}
	return out;
}

} // namespace

std::string XmlEscape(const std::string &text) {
	std::string out;
	out.reserve(text.size());
	for (char c : text) {
		switch (c) {
		case '&':
			out += "&amp;";
			break;
		case '<':
			out += "&lt;";
			break;
		case '>':
			out += "&gt;";
			break;
		case '"':
			out += "&quot;";
			break;
		case '\'':
			out += "&#39;";
			break;
		default:
			// Control characters other than tab/newline are not allowed in XML
			// 1.0 at all; dropping them keeps the document well-formed.
			if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				break;
			}
			out += c;
		}
	}
	return out;
}

std::string RadarChart(const std::string &title, const std::vector<std::string> &axes,
                       const std::vector<RadarSeries> &series, const std::string &no_data) {
	if (axes.size() < 3) {
		// Fewer than three axes cannot enclose an area; say so instead of
		// drawing a misleading line.
		return NoDataSvg("radar", title, no_data);
	}

	// Room for axis labels on both sides depends on the longest label.
	double label_width = 0;
	for (const std::string &axis : axes) {
		label_width = std::max(label_width, EstimateTextWidth(axis, 13));
	}
	label_width = std::clamp(label_width, 40.0, 160.0);

	const double radius = 140;
	const double side = label_width + 16;
	const double cx = side + radius;
	const double cy = 40 + radius;
	const double width = cx * 2;
	const std::size_t legend_rows = series.size();
	const double legend_top = cy + radius + 40;
	const double height = legend_top + static_cast<double>(legend_rows) * 24 + 8;

	const std::size_t n = axes.size();
	auto vertex = [&](std::size_t i, double ratio) {
		// Axis 0 points straight up; the rest follow clockwise.
		const double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n);
		return Point{cx + radius * ratio * std::cos(angle), cy + radius * ratio * std::sin(angle)};
	};

	std::string out = OpenSvg("radar", title, width, height);

	out += "<g class=\"mamori-chart-grid\" fill=\"none\" stroke=\"" + std::string(kGridColour) + "\" stroke-width=\"1\">";
	for (double level : {0.25, 0.5, 0.75, 1.0}) {
		std::vector<Point> ring;
		for (std::size_t i = 0; i < n; ++i) {
			ring.push_back(vertex(i, level));
		}
		out += "<polygon points=\"" + PointList(ring) + "\"/>";
	}
	for (std::size_t i = 0; i < n; ++i) {
		const Point end = vertex(i, 1.0);
		out += "<line x1=\"" + FormatNumber(cx) + "\" y1=\"" + FormatNumber(cy) + "\" x2=\"" + FormatNumber(end.x) +
		       "\" y2=\"" + FormatNumber(end.y) + "\"/>";
	}
	out += "</g>";

	// Ring percentages along axis 0 so the scale can be read without a table.
	// They are drawn last-but-legend with a background halo, so series lines
	// crossing axis 0 never make them illegible.
	std::string scale = "<g class=\"mamori-chart-scale\" fill=\"" + std::string(kMutedTextColour) +
	                    "\" stroke=\"" + std::string(kBackgroundColour) +
	                    "\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">";
	for (int percent : {25, 50, 75, 100}) {
		const Point p = vertex(0, percent / 100.0);
		scale += Text(p.x + 6, p.y + 4, std::to_string(percent) + "%", "start", 10);
	}
	scale += "</g>";

	out += "<g class=\"mamori-chart-axis-labels\">";
	for (std::size_t i = 0; i < n; ++i) {
		const Point p = vertex(i, 1.0);
		const double dx = p.x - cx;
		const double dy = p.y - cy;
		// Anchor each label away from the chart so it never overlaps the rings.
		std::string_view anchor = "middle";
		if (dx > radius * 0.15) {
			anchor = "start";
		} else if (dx < -radius * 0.15) {
			anchor = "end";
		}
		const double offset = 12;
		double x = p.x + (dx / radius) * offset;
		double y = p.y + (dy / radius) * offset + 4.5;
		if (anchor == "middle") {
			y += dy < 0 ? -4 : 8;
		}
		out += Text(x, y, axes[i], anchor, 13);
	}
	out += "</g>";

	for (std::size_t s = 0; s < series.size(); ++s) {
		std::vector<Point> shape;
		for (std::size_t i = 0; i < n; ++i) {
			const double ratio = i < series[s].ratios.size() ? Clamp01(series[s].ratios[i]) : 0.0;
			shape.push_back(vertex(i, ratio));
		}
		out += "<g class=\"mamori-chart-series\">";
		out += "<polygon class=\"mamori-chart-series-area\" points=\"" + PointList(shape) + "\" fill=\"" +
		       std::string(kSeriesColours[s % kStyleCount]) + "\" fill-opacity=\"" + (s == 0 ? "0.12" : "0.04") +
		       "\" " + StrokeAttributes(s, 2.5) + " stroke-linejoin=\"round\"/>";
		for (const Point &p : shape) {
			out += MarkerShape(s, p.x, p.y, 3.5);
		}
		out += "</g>";
	}

	out += scale;

	out += "<g class=\"mamori-chart-legend\">";
	for (std::size_t s = 0; s < series.size(); ++s) {
		out += LegendEntry(s, side, legend_top + static_cast<double>(s) * 24, series[s].label);
	}
	out += "</g></svg>";
	return out;
}

std::string BarChart(const std::string &title, const std::vector<Bar> &bars, const std::string &no_data) {
	if (bars.empty()) {
		return NoDataSvg("bar", title, no_data);
	}

	const double font_size = 13;
	double label_width = 0;
	for (const Bar &bar : bars) {
		label_width = std::max(label_width, EstimateTextWidth(bar.label, font_size));
	}
	label_width = std::clamp(label_width, 60.0, 260.0);

	const double padding = 12;
	const double bar_left = padding + label_width + 12;
	const double bar_width = 300;
	const double value_width = 90;  // "100 / 100" at 13px
	const double row_height = 32;
	const double bar_height = 18;
	const double width = bar_left + bar_width + 10 + value_width;
	const double height = padding * 2 + row_height * static_cast<double>(bars.size());

	std::string out = OpenSvg("bar", title, width, height);
	for (std::size_t i = 0; i < bars.size(); ++i) {
		const Bar &bar = bars[i];
		const double max = Finite(bar.max);
		const double value = Finite(bar.value);
		const double ratio = max > 0 ? Clamp01(value / max) : 0.0;
		const double top = padding + row_height * static_cast<double>(i) + (row_height - bar_height) / 2;
		const double text_y = top + bar_height / 2 + 4.5;

		out += "<g class=\"mamori-chart-bar\">";
		out += Text(bar_left - 12, text_y, bar.label, "end", font_size);
		out += "<rect x=\"" + FormatNumber(bar_left) + "\" y=\"" + FormatNumber(top) + "\" width=\"" +
		       FormatNumber(bar_width) + "\" height=\"" + FormatNumber(bar_height) + "\" fill=\"" +
		       std::string(kTrackColour) + "\"/>";
		if (ratio > 0) {
			out += "<rect class=\"mamori-chart-bar-value\" x=\"" + FormatNumber(bar_left) + "\" y=\"" +
			       FormatNumber(top) + "\" width=\"" + FormatNumber(bar_width * ratio) + "\" height=\"" +
			       FormatNumber(bar_height) + "\" fill=\"" + std::string(kSeriesColours[0]) + "\"/>";
		}
		out += Text(bar_left + bar_width + 10, text_y, FormatNumber(value) + " / " + FormatNumber(max), "start",
		            font_size);
		out += "</g>";
	}
	out += "</svg>";
	return out;
}

std::string TrendChart(const std::string &title, const std::vector<TrendPoint> &points, double y_min,
                       double y_max, const std::string &no_data) {
	if (points.empty()) {
		return NoDataSvg("trend", title, no_data);
	}
	y_min = Finite(y_min);
	y_max = Finite(y_max);
	if (y_max < y_min) {
		std::swap(y_min, y_max);
	}
	if (y_max - y_min < 1e-9) {
		// A flat range would divide by zero; widen it so the point sits on a
		// visible axis.
		y_max = y_min + 1;
	}

	const double width = 640;
	const double height = 320;
	const double left = 56;
	const double right = width - 24;
	const double top = 28;
	const double bottom = height - 56;
	const double plot_height = bottom - top;

	auto y_of = [&](double value) {
		const double ratio = std::clamp((Finite(value) - y_min) / (y_max - y_min), 0.0, 1.0);
		return bottom - ratio * plot_height;
	};
	const std::size_t n = points.size();
	auto x_of = [&](std::size_t i) {
		if (n == 1) {
			return (left + right) / 2;
		}
		// Inset so the first and last value labels stay inside the plot.
		const double inset = 24;
		return left + inset + (right - left - 2 * inset) * static_cast<double>(i) / static_cast<double>(n - 1);
	};

	std::string out = OpenSvg("trend", title, width, height);

	out += "<g class=\"mamori-chart-y-axis\">";
	constexpr int kTicks = 4;
	for (int t = 0; t <= kTicks; ++t) {
		const double value = y_min + (y_max - y_min) * t / kTicks;
		const double y = y_of(value);
		out += "<line x1=\"" + FormatNumber(left) + "\" y1=\"" + FormatNumber(y) + "\" x2=\"" + FormatNumber(right) +
		       "\" y2=\"" + FormatNumber(y) + "\" stroke=\"" + std::string(kGridColour) + "\" stroke-width=\"1\"" +
		       (t == 0 ? "" : " stroke-dasharray=\"2 4\"") + "/>";
		out += Text(left - 8, y + 4, FormatNumber(value), "end", 11, "fill=\"" + std::string(kMutedTextColour) + "\"");
	}
	out += "</g>";

	// With many points the x labels would overlap; show every step-th one
	// (the table beside the chart still lists them all).
	std::size_t step = 1;
	if (n >= 2) {
		double widest = 0;
		for (const TrendPoint &point : points) {
			widest = std::max(widest, EstimateTextWidth(point.label, 12));
		}
		const double spacing = x_of(1) - x_of(0);
		step = static_cast<std::size_t>(std::max(1.0, std::ceil((widest + 8) / spacing)));
	}
	out += "<g class=\"mamori-chart-x-axis\">";
	for (std::size_t i = 0; i < n; i += step) {
		out += Text(x_of(i), bottom + 22, points[i].label, "middle", 12);
	}
	out += "</g>";

	out += "<g class=\"mamori-chart-series\">";
	if (n >= 2) {
		std::vector<Point> line;
		for (std::size_t i = 0; i < n; ++i) {
			line.push_back({x_of(i), y_of(points[i].value)});
		}
		out += "<polyline points=\"" + PointList(line) + "\" fill=\"none\" " + StrokeAttributes(0, 2.5) +
		       " stroke-linejoin=\"round\"/>";
	}
	for (std::size_t i = 0; i < n; ++i) {
		const double x = x_of(i);
		const double y = y_of(points[i].value);
		out += MarkerShape(0, x, y, 4.5);
		out += Text(x, y - 10, FormatNumber(points[i].value), "middle", 12, "font-weight=\"bold\"");
	}
	out += "</g></svg>";
	return out;
}

std::string HeatMap(const std::string &title, const std::string &row_axis, const std::vector<std::string> &row_labels,
                    const std::string &column_axis, const std::vector<std::string> &column_labels,
                    const std::vector<std::vector<HeatCell>> &cells, const std::string &no_data) {
	if (row_labels.empty() || column_labels.empty()) {
		return NoDataSvg("heatmap", title, no_data);
	}
	static constexpr const char *kFills[] = {"var(--mamori-heat-low, #e8f1fe)", "var(--mamori-heat-medium, #ffc199)",
	                                         "var(--mamori-heat-high, #ec0000)"};
	static constexpr const char *kInk[] = {"#1a1a1c", "#1a1a1c", "#ffffff"};
	const double cell_width = 110;
	const double cell_height = 64;
	const double left = 120;
	const double top = 40;
	const double width = left + cell_width * static_cast<double>(column_labels.size()) + 16;
	const double height = top + cell_height * static_cast<double>(row_labels.size()) + 56;
	std::string out = OpenSvg("heatmap", title, width, height);
	out += Text(left + cell_width * static_cast<double>(column_labels.size()) / 2, 20, column_axis, "middle", 14,
	            "font-weight=\"700\"");
	for (size_t column = 0; column < column_labels.size(); ++column) {
		out += Text(left + cell_width * (static_cast<double>(column) + 0.5), height - 20, column_labels[column], "middle", 13);
	}
	out += Text(8, top - 12, row_axis, "start", 14, "font-weight=\"700\"");
	for (size_t row = 0; row < row_labels.size(); ++row) {
		const double y = top + cell_height * static_cast<double>(row);
		out += Text(left - 10, y + cell_height / 2 + 5, row_labels[row], "end", 13);
		for (size_t column = 0; column < column_labels.size(); ++column) {
			const HeatCell cell = row < cells.size() && column < cells[row].size() ? cells[row][column] : HeatCell{};
			const int severity = cell.severity < 0 ? 0 : cell.severity > 2 ? 2 : cell.severity;
			const double x = left + cell_width * static_cast<double>(column);
			out += "<rect x=\"" + FormatNumber(x) + "\" y=\"" + FormatNumber(y) + "\" width=\"" + FormatNumber(cell_width) +
			       "\" height=\"" + FormatNumber(cell_height) + "\" fill=\"" + kFills[severity] +
			       "\" stroke=\"#ffffff\" stroke-width=\"2\"/>";
			const std::string ink = std::string("fill=\"") + kInk[severity] + "\"";
			out += Text(x + cell_width / 2, y + cell_height / 2 - 2, cell.count_label.empty() ? std::to_string(cell.count) : cell.count_label, "middle", 18,
			            ink + " font-weight=\"700\"");
			out += Text(x + cell_width / 2, y + cell_height / 2 + 20, cell.level_label, "middle", 12, ink);
		}
	}
	out += "</svg>";
	return out;
}

std::string ColumnChart(const std::string &title, const std::vector<std::string> &series,
                        const std::vector<ColumnGroup> &groups, const std::string &no_data) {
	if (groups.empty() || series.empty()) {
		return NoDataSvg("columns", title, no_data);
	}
	int max = 1;
	for (const ColumnGroup &group : groups) {
		for (int value : group.values) {
			max = std::max(max, value);
		}
	}
	const double font_size = 12;
	const double padding = 12;
	const double legend_height = 24;
	const double plot_top = padding + legend_height + 16;  // room for the tallest column's count
	const double plot_height = 160;
	const double column_width = 22;
	const double group_gap = 18;
	const double group_width = column_width * static_cast<double>(series.size()) + group_gap;
	const double label_height = 36;
	const double width = std::max(320.0, padding * 2 + group_width * static_cast<double>(groups.size()));
	const double height = plot_top + plot_height + label_height;
	const double base = plot_top + plot_height;

	std::string out = OpenSvg("columns", title, width, height);
	// Hatching per series (after the first) tells them apart without colour.
	out += "<defs>";
	for (std::size_t s = 1; s < series.size(); ++s) {
		out += "<pattern id=\"" + ChartId("hatch" + std::to_string(s), title) +
		       "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(" +
		       std::to_string(45 * static_cast<int>(s)) + ")\"><rect width=\"6\" height=\"6\" fill=\"" +
		       std::string(kSeriesColours[s % kStyleCount]) + "\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"" +
		       std::string(kBackgroundColour) + "\" stroke-width=\"2\"/></pattern>";
	}
	out += "</defs>";
	double legend_x = padding;
	for (std::size_t s = 0; s < series.size(); ++s) {
		const std::string fill = s == 0 ? std::string(kSeriesColours[0])
		                                : "url(#" + ChartId("hatch" + std::to_string(s), title) + ")";
		out += "<rect x=\"" + FormatNumber(legend_x) + "\" y=\"" + FormatNumber(padding) +
		       "\" width=\"14\" height=\"14\" fill=\"" + fill + "\"/>";
		out += Text(legend_x + 20, padding + 12, series[s], "start", font_size);
		legend_x += 34 + EstimateTextWidth(series[s], font_size);
	}
	out += "<line x1=\"" + FormatNumber(padding) + "\" y1=\"" + FormatNumber(base) + "\" x2=\"" +
	       FormatNumber(width - padding) + "\" y2=\"" + FormatNumber(base) + "\" stroke=\"" + std::string(kGridColour) +
	       "\"/>";
	for (std::size_t g = 0; g < groups.size(); ++g) {
		const ColumnGroup &group = groups[g];
		const double left = padding + group_width * static_cast<double>(g) + group_gap / 2;
		out += "<g class=\"mamori-chart-column\">";
		for (std::size_t s = 0; s < series.size(); ++s) {
			const int value = s < group.values.size() ? std::max(0, group.values[s]) : 0;
			const double h = plot_height * static_cast<double>(value) / static_cast<double>(max);
			const double x = left + column_width * static_cast<double>(s);
			const std::string fill = s == 0 ? std::string(kSeriesColours[0])
			                                : "url(#" + ChartId("hatch" + std::to_string(s), title) + ")";
			if (value > 0) {
				out += "<rect x=\"" + FormatNumber(x + 2) + "\" y=\"" + FormatNumber(base - h) + "\" width=\"" +
				       FormatNumber(column_width - 4) + "\" height=\"" + FormatNumber(h) + "\" fill=\"" + fill + "\"/>";
			}
			out += Text(x + column_width / 2, base - h - 4, std::to_string(value), "middle", font_size);
		}
		out += Text(left + column_width * static_cast<double>(series.size()) / 2, base + 16, group.label, "middle",
		            font_size - 1);
		out += "</g>";
	}
	out += "</svg>";
	return out;
}

} // namespace mamori::charts
