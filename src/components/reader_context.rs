use std::{collections::HashMap, rc::Rc};

use super::Shared;
use crate::{
    report::Report,
    runs::{Mark, MarkKind},
};

/// What every part of the text needs and never changes while reading: the report and its
/// figures' marks by block. Provided once by the app as a Yew context, so it never makes the
/// text render again.
#[derive(Clone)]
pub struct ReaderContext {
    pub report: Shared<Report>,
    figures: Rc<HashMap<String, Vec<Mark>>>,
}

impl PartialEq for ReaderContext {
    fn eq(&self, other: &Self) -> bool {
        self.report == other.report && Rc::ptr_eq(&self.figures, &other.figures)
    }
}

impl ReaderContext {
    pub fn new(report: Shared<Report>) -> Self {
        let mut figures: HashMap<String, Vec<Mark>> = HashMap::new();
        for m in &report.metrics {
            figures.entry(m.paragraph.clone()).or_default().push(Mark {
                start: m.span[0],
                end: m.span[1],
                kind: MarkKind::Figure(m.id.clone()),
            });
        }
        Self {
            report,
            figures: Rc::new(figures),
        }
    }

    pub fn figure_marks(&self, block: &str) -> Vec<Mark> {
        self.figures.get(block).cloned().unwrap_or_default()
    }
}

/// What is highlighted in a part of the text: search hits by block, the hit being visited and
/// the figure the address points at. Each section gets only its own part, so a keystroke in
/// the search box renders again just the sections whose hits changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Highlights {
    /// Search hits by block id (`p0`, `2.3.3.p0`, `2.1.t`), numbered over all hits.
    pub hits: Vec<(String, Vec<Mark>)>,
    pub current_hit: Option<usize>,
    pub current_figure: Option<String>,
}

impl Highlights {
    /// The part for the blocks whose ids start with `prefix` (`2.3.` for section 2.3 and its
    /// subsections, `title` for the report title).
    pub fn within(&self, prefix: &str) -> Highlights {
        let hits: Vec<(String, Vec<Mark>)> = self
            .hits
            .iter()
            .filter(|(block, _)| block.starts_with(prefix))
            .cloned()
            .collect();
        let current_hit = self.current_hit.filter(|n| {
            hits.iter()
                .flat_map(|(_, marks)| marks)
                .any(|m| m.kind == MarkKind::Hit(*n))
        });
        let current_figure = self
            .current_figure
            .clone()
            .filter(|id| id.starts_with(prefix));
        Highlights {
            hits,
            current_hit,
            current_figure,
        }
    }

    /// The search hits of `block` that fall in `from..to`, moved to start at `from`: a
    /// section's title block is searched as number and title together (so `（一）` is found)
    /// but drawn as two pieces.
    pub fn hit_marks(&self, block: &str, from: usize, to: usize) -> Vec<Mark> {
        self.hits
            .iter()
            .filter(|(id, _)| id == block)
            .flat_map(|(_, marks)| marks.iter())
            .filter(|m| m.start < to && m.end > from)
            .map(|m| Mark {
                start: m.start.max(from) - from,
                end: m.end.min(to) - from,
                kind: m.kind.clone(),
            })
            .collect()
    }
}
