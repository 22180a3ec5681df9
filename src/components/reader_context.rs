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
        let figures = self
            .report
            .metrics
            .iter()
            .filter(|m| m.paragraph == block)
            .map(|m| Mark {
                start: m.span[0],
                end: m.span[1],
                kind: MarkKind::Figure(m.id.clone()),
            });
        let hits = self
            .hits
            .iter()
            .filter(|(id, _)| id == block)
            .flat_map(|(_, marks)| marks.iter().cloned());
        figures.chain(hits).collect()
    }
}
