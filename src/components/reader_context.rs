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

    /// Everything marked in a paragraph: its figures and its search hits.
    pub fn marks(&self, highlights: &Highlights, block: &str) -> Vec<Mark> {
        let mut marks = self.figure_marks(block);
        marks.extend(highlights.hit_marks(block, 0, usize::MAX));
        marks
    }
}

/// What is highlighted in a part of the text: search hits by block, the hit being visited and
/// the figure the address points at. Each section gets only its own part (props compare just
/// that part), so a keystroke in the search box renders again only the sections whose hits
/// changed.
#[derive(Clone, Debug, Default)]
pub struct Highlights {
    /// Search hits by block id (`p0`, `2.3.3.p0`, `2.1.t`) in document order, numbered over all
    /// hits; shared by every part.
    hits: Rc<Vec<(String, Vec<Mark>)>>,
    /// For each section id, the range of `hits` in it and its subsections: blocks of a subtree
    /// stand together in document order.
    sections: Rc<HashMap<String, (usize, usize)>>,
    /// This part's range of `hits`.
    range: (usize, usize),
    pub current_hit: Option<usize>,
    pub current_figure: Option<String>,
}

impl PartialEq for Highlights {
    fn eq(&self, other: &Self) -> bool {
        self.current_hit == other.current_hit
            && self.current_figure == other.current_figure
            && self.part() == other.part()
    }
}

impl Highlights {
    /// Search hits by block, in document order; nothing current yet (see [`Self::with_current`]).
    pub fn new(hits: Vec<(String, Vec<Mark>)>) -> Self {
        let mut sections: HashMap<String, (usize, usize)> = HashMap::new();
        for (i, (block, _)) in hits.iter().enumerate() {
            // `2.3.p0` and `2.3.t` stand in section 2.3, and so in section 2.
            let Some((section, _)) = block.rsplit_once('.') else {
                continue;
            };
            let mut end = 0;
            for part in section.split('.') {
                end += part.len();
                sections
                    .entry(section[..end].to_string())
                    .and_modify(|range| range.1 = i + 1)
                    .or_insert((i, i + 1));
                end += 1;
            }
        }
        let range = (0, hits.len());
        Self {
            hits: Rc::new(hits),
            sections: Rc::new(sections),
            range,
            current_hit: None,
            current_figure: None,
        }
    }

    /// The same hits with the hit being visited and the figure the address points at.
    pub fn with_current(&self, current_hit: Option<usize>, current_figure: Option<String>) -> Self {
        Highlights {
            current_hit,
            current_figure,
            ..self.clone()
        }
    }

    fn part(&self) -> &[(String, Vec<Mark>)] {
        &self.hits[self.range.0..self.range.1]
    }

    fn narrowed(&self, range: (usize, usize), figure_prefix: &str) -> Highlights {
        let mut part = Highlights {
            range,
            current_figure: self
                .current_figure
                .clone()
                .filter(|id| id.starts_with(figure_prefix)),
            ..self.clone()
        };
        part.current_hit = self.current_hit.filter(|n| {
            part.part()
                .iter()
                .flat_map(|(_, marks)| marks)
                .any(|m| m.kind == MarkKind::Hit(*n))
        });
        part
    }

    /// The part for a section and its subsections.
    pub fn section(&self, id: &str) -> Highlights {
        let range = self.sections.get(id).copied().unwrap_or((0, 0));
        self.narrowed(range, &format!("{id}."))
    }

    /// The part for the report title.
    pub fn title(&self) -> Highlights {
        let range = match self.hits.first() {
            Some((block, _)) if block == "title" => (0, 1),
            _ => (0, 0),
        };
        self.narrowed(range, "title")
    }

    /// The search hits of `block` that fall in `from..to`, moved to start at `from`: a
    /// section's title block is searched as number and title together (so `（一）` is found)
    /// but drawn as two pieces.
    pub fn hit_marks(&self, block: &str, from: usize, to: usize) -> Vec<Mark> {
        self.part()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(n: usize) -> Vec<Mark> {
        vec![Mark {
            start: 0,
            end: 1,
            kind: MarkKind::Hit(n),
        }]
    }

    #[test]
    fn each_section_gets_only_its_own_hits() {
        let hits = vec![
            ("title".to_string(), hit(0)),
            ("1.t".to_string(), hit(1)),
            ("1.1.p0".to_string(), hit(2)),
            ("1.10.p0".to_string(), hit(3)),
            ("2.p0".to_string(), hit(4)),
        ];
        let all = Highlights::new(hits).with_current(Some(2), Some("1.1.p0.m0".into()));
        let one = all.section("1");
        assert_eq!(one.part().len(), 3);
        assert_eq!(one.current_hit, Some(2));
        let one_one = one.section("1.1");
        assert_eq!(one_one.hit_marks("1.1.p0", 0, usize::MAX).len(), 1);
        assert_eq!(one_one.current_figure.as_deref(), Some("1.1.p0.m0"));
        // 1.10 is not inside 1.1.
        assert_eq!(one.section("1.10").current_figure, None);
        assert_eq!(all.section("2").current_hit, None);
        assert_eq!(all.section("3").part().len(), 0);
        assert_eq!(all.title().part().len(), 1);
        // Sections whose hits did not change compare equal, so they are not rendered again.
        let other = Highlights::new(vec![("2.p0".to_string(), hit(0))]);
        assert_eq!(all.section("3"), other.section("3"));
        assert_ne!(all.section("2"), other.section("2"));
    }
}
