use std::rc::Rc;

use super::Shared;
use crate::{
    report::Report,
    runs::{Mark, MarkKind},
};

/// What every part of the text needs to know to render: the report, the figure the address
/// points at, and the search hits. Provided once by the app as a Yew context.
#[derive(Clone, PartialEq)]
pub struct ReaderContext {
    pub report: Shared<Report>,
    pub current_figure: Option<String>,
    /// Search hits by block id (`p0`, `2.3.3.p0`, `2.1.t`), each with its number among all hits.
    pub hits: Rc<Vec<(String, Vec<Mark>)>>,
    pub current_hit: Option<usize>,
}

impl ReaderContext {
    pub fn new(report: Shared<Report>) -> Self {
        Self {
            report,
            current_figure: None,
            hits: Rc::default(),
            current_hit: None,
        }
    }

    /// The marks of one block: its figures and any search hits.
    pub fn marks(&self, block: &str) -> Vec<Mark> {
        let mut marks = self.figure_marks(block);
        marks.extend(self.hit_marks(block, 0, usize::MAX));
        marks
    }

    pub fn figure_marks(&self, block: &str) -> Vec<Mark> {
        self.report
            .metrics
            .iter()
            .filter(|m| m.paragraph == block)
            .map(|m| Mark {
                start: m.span[0],
                end: m.span[1],
                kind: MarkKind::Figure(m.id.clone()),
            })
            .collect()
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
