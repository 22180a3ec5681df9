//! Metrics: the figures a report states about its work (收缴罚款1230.01万元, 按时办结率100%),
//! with value, unit, qualifier, label and where they stand. See the README for the rules.

pub mod display;
mod figure;
mod label;

use crate::{
    id::{BlockId, SectionId},
    report::{Metric, Report},
};

pub use label::MAX_LABEL_CHARS;

/// Every figure of the report, in document order: those in the preamble, then section by
/// section those in its heading's title and in its paragraphs.
pub fn extract(report: &Report) -> Vec<Metric> {
    let mut metrics = Vec::new();
    for paragraph in &report.preamble {
        block_metrics(None, &paragraph.id, &paragraph.text, 0, &mut metrics);
    }
    for section in report.all_sections() {
        // Figures are read in the title alone (a heading's number is never a figure) and
        // placed in the heading's text, which starts with the number.
        let heading = section.id.heading();
        let offset = section.number_chars();
        block_metrics(
            Some(&section.id),
            &heading,
            &section.title,
            offset,
            &mut metrics,
        );
        for paragraph in &section.paragraphs {
            block_metrics(
                Some(&section.id),
                &paragraph.id,
                &paragraph.text,
                0,
                &mut metrics,
            );
        }
    }
    metrics
}

/// Figures of `text`, which stands at `offset` characters into block `block`'s text.
fn block_metrics(
    section: Option<&SectionId>,
    block: &BlockId,
    text: &str,
    offset: usize,
    out: &mut Vec<Metric>,
) {
    let figures = figure::figures(text);
    if figures.is_empty() {
        return;
    }
    let chars: Vec<char> = text.chars().collect();
    for (k, f) in figures.iter().enumerate() {
        let previous_end = k.checked_sub(1).map_or(0, |p| figures[p].end);
        let next_start = figures.get(k + 1).map_or(chars.len(), |n| n.lead);
        out.push(Metric {
            id: block.metric(u32::try_from(k).unwrap_or(u32::MAX)),
            section: section.cloned(),
            paragraph: block.clone(),
            span: [offset + f.start, offset + f.end],
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
