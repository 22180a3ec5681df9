//! 生成分享图: the report's figures drawn as one tall picture (PNG) for a chat — title, source
//! and date, the leading figures large, more figures by section, and the QR code of the page.
//! Drawn on a canvas in the browser from the same model the cards render; called from an
//! event handler only.

use wasm_bindgen::{JsCast, JsValue};

use crate::{
    id::SectionId,
    metrics::{display::FigureText, lead::leading},
    qr::{QrMatrix, QUIET_ZONE},
    report::{Metric, Report},
};

/// The picture's width in pixels: the width chat apps show a long picture at.
const WIDTH: f64 = 750.0;
const MARGIN: f64 = 40.0;
const LEAD_FIGURES: usize = 4;
/// More figures after the lead: a few per section, for the first sections, so the picture
/// stays one a reader scrolls through in a chat.
const SECTIONS: usize = 6;
const PER_SECTION: usize = 3;
const QR_SIDE: f64 = 240.0;

const FONT: &str = "\"PingFang SC\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"WenQuanYi Micro Hei\", sans-serif";
const ACCENT: &str = "#b4171d";
const TEXT: &str = "#1f2328";
const MUTED: &str = "#57606a";
const SURFACE: &str = "#f6f8fa";
const TRACK: &str = "#e1e4e8";

/// Draws the picture and returns it as a `data:image/png` address (the strict CSP allows
/// `data:` images; it allows no `blob:`).
pub fn draw(report: &Report, url: &str) -> Result<String, JsValue> {
    let document = gloo::utils::document();
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width(WIDTH as u32);
    canvas.set_height(1);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d canvas"))?
        .dyn_into()?;
    let qr = QrMatrix::encode(url).ok();
    // Laid out twice: once to measure the height, once to draw (resizing clears the canvas).
    let height = Painter {
        context: &context,
        draw: false,
    }
    .picture(report, qr.as_ref());
    canvas.set_height(height.ceil() as u32);
    Painter {
        context: &context,
        draw: true,
    }
    .picture(report, qr.as_ref());
    canvas.to_data_url_with_type("image/png")
}

struct Painter<'a> {
    context: &'a web_sys::CanvasRenderingContext2d,
    /// Measuring only, or drawing too.
    draw: bool,
}

