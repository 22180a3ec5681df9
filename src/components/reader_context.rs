use std::{collections::HashMap, rc::Rc};

use crate::hooks::InView;
use crate::shared::Shared;
use crate::{
    id::{BlockId, MetricId, SectionId},
    report::Report,
    runs::{Mark, MarkKind},
    search::{HitPlace, SearchResults, SectionHits},
};

/// What every part of the text needs and never changes while reading: the report and its
/// figures' marks by block. Provided once by the app as a Yew context, so it never makes the
/// text render again.
#[derive(Clone)]
pub struct ReaderContext {
    pub report: Shared<Report>,
    figures: Rc<HashMap<BlockId, Vec<Mark>>>,
    /// Whether the text is long enough that the browser draws only its top-level sections
    /// near the screen ([`LONG_TEXT_BYTES`]).
    pub long_text: bool,
}

/// From this length of text (UTF-8, about 150,000 Chinese characters: ten times a long
/// report) the page lets the browser skip drawing top-level sections away from the screen
/// (CSS `content-visibility: auto`). Otherwise a change above the text, such as search
/// results appearing, lays out and repaints every line of it: 70 ms a frame for a 1 MB text.
/// Below it nothing is skipped. A skipped section is still found in page and printed, but
/// Chromium leaves it out of `innerText` (which a portal's reading tools use) and out of the
/// accessibility tree until it nears the screen: a screen reader reaches it through the
/// outline, which is never skipped.
pub const LONG_TEXT_BYTES: usize = 450_000;

/// How tall a skipped section is taken to be before it was ever drawn: a class from the
/// length of its text, in steps of two (`gk-est-0` to `gk-est-7`, heights in the CSS).
pub fn size_estimate(text_bytes: usize) -> u8 {
    let steps = (text_bytes / 4_500).max(1).ilog2();
    steps.min(7) as u8
}

/// The length of a section's text and its subsections', in bytes.
pub fn section_bytes(section: &crate::report::Section) -> usize {
    section.number.len()
        + section.title.len()
        + section
            .paragraphs
            .iter()
            .map(|p| p.text.len())
            .sum::<usize>()
        + section.children.iter().map(section_bytes).sum::<usize>()
}

impl PartialEq for ReaderContext {
    fn eq(&self, other: &Self) -> bool {
        self.report == other.report && Rc::ptr_eq(&self.figures, &other.figures)
    }
}

impl ReaderContext {
    pub fn new(report: Shared<Report>) -> Self {
        let mut figures: HashMap<BlockId, Vec<Mark>> = HashMap::new();
        for m in &report.metrics {
            figures.entry(m.paragraph.clone()).or_default().push(Mark {
                start: m.span[0],
                end: m.span[1],
                kind: MarkKind::Figure(m.id.clone()),
            });
        }
        let long_text = report.preamble.iter().map(|p| p.text.len()).sum::<usize>()
            + report.sections.iter().map(section_bytes).sum::<usize>()
            >= LONG_TEXT_BYTES;
        Self {
            report,
            figures: Rc::new(figures),
            long_text,
        }
    }

    /// Everything marked in a block: its figures and its search hits.
    pub fn marks(&self, highlights: &Highlights, block: &BlockId) -> Vec<Mark> {
        let mut marks = self.figures.get(block).cloned().unwrap_or_default();
        marks.extend(highlights.hit_marks(block));
        marks
    }
}

/// What is highlighted in a part of the text: the search results for that part, the hit being
/// visited and the figure the address points at. Each section gets only its own part (props
/// compare just that part), and hits are numbered within their block, so a keystroke renders
/// again only the sections whose hits changed.
#[derive(Clone, Debug, Default)]
pub struct Highlights {
    results: Rc<SearchResults>,
    /// This part's range of `results.groups`.
    groups: (usize, usize),
    /// The hit being visited, when it lies in this part.
    pub current_hit: Option<HitPlace>,
    /// The figure the address points at, when it lies in this part.
    pub current_figure: Option<MetricId>,
}

impl PartialEq for Highlights {
    fn eq(&self, other: &Self) -> bool {
        self.current_hit == other.current_hit
            && self.current_figure == other.current_figure
            && self.part() == other.part()
    }
}

