//! Metrics: the figures a report states about its work (收缴罚款1230.01万元, 按时办结率100%),
//! with value, unit, qualifier, label and where they stand. See the README for the rules.

pub mod display;
mod figure;
mod label;

use crate::report::{Metric, Report};

pub use label::MAX_LABEL_CHARS;

/// Every figure of the report, in document order: those in the preamble, then section by
/// section those in its title (block id `<section id>.t`) and in its paragraphs.
pub fn extract(report: &Report) -> Vec<Metric> {
    let mut metrics = Vec::new();
    for paragraph in &report.preamble {
        block_metrics(None, &paragraph.id, &paragraph.text, &mut metrics);
    }
    for section in report.all_sections() {
        let title_id = title_block_id(&section.id);
        block_metrics(Some(&section.id), &title_id, &section.title, &mut metrics);
        for paragraph in &section.paragraphs {
            block_metrics(
                Some(&section.id),
                &paragraph.id,
                &paragraph.text,
                &mut metrics,
            );
        }
    }
    metrics
}

/// The block id a metric in a section's title refers to.
pub fn title_block_id(section_id: &str) -> String {
    format!("{section_id}.t")
}

fn block_metrics(section: Option<&str>, block: &str, text: &str, out: &mut Vec<Metric>) {
    let figures = figure::figures(text);
    if figures.is_empty() {
        return;
    }
    let chars: Vec<char> = text.chars().collect();
    for (k, f) in figures.iter().enumerate() {
        let previous_end = k.checked_sub(1).map_or(0, |p| figures[p].end);
        let next_start = figures.get(k + 1).map_or(chars.len(), |n| n.lead);
        out.push(Metric {
            id: format!("{block}.m{k}"),
            section: section.map(str::to_string),
            paragraph: block.to_string(),
            span: [f.start, f.end],
            raw: chars[f.start..f.end].iter().collect(),
            value: f.value,
            unit: f.unit.clone(),
            qualifier: f.qualifier.map(str::to_string),
            label: label::label(
                &chars,
                f.lead,
                f.end,
                previous_end,
                next_start,
                f.unit == "%",
            ),
        });
    }
}