impl Painter<'_> {
    /// Lays out (and draws) the whole picture; returns its height.
    fn picture(&self, report: &Report, qr: Option<&QrMatrix>) -> f64 {
        let inner = WIDTH - 2.0 * MARGIN;
        // Header: the accent band with the title, source and date.
        let mut y = MARGIN;
        let header_top = 0.0;
        let band_end = {
            let mut y2 = y + self.measure_lines("数说 · 一图读懂", 26.0, false, inner, 1);
            y2 += 12.0;
            y2 += self.measure_lines(&report.title, 40.0, true, inner, 4);
            y2 += 16.0;
            y2 + self.measure_lines(&byline(report), 24.0, false, inner, 2) + MARGIN
        };
        self.rect(0.0, header_top, WIDTH, band_end, ACCENT);
        y += self.text_lines(
            "数说 · 一图读懂",
            MARGIN,
            y,
            26.0,
            false,
            "#ffd8a8",
            inner,
            1,
        );
        y += 12.0;
        y += self.text_lines(&report.title, MARGIN, y, 40.0, true, "#ffffff", inner, 4);
        y += 16.0;
        self.text_lines(&byline(report), MARGIN, y, 24.0, false, "#ffffff", inner, 2);
        y = band_end + MARGIN;

        // The leading figures, two to a row, large.
        let lead = leading(report, LEAD_FIGURES);
        if !lead.is_empty() {
            y += self.text_lines("要点", MARGIN, y, 30.0, true, TEXT, inner, 1) + 16.0;
            let gap = 20.0;
            let column = (inner - gap) / 2.0;
            for pair in lead.chunks(2) {
                let tallest = pair
                    .iter()
                    .map(|m| self.lead_box(m, 0.0, 0.0, column, false))
                    .fold(0.0, f64::max);
                for (i, metric) in pair.iter().enumerate() {
                    let x = MARGIN + i as f64 * (column + gap);
                    self.rect(x, y, column, tallest, SURFACE);
                    self.lead_box(metric, x, y, column, true);
                }
                y += tallest + gap;
            }
            y += 12.0;
        }

        // More figures, by section.
        let groups = groups(report, &lead);
        if !groups.is_empty() {
            y += self.text_lines("更多数据", MARGIN, y, 30.0, true, TEXT, inner, 1) + 8.0;
        }
        for (heading, metrics) in groups {
            y += 12.0;
            y += self.text_lines(&heading, MARGIN, y, 26.0, true, ACCENT, inner, 2) + 8.0;
            for metric in metrics {
                y += self.figure_row(metric, MARGIN, y, inner) + 10.0;
            }
        }

        // The page's QR code, dark on white with its quiet zone, and what it opens.
        y += 24.0;
        self.rect(MARGIN, y, inner, 1.0, TRACK);
        y += 32.0;
        if let Some(qr) = qr {
            self.qr(qr, MARGIN, y);
            let x = MARGIN + QR_SIDE + 24.0;
            let width = inner - QR_SIDE - 24.0;
            let mut ty = y + 40.0;
            ty += self.text_lines("扫码阅读报告全文", x, ty, 30.0, true, TEXT, width, 2) + 12.0;
            self.text_lines(
                "图中数据均摘自报告原文，扫码可在原文中找到每个数据。",
                x,
                ty,
                22.0,
                false,
                MUTED,
                width,
                4,
            );
            y += QR_SIDE;
        }
        y + MARGIN
    }

    /// A leading figure: the number large, its unit, its label, a bar for a rate.
    fn lead_box(&self, metric: &Metric, x: f64, y: f64, width: f64, draw: bool) -> f64 {
        let painter = Painter {
            context: self.context,
            draw: draw && self.draw,
        };
        let pad = 20.0;
        let inner = width - 2.0 * pad;
        let figure = FigureText::of(metric);
        let mut h = pad;
        h += painter.figure(&figure, x + pad, y + h, 56.0, inner);
        h += 8.0;
        h += painter.text_lines(&metric.label, x + pad, y + h, 24.0, false, TEXT, inner, 3);
        if let Some(share) = rate(metric) {
            h += 12.0;
            painter.rect(x + pad, y + h, inner, 12.0, TRACK);
            painter.rect(x + pad, y + h, inner * share, 12.0, ACCENT);
            h += 12.0;
        }
        h + pad
    }

    /// A figure in the list: number and unit, then its label beside or under it.
    fn figure_row(&self, metric: &Metric, x: f64, y: f64, width: f64) -> f64 {
        let figure = FigureText::of(metric);
        let number_width = 220.0;
        let h = self.figure(&figure, x, y, 34.0, number_width);
        let label = self.text_lines(
            &metric.label,
            x + number_width + 16.0,
            y + 6.0,
            24.0,
            false,
            TEXT,
            width - number_width - 16.0,
            3,
        );
        let mut height = h.max(label + 6.0);
        if let Some(share) = rate(metric) {
            self.rect(x, y + height + 4.0, number_width - 16.0, 8.0, TRACK);
            self.rect(
                x,
                y + height + 4.0,
                (number_width - 16.0) * share,
                8.0,
                ACCENT,
            );
            height += 12.0;
        }
        height
    }

    /// The number in bold accent with its qualifier and unit smaller; wraps if too wide.
    fn figure(&self, figure: &FigureText, x: f64, y: f64, size: f64, width: f64) -> f64 {
        let small = (size * 0.5).max(20.0);
        let prefix_width = self.width_of(&figure.prefix, small, false);
        let number_width = self.width_of(&figure.number, size, true);
        let rest_width = self.width_of(&figure.rest, small, false);
        if prefix_width + number_width + rest_width + 8.0 > width {
            // Too long for one line (a long number with its unit): the whole phrase wraps.
            return self.text_lines(&figure.phrase(), x, y, small * 1.4, true, ACCENT, width, 3);
        }
        let baseline = y + size;
        let mut cx = x;
        self.text(&figure.prefix, cx, baseline, small, false, ACCENT);
        cx += prefix_width + if prefix_width > 0.0 { 4.0 } else { 0.0 };
        self.text(&figure.number, cx, baseline, size, true, ACCENT);
        cx += number_width + 4.0;
        self.text(&figure.rest, cx, baseline, small, false, ACCENT);
        size * 1.25
    }

    fn qr(&self, qr: &QrMatrix, x: f64, y: f64) {
        self.rect(x, y, QR_SIDE, QR_SIDE, "#ffffff");
        if !self.draw {
            return;
        }
        let module = (QR_SIDE / qr.size() as f64).floor();
        let offset = (QR_SIDE - module * qr.size() as f64) / 2.0 + module * QUIET_ZONE as f64;
        self.context.set_fill_style_str("#000000");
        for my in 0..qr.width {
            for mx in 0..qr.width {
                if qr.is_dark(mx, my) {
                    self.context.fill_rect(
                        x + offset + mx as f64 * module,
                        y + offset + my as f64 * module,
                        module,
                        module,
                    );
                }
            }
        }
    }

    fn rect(&self, x: f64, y: f64, width: f64, height: f64, colour: &str) {
        if self.draw {
            self.context.set_fill_style_str(colour);
            self.context.fill_rect(x, y, width, height);
        }
    }

    fn set_font(&self, size: f64, bold: bool) {
        let weight = if bold { "bold " } else { "" };
        self.context
            .set_font(&format!("{weight}{}px {FONT}", size.round() as u32));
    }

    fn width_of(&self, text: &str, size: f64, bold: bool) -> f64 {
        if text.is_empty() {
            return 0.0;
        }
        self.set_font(size, bold);
        self.context.measure_text(text).map_or(0.0, |m| m.width())
    }

    fn text(&self, text: &str, x: f64, baseline: f64, size: f64, bold: bool, colour: &str) {
        if self.draw && !text.is_empty() {
            self.set_font(size, bold);
            self.context.set_fill_style_str(colour);
            let _ = self.context.fill_text(text, x, baseline);
        }
    }

    fn measure_lines(&self, text: &str, size: f64, bold: bool, width: f64, max: usize) -> f64 {
        self.lines(text, size, bold, width, max).len() as f64 * size * 1.45
    }

    /// Draws `text` wrapped to `width` (at most `max` lines, the last ending in … when cut);
    /// returns the height taken.
    #[allow(clippy::too_many_arguments)]
    fn text_lines(
        &self,
        text: &str,
        x: f64,
        y: f64,
        size: f64,
        bold: bool,
        colour: &str,
        width: f64,
        max: usize,
    ) -> f64 {
        let lines = self.lines(text, size, bold, width, max);
        let line_height = size * 1.45;
        for (i, line) in lines.iter().enumerate() {
            self.text(
                line,
                x,
                y + i as f64 * line_height + size,
                size,
                bold,
                colour,
            );
        }
        lines.len() as f64 * line_height
    }

    /// Breaks `text` into lines no wider than `width`: between any two characters, as Chinese
    /// text breaks, but never inside a run of digits or Latin letters.
    fn lines(&self, text: &str, size: f64, bold: bool, width: f64, max: usize) -> Vec<String> {
        self.set_font(size, bold);
        let fits = |s: &str| {
            self.context
                .measure_text(s)
                .map_or(true, |m| m.width() <= width)
        };
        let mut words: Vec<String> = Vec::new();
        for c in text.chars() {
            let joins = c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '%');
            match words.last_mut() {
                Some(w) if joins && w.chars().last().is_some_and(|p| p.is_ascii_alphanumeric()) => {
                    w.push(c)
                }
                _ => words.push(c.to_string()),
            }
        }
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in words {
            let candidate = format!("{line}{word}");
            if line.is_empty() || fits(&candidate) {
                line = candidate;
            } else {
                lines.push(std::mem::replace(&mut line, word));
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        if lines.len() > max {
            lines.truncate(max);
            if let Some(last) = lines.last_mut() {
                while !last.is_empty() && !fits(&format!("{last}…")) {
                    last.pop();
                }
                last.push('…');
            }
        }
        lines
    }
}