impl Highlights {
    /// The whole report's highlights, with hits drawn only in the sections `in_view`, the
    /// report's front (title and preamble) and the block of the hit being visited.
    pub fn new(
        results: Rc<SearchResults>,
        current_hit: Option<HitPlace>,
        current_figure: Option<MetricId>,
        in_view: &InView,
    ) -> Self {
        let drawn = |group: &SectionHits| {
            group.section.as_ref().is_none_or(|s| in_view.has(s))
                || current_hit
                    .as_ref()
                    .is_some_and(|hit| group.blocks.iter().any(|b| b.block == hit.block))
        };
        let results = if results.groups.iter().all(drawn) {
            results
        } else {
            Rc::new(SearchResults {
                groups: results
                    .groups
                    .iter()
                    .filter(|g| drawn(g))
                    .cloned()
                    .collect(),
                total: results.total,
                suggestions: Vec::new(),
            })
        };
        let groups = (0, results.groups.len());
        Highlights {
            results,
            groups,
            current_hit,
            current_figure,
        }
    }

    fn part(&self) -> &[SectionHits] {
        &self.results.groups[self.groups.0..self.groups.1]
    }

    /// The part whose groups satisfy `inside`: they stand together, in document order.
    fn narrowed(&self, inside: impl Fn(Option<&SectionId>) -> bool) -> Highlights {
        let part = self.part();
        let start = part
            .iter()
            .position(|g| inside(g.section.as_ref()))
            .unwrap_or(part.len());
        let len = part[start..]
            .iter()
            .take_while(|g| inside(g.section.as_ref()))
            .count();
        let in_part = |block: &BlockId| match block {
            BlockId::Title | BlockId::Preamble(_) => inside(None),
            BlockId::Heading(s) | BlockId::Paragraph(s, _) => inside(Some(s)),
        };
        Highlights {
            results: self.results.clone(),
            groups: (self.groups.0 + start, self.groups.0 + start + len),
            current_hit: self.current_hit.clone().filter(|h| in_part(&h.block)),
            current_figure: self.current_figure.clone().filter(|m| in_part(&m.block)),
        }
    }

    /// The part for a section and its subsections.
    pub fn section(&self, id: &SectionId) -> Highlights {
        self.narrowed(|section| section.is_some_and(|s| s.is_within(id)))
    }

    /// The part for the report title and the preamble.
    pub fn front(&self) -> Highlights {
        self.narrowed(|section| section.is_none())
    }

    /// The search hits of `block`, each numbered within the block.
    pub fn hit_marks(&self, block: &BlockId) -> Vec<Mark> {
        self.part()
            .iter()
            .flat_map(|group| &group.blocks)
            .filter(|hits| &hits.block == block)
            .flat_map(|hits| hits.ranges.iter().enumerate())
            .map(|(n, &[start, end])| Mark {
                start,
                end,
                kind: MarkKind::Hit(n),
            })
            .collect()
    }

    /// The number, within `block`, of the hit being visited, if it is in `block`.
    pub fn current_hit_in(&self, block: &BlockId) -> Option<usize> {
        self.current_hit
            .as_ref()
            .filter(|h| &h.block == block)
            .map(|h| h.index)
    }
}

