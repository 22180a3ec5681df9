//! Search across every report of a site (the shelf's 全库检索), by the same rules as the search
//! in one report (see the [module documentation](super)).
//!
//! `gongkai site` writes the site's searchable text once, as a [`ShelfText`] in one JSON file
//! the shelf page loads when its search box is first used: each report's title, preamble and
//! sections (heading and paragraphs, tables as their cells' text), with one set of search
//! tables cut for the characters of every report. No figures, no metadata beyond what a result
//! shows: the file is as small as the text allows. Block ids are not written: they follow from
//! the order, as the parser numbers them, and [`ShelfReport::blocks`] gives them back.

use std::{borrow::Cow, sync::Arc};

use serde::{Deserialize, Serialize};

use super::{tables::Tables, SearchIndex, SearchResults, TableText, MAX_SUGGESTIONS};
use crate::{
    id::{BlockId, SectionId},
    report::Report,
};

/// The searchable text of a site: what the shelf's search file holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShelfText {
    /// Search tables cut for the characters of every report.
    pub tables: TableText,
    /// In the shelf's order (by office, newest first), so that gzip finds an office's
    /// repeated wording from year to year within its window.
    pub reports: Vec<ShelfReport>,
}

/// One report's searchable text and what a result names it by.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShelfReport {
    /// The report's folder in the site: its page is `<slug>/`.
    pub slug: String,
    pub title: String,
    /// The issuing office as the shelf groups it.
    pub office: String,
    pub year: Option<i32>,
    /// Paragraphs before the first heading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<String>,
    /// Every section in document order (children after their parent), flattened.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<ShelfSection>,
}

/// A section: its id, its heading as written (number and title), its blocks' text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShelfSection(pub SectionId, pub String, pub Vec<String>);

impl ShelfReport {
    /// The searchable text of `report`, published at `slug`.
    pub fn new(slug: &str, office: &str, year: Option<i32>, report: &Report) -> Self {
        ShelfReport {
            slug: slug.to_string(),
            title: report.title.clone(),
            office: office.to_string(),
            year,
            preamble: report.preamble.iter().map(|p| p.text.clone()).collect(),
            sections: report
                .all_sections()
                .map(|s| {
                    ShelfSection(
                        s.id.clone(),
                        s.heading_text(),
                        s.paragraphs.iter().map(|p| p.text.clone()).collect(),
                    )
                })
                .collect(),
        }
    }

    /// Every block with its id, as [`Report::blocks`] gives them for the report it was made from.
    pub fn blocks(&self) -> impl Iterator<Item = (BlockId, Cow<'_, str>)> {
        let title = std::iter::once((BlockId::Title, Cow::Borrowed(self.title.as_str())));
        let preamble = (0u32..)
            .zip(&self.preamble)
            .map(|(n, text)| (BlockId::Preamble(n), Cow::Borrowed(text.as_str())));
        let sections = self
            .sections
            .iter()
            .flat_map(|ShelfSection(id, heading, blocks)| {
                std::iter::once((id.heading(), Cow::Borrowed(heading.as_str()))).chain(
                    (0u32..).zip(blocks).map(|(n, text)| {
                        (
                            BlockId::Paragraph(id.clone(), n),
                            Cow::Borrowed(text.as_str()),
                        )
                    }),
                )
            });
        title.chain(preamble).chain(sections)
    }

    /// The text of one block; `None` when the report has no such block.
    pub fn block_text(&self, block: &BlockId) -> Option<&str> {
        match block {
            BlockId::Title => Some(&self.title),
            BlockId::Preamble(n) => self.preamble.get(*n as usize).map(String::as_str),
            BlockId::Heading(id) => self.section(id).map(|s| s.1.as_str()),
            BlockId::Paragraph(id, n) => self
                .section(id)
                .and_then(|s| s.2.get(*n as usize))
                .map(String::as_str),
        }
    }

    /// A section's heading as written (number and title).
    pub fn heading(&self, id: &SectionId) -> Option<&str> {
        self.section(id).map(|s| s.1.as_str())
    }

    fn section(&self, id: &SectionId) -> Option<&ShelfSection> {
        // Section ids order as the document does, and sections are kept in that order.
        self.sections
            .binary_search_by(|s| s.0.cmp(id))
            .ok()
            .map(|at| &self.sections[at])
    }
}

/// Every report of a site, indexed for search.
#[derive(Debug, Clone)]
pub struct ShelfIndex {
    reports: Vec<ShelfReport>,
    indexes: Vec<SearchIndex>,
}

/// What a query found across the site.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShelfResults {
    /// The reports with hits, in the shelf's order.
    pub reports: Vec<ReportHits>,
    /// Highlights in every report together.
    pub total: usize,
    /// When nothing matched a query that is not blank: queries that do match somewhere.
    pub suggestions: Vec<String>,
}

/// The hits in one report: exactly what the report's own search finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportHits {
    /// Index into [`ShelfIndex::reports`].
    pub report: usize,
    pub results: SearchResults,
}

/// Indexing a site's reports a few at a time, so that a page can take the reader's input in
/// between (a hundred reports take a tenth of a second or more on a phone).
pub struct ShelfIndexing {
    tables: Arc<Tables>,
    reports: Vec<ShelfReport>,
    indexes: Vec<SearchIndex>,
}

impl ShelfIndexing {
    /// Indexes up to `count` more reports; `true` once every report is indexed.
    pub fn step(&mut self, count: usize) -> bool {
        let from = self.indexes.len();
        let to = from.saturating_add(count).min(self.reports.len());
        for report in &self.reports[from..to] {
            let index = SearchIndex::from_blocks(report.blocks(), Arc::clone(&self.tables));
            self.indexes.push(index);
        }
        self.indexes.len() == self.reports.len()
    }

    /// The index, with every report not yet indexed indexed now.
    pub fn finish(mut self) -> ShelfIndex {
        self.step(usize::MAX);
        ShelfIndex {
            reports: self.reports,
            indexes: self.indexes,
        }
    }
}

impl ShelfIndex {
    /// Indexes every report, parsing the search tables once for all of them.
    pub fn new(text: ShelfText) -> Self {
        Self::indexing(text).finish()
    }

    /// [`ShelfIndex::new`] a step at a time: the tables are parsed now, the reports indexed
    /// by [`ShelfIndexing::step`].
    pub fn indexing(text: ShelfText) -> ShelfIndexing {
        ShelfIndexing {
            tables: Arc::new(Tables::from_text(&text.tables)),
            indexes: Vec::with_capacity(text.reports.len()),
            reports: text.reports,
        }
    }

    pub fn reports(&self) -> &[ShelfReport] {
        &self.reports
    }

    /// Every report's hits for `query`; suggestions, when nothing matched anywhere, from the
    /// reports in order until there are [`MAX_SUGGESTIONS`].
    pub fn search(&self, query: &str) -> ShelfResults {
        let mut results = ShelfResults::default();
        for (report, index) in self.indexes.iter().enumerate() {
            let found = index.search_without_suggestions(query);
            if found.total > 0 {
                results.total += found.total;
                results.reports.push(ReportHits {
                    report,
                    results: found,
                });
            }
        }
        if results.total == 0 && !query.trim().is_empty() {
            for index in &self.indexes {
                for suggestion in index.suggestions(query) {
                    if !results.suggestions.contains(&suggestion) {
                        results.suggestions.push(suggestion);
                    }
                }
                if results.suggestions.len() >= MAX_SUGGESTIONS {
                    break;
                }
            }
            results.suggestions.truncate(MAX_SUGGESTIONS);
        }
        results
    }
}
