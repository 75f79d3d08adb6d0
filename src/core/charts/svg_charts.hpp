// mamori/core/charts/svg_charts.hpp
//
// Server-drawn SVG charts. Pure functions from numbers to markup: no I/O, no
// scripts. Every chart is <svg role="img"> with a <title> (its accessible
// name); the caller always places a <table> of the same numbers beside it, so
// meaning never depends on colour or on seeing the picture. The core holds no
// UI text: every word drawn (titles, labels, the no-data note) comes from
// the caller in the reader's language.
#pragma once

#include <string>
#include <vector>

namespace mamori::charts {

struct RadarSeries {
	std::string label;           // legend text, e.g. 「全社」 or 「営業部」
	std::vector<double> ratios;  // one per axis, 0.0–1.0 (score ÷ max, clamped)
};

//! Radar (spider) chart. axes.size() >= 3. Each series is drawn with a
//! distinct stroke style (solid / dashed / dotted) as well as colour.
//! `no_data` is the note drawn when there is nothing to show ("" draws none).
std::string RadarChart(const std::string &title, const std::vector<std::string> &axes,
                       const std::vector<RadarSeries> &series, const std::string &no_data = {});

struct Bar {
	std::string label;
	double value = 0;
	double max = 0;  // the bar's full length
};

//! Horizontal bars, each labelled with "value / max" as text.
std::string BarChart(const std::string &title, const std::vector<Bar> &bars, const std::string &no_data = {});

struct TrendPoint {
	std::string label;  // x label, e.g. 「2025年4月」
	double value = 0;
};

//! Line chart over time with y axis from y_min to y_max, points labelled.
std::string TrendChart(const std::string &title, const std::vector<TrendPoint> &points, double y_min,
                       double y_max, const std::string &no_data = {});

struct HeatCell {
	int count = 0;
	//! 0 = low, 1 = medium, 2 = high: picks a fill from light to dark, and
	//! the cell also prints its level label, so colour is never the only cue.
	int severity = 0;
	std::string level_label;  // e.g. 大 / 中 / 小
	std::string count_label;  // the count in words, e.g. 「3件」 or "3 assets"; the bare number when ""
};

//! A grid of counts: rows top to bottom, columns left to right. Each cell
//! shows its count and level label. cells[row][column].
std::string HeatMap(const std::string &title, const std::string &row_axis, const std::vector<std::string> &row_labels,
                    const std::string &column_axis, const std::vector<std::string> &column_labels,
                    const std::vector<std::vector<HeatCell>> &cells, const std::string &no_data = {});

//! One column position of a ColumnChart: a label under it and one count per series.
struct ColumnGroup {
	std::string label;        // e.g. a date 「2026-04-01」 or a score range "50–59"
	std::vector<int> values;  // one per series
};

//! Vertical columns of counts (a histogram, or the findings and closed actions
//! of each inspection side by side). Each series has its own colour and
//! hatching, and every column prints its count, so colour is never the only cue.
std::string ColumnChart(const std::string &title, const std::vector<std::string> &series,
                        const std::vector<ColumnGroup> &groups, const std::string &no_data = {});

//! Escapes &, <, >, " and ' for XML text and attributes.
std::string XmlEscape(const std::string &text);

} // namespace mamori::charts
