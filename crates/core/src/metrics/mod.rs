//! Metrics: the figures a report states about its work (收缴罚款1230.01万元, 按时办结率100%),
//! with value, unit, qualifier, label and where they stand. See the README for the rules.

pub mod display;
mod figure;
mod label;
pub mod lead;
pub mod table;

use crate::{
    id::{BlockId, SectionId},
    report::{Metric, Report},
};

pub use label::MAX_LABEL_CHARS;

/// Every figure of the report, in document order: those in the preamble, then section by
/// section those in its heading's title and in its paragraphs.
pub fn extract(report: &Report) -> Vec<Metric> {
    let mut metrics = Vec::new();
    let texts: Vec<&str> = report.preamble.iter().map(|p| p.text.as_str()).collect();
    for (k, paragraph) in report.preamble.iter().enumerate() {
        if let Some(t) = &paragraph.table {
            table::table_metrics(None, &paragraph.id, t, &report.title, &mut metrics);
            continue;
        }
        let fallback = Fallback::new(&texts, k, &report.title);
        block_metrics(
            None,
            &paragraph.id,
            &paragraph.text,
            0,
            &fallback,
            &mut metrics,
        );
    }
    for section in report.all_sections() {
        // Figures are read in the title alone (a heading's number is never a figure) and
        // placed in the heading's text, which starts with the number.
        let title_fallback = Fallback::new(&[], 0, &section.title);
        block_metrics(
            Some(&section.id),
            &section.id.heading(),
            &section.title,
            section.number_chars(),
            &title_fallback,
            &mut metrics,
        );
        let texts: Vec<&str> = section.paragraphs.iter().map(|p| p.text.as_str()).collect();
        for (k, paragraph) in section.paragraphs.iter().enumerate() {
            if let Some(t) = &paragraph.table {
                let id = &section.id;
                table::table_metrics(Some(id), &paragraph.id, t, &section.title, &mut metrics);
                continue;
            }
            let fallback = Fallback::new(&texts, k, &section.title);
            block_metrics(
                Some(&section.id),
                &paragraph.id,
                &paragraph.text,
                0,
                &fallback,
                &mut metrics,
            );
        }
    }
    metrics
}

/// Where a figure's label comes from when its clause names nothing (a card that says only
/// `458 人次`): a short neighbouring line without figures (the card's caption), else the
/// title of the section (or of the report, in the preamble).
struct Fallback<'a> {
    caption: Option<&'a str>,
    title: &'a str,
}

impl<'a> Fallback<'a> {
    fn new(texts: &[&'a str], k: usize, title: &'a str) -> Self {
        let is_caption = |t: &&&'a str| {
            let t = t.trim_end_matches(['：', ':']);
            !t.is_empty()
                && t.chars().count() <= MAX_LABEL_CHARS
                && !t.contains(['。', '，', '；'])
                && figure::figures(t).is_empty()
        };
        let caption = texts
            .get(k + 1)
            .filter(is_caption)
            .or_else(|| {
                k.checked_sub(1)
                    .and_then(|p| texts.get(p))
                    .filter(is_caption)
            })
            .map(|t| t.trim_end_matches(['：', ':']));
        Fallback { caption, title }
    }
}

/// Figures of `text`, which stands at `offset` characters into block `block`'s text.
fn block_metrics(
    section: Option<&SectionId>,
    block: &BlockId,
    text: &str,
    offset: usize,
    fallback: &Fallback<'_>,
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
        let mut label = label::label(
            &chars,
            f.lead,
            f.end,
            previous_end,
            next_start,
            f.unit == "%",
        );
        let mut label_inferred = false;
        if label.chars().count() < 2 {
            label_inferred = true;
            label = label::clause(&chars, f.lead, f.end, previous_end, next_start)
                .or_else(|| fallback.caption.map(str::to_string))
                .unwrap_or_else(|| label::shorten_text(fallback.title));
        }
        out.push(Metric {
            id: block.metric(u32::try_from(k).unwrap_or(u32::MAX)),
            section: section.cloned(),
            paragraph: block.clone(),
            span: [offset + f.start, offset + f.end],
            raw: chars[f.start..f.end].iter().collect(),
            value: f.value,
            unit: f.unit.clone(),
            qualifier: f.qualifier.map(str::to_string),
            label,
            label_inferred,
        });
    }
}