/// Marks of a heading's text split where its number ends: those of the number, and those of
/// the title moved to start at the title. A mark across the boundary is cut in two.
pub fn split_marks(marks: &[Mark], at: usize) -> (Vec<Mark>, Vec<Mark>) {
    let part = |from: usize, to: usize| {
        marks
            .iter()
            .filter(|m| m.start < to && m.end > from)
            .map(|m| Mark {
                start: m.start.max(from) - from,
                end: m.end.min(to) - from,
                kind: m.kind.clone(),
            })
            .collect()
    };
    (part(0, at), part(at, usize::MAX))
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::search::BlockHits;

    fn block(id: &str, ranges: usize) -> BlockHits {
        BlockHits {
            block: id.parse().unwrap(),
            ranges: (0..ranges).map(|n| [n, n + 1]).collect(),
        }
    }

    fn group(section: Option<&str>, blocks: Vec<BlockHits>) -> SectionHits {
        SectionHits {
            section: section.map(|s| s.parse().unwrap()),
            blocks,
        }
    }

    fn id(s: &str) -> SectionId {
        s.parse().unwrap()
    }

    fn results(groups: Vec<SectionHits>) -> Rc<SearchResults> {
        let total = groups
            .iter()
            .flat_map(|g| &g.blocks)
            .map(|b| b.ranges.len())
            .sum();
        Rc::new(SearchResults {
            groups,
            total,
            suggestions: Vec::new(),
        })
    }

    #[test]
    fn each_section_gets_only_its_own_hits() {
        let found = results(vec![
            group(None, vec![block("title", 1)]),
            group(Some("1"), vec![block("1.t", 1)]),
            group(Some("1.1"), vec![block("1.1.p0", 2)]),
            group(Some("1.10"), vec![block("1.10.p0", 1)]),
            group(Some("2"), vec![block("2.p0", 1)]),
        ]);
        let current = found.place(3);
        assert_eq!(current.as_ref().unwrap().block, "1.1.p0".parse().unwrap());
        let all = Highlights::new(
            found,
            current,
            Some("1.1.p0.m0".parse().unwrap()),
            &InView::Everything,
        );
        let one = all.section(&id("1"));
        assert_eq!(one.part().len(), 3);
        assert_eq!(one.current_hit_in(&"1.1.p0".parse().unwrap()), Some(1));
        let one_one = one.section(&id("1.1"));
        assert_eq!(one_one.hit_marks(&"1.1.p0".parse().unwrap()).len(), 2);
        assert!(one_one.current_figure.is_some());
        // 1.10 is not inside 1.1.
        assert_eq!(one.section(&id("1.10")).current_figure, None);
        assert_eq!(one.section(&id("1.10")).part().len(), 1);
        assert_eq!(all.section(&id("2")).current_hit, None);
        assert_eq!(all.section(&id("3")).part().len(), 0);
        assert_eq!(all.front().part().len(), 1);
    }

    #[test]
    fn a_new_hit_early_on_leaves_later_sections_equal() {
        let before = results(vec![group(Some("2"), vec![block("2.p0", 2)])]);
        let after = results(vec![
            group(Some("1"), vec![block("1.p0", 1)]),
            group(Some("2"), vec![block("2.p0", 2)]),
        ]);
        let before = Highlights::new(before, None, None, &InView::Everything);
        let after = Highlights::new(after, None, None, &InView::Everything);
        assert_eq!(before.section(&id("2")), after.section(&id("2")));
        assert_ne!(before.section(&id("1")), after.section(&id("1")));
        // Marks are numbered within their block, not across the report.
        let marks = after.hit_marks(&"2.p0".parse().unwrap());
        assert_eq!(marks[0].kind, MarkKind::Hit(0));
    }

    #[test]
    fn hits_are_drawn_in_sections_in_view_the_front_and_the_visited_block() {
        let found = results(vec![
            group(None, vec![block("title", 1)]),
            group(Some("1"), vec![block("1.t", 1)]),
            group(Some("1.1"), vec![block("1.1.p0", 2)]),
            group(Some("2"), vec![block("2.p0", 1), block("2.p1", 1)]),
            group(Some("3"), vec![block("3.p0", 1)]),
        ]);
        let in_view = InView::Sections(HashSet::from([id("1.1")]));
        let visited = Some(HitPlace {
            block: "2.p1".parse().unwrap(),
            index: 0,
        });
        let drawn = Highlights::new(found.clone(), visited, None, &in_view);
        let marked = |h: &Highlights, b: &str| h.hit_marks(&b.parse().unwrap()).len();
        assert_eq!(
            marked(&drawn.front(), "title"),
            1,
            "the front is always drawn"
        );
        assert_eq!(
            marked(&drawn.section(&id("1")), "1.t"),
            0,
            "1's own heading is not in view"
        );
        assert_eq!(marked(&drawn.section(&id("1")), "1.1.p0"), 2);
        // The visited hit's section is drawn, its other blocks too.
        assert_eq!(marked(&drawn.section(&id("2")), "2.p0"), 1);
        assert_eq!(marked(&drawn.section(&id("3")), "3.p0"), 0);
        // A section out of view compares equal whatever its hits: it is not drawn again.
        let other = results(vec![group(Some("3"), vec![block("3.p0", 4)])]);
        let none = Highlights::new(other, None, None, &in_view);
        assert_eq!(drawn.section(&id("3")), none.section(&id("3")));
        // Nothing in view: the count still holds every hit.
        let empty = Highlights::new(found, None, None, &InView::Sections(HashSet::new()));
        assert_eq!(empty.results.total, 7);
        assert_eq!(empty.part().len(), 1);
    }

    #[test]
    fn size_estimates_double_with_the_text() {
        assert_eq!(size_estimate(0), 0);
        assert_eq!(size_estimate(8_999), 0);
        assert_eq!(size_estimate(9_000), 1);
        assert_eq!(size_estimate(36_000), 3);
        assert_eq!(size_estimate(100_000_000), 7);
    }

    #[test]
    fn heading_marks_split_at_the_number() {
        let marks = vec![Mark {
            start: 1,
            end: 5,
            kind: MarkKind::Hit(0),
        }];
        let (number, title) = split_marks(&marks, 3);
        assert_eq!((number[0].start, number[0].end), (1, 3));
        assert_eq!((title[0].start, title[0].end), (0, 2));
    }
}
