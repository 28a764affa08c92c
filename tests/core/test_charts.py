"""Server-rendered charts: real SVG, text escaped, nothing a strict CSP would refuse."""

import re
import xml.etree.ElementTree as ET

from sieva.core.charts import Interval, bar_chart, interval_plot, trend_chart


def _texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)  # noqa: S314 - parsing our own renderer's output
    return [el.text or "" for el in root.iter() if el.tag.endswith("text")]


def test_an_interval_plot_keeps_the_given_order_and_shows_n():
    svg = interval_plot(
        [Interval("Palembang", 3.6, 3.3, 3.9, 41), Interval("Medan", 3.9, 3.7, 4.1, 57)],
        axis_title="Skor reaksi (1–5)",
        reference=3.75,
    )
    labels = [t for t in _texts(svg) if "(n=" in t]
    assert labels == ["Palembang (n=41)", "Medan (n=57)"]
    assert "Skor reaksi (1–5)" in _texts(svg)


def test_user_text_cannot_inject_markup_or_break_the_csp():
    svg = interval_plot([Interval('<script>alert(1)</script> "x"', 1, 0, 2, 9)], axis_title="skor")
    assert "<script" not in svg
    assert any("<script>alert(1)</script>" in t for t in _texts(svg))  # shown, as text
    assert not re.search(r"\sstyle=", svg)
    assert not re.search(r"\son\w+=", svg)


def test_bars_and_trends_render_and_skip_missing_periods():
    bars = bar_chart([("Diundang", 20), ("Hadir", 12), ("Lulus", 8)], axis_title="orang")
    assert _texts(bars).count("Diundang") == 1
    trend = trend_chart(
        [("2025-01", 3.1), ("2025-02", None), ("2025-03", 3.4)], axis_title="IKM", marker="2025-02"
    )
    assert "2025-03" in _texts(trend)


def test_a_funnel_plot_names_and_colours_only_the_groups_outside_its_limits():
    from sieva.core.charts import GOOD, FunnelPoint, funnel_plot, funnel_position

    points = [
        FunnelPoint("Medan", 180, 240),
        FunnelPoint("Palembang", 90, 100),
        FunnelPoint("Jakarta", 160, 200),
    ]
    # Pooled 430/540 = 79.6 %; at n = 100 the 95 % limits are 79.6 ± 1.96·√(.796·.204/100)
    # = 71.7–87.5 %, so Palembang's 90 % lies above; Medan (75 %, n = 240: 74.5–84.7) within.
    pooled = 430 / 540
    assert [funnel_position(p, pooled) for p in points] == ["within", "above", "within"]
    svg = funnel_plot(
        points,
        axis_title="Partisipasi (%)",
        x_title="Pegawai diundang (n)",
        outside_label=("di atas batas", "di bawah batas"),
    )
    texts = _texts(svg)
    assert "Palembang" in texts
    assert "Medan" not in texts and "Jakarta" not in texts  # within: not labelled, no pile-up
    assert "Pegawai diundang (n)" in texts and "Partisipasi (%)" in texts  # both axes titled
    assert "di atas batas" in texts  # the legend of the highlight
    assert GOOD in svg
    assert svg.count("<path") >= 4  # four control-limit lines


def test_a_scatter_chart_labels_every_point_and_escapes_names():
    from sieva.core.charts import ScatterPoint, scatter_chart

    svg = scatter_chart(
        [ScatterPoint("Layanan Prima", 2_500_000, 4.1), ScatterPoint("<b>Etika</b>", 900_000, 3.2)],
        x_title="Biaya per peserta (Rp)",
        y_title="Skor reaksi (1–5)",
    )
    texts = _texts(svg)
    assert "Layanan Prima" in texts and "<b>Etika</b>" in texts  # shown as text, not markup
    assert "<b>" not in svg
    assert "Biaya per peserta (Rp)" in texts and "Skor reaksi (1–5)" in texts


def test_a_crowded_scatter_names_only_its_outlying_points():
    from sieva.core.charts import ScatterPoint, scatter_chart

    points = [ScatterPoint(f"Program {i}", 1_000_000 + i * 1000, 3.5 + i / 100) for i in range(20)]
    points.append(ScatterPoint("Mahal dan lemah", 9_000_000, 2.1))
    texts = _texts(scatter_chart(points, x_title="Biaya", y_title="Skor", most_named=4))
    assert "Mahal dan lemah" in texts
    assert sum(1 for t in texts if t.startswith("Program ")) <= 3
    assert "Biaya" in texts and "Skor" in texts