/// `来源 · 发布日期`, as the page's metadata gives them.
fn byline(report: &Report) -> String {
    let date = report
        .published
        .as_deref()
        .map(|p| p.split(' ').next().unwrap_or(p));
    [report.source.as_deref(), date]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A rate's share of the whole (0–1), for its bar.
fn rate(metric: &Metric) -> Option<f64> {
    (matches!(metric.unit.as_str(), "%" | "％") && (0.0..=100.0).contains(&metric.value))
        .then_some(metric.value / 100.0)
}

/// The figures after the lead, a few per section (first sections first), each section under
/// its heading; figures whose label had to be guessed are left to the full 数说 view.
fn groups<'a>(report: &'a Report, lead: &[&Metric]) -> Vec<(String, Vec<&'a Metric>)> {
    // By top-level section: a picture has room for the outline's first rank only.
    let mut groups: Vec<(Option<SectionId>, Vec<&Metric>)> = Vec::new();
    for metric in &report.metrics {
        if metric.label_inferred || lead.iter().any(|l| std::ptr::eq(*l, metric)) {
            continue;
        }
        let top = metric.section.as_ref().and_then(|s| s.lineage().next());
        match groups.last_mut() {
            Some((section, metrics)) if *section == top => {
                if metrics.len() < PER_SECTION {
                    metrics.push(metric);
                }
            }
            _ => groups.push((top, vec![metric])),
        }
    }
    groups
        .into_iter()
        .take(SECTIONS)
        .map(|(section, metrics)| {
            let heading = section.and_then(|id| report.section(&id)).map_or_else(
                || "前言".to_string(),
                |s| format!("{}{}", s.number, s.display_title()),
            );
            (heading, metrics)
        })
        .collect()
}
