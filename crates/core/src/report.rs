//! The report model: what a parsed report is, independent of any renderer.
//!
//! It serialises to the report JSON contract of `spec/report-format.md`; the CLI prints it and
//! the viewer renders it.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::id::{BlockId, MetricId, SectionId};
pub use crate::table::{Cell, Table};

/// A parsed disclosure report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub title: String,
    /// The portal's breadcrumb, outermost first; empty when the copy had none.
    pub breadcrumb: Vec<String>,
    /// `YYYY-MM-DD HH:MM` or `YYYY-MM-DD` as the portal gave it.
    pub published: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    /// The portal's 索引号, when the copy carried one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index_number: Option<String>,
    /// Body text before the first heading.
    pub preamble: Vec<Paragraph>,
    pub sections: Vec<Section>,
    /// The figures the report states, in document order.
    #[serde(default)]
    pub metrics: Vec<Metric>,
    /// Problems found while parsing, with the line they stand on; the text is kept regardless.
    pub warnings: Vec<Warning>,
}

/// One block of body text, exactly as published (trimmed): a paragraph, or a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// `p0` in the preamble, `<section id>.p<n>` inside a section.
    pub id: BlockId,
    /// A paragraph's text; for a table, its cells' text ([`Table::text`]).
    pub text: String,
    /// Line of the input it came from (1-based).
    #[serde(default)]
    pub line: usize,
    /// The table this block is (`"kind": "table"`, `caption`, `rows`); a text paragraph
    /// serialises without these keys, exactly as before tables existed.
    #[serde(flatten, default, skip_serializing_if = "Option::is_none")]
    pub table: Option<Table>,
}

impl Paragraph {
    /// A text paragraph.
    pub fn text(id: BlockId, text: String, line: usize) -> Paragraph {
        Paragraph {
            id,
            text,
            line,
            table: None,
        }
    }
}

/// A numbered section of the report's own outline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Path of ordinals, e.g. `2.3.1`: stable across re-parses, used in addresses.
    pub id: SectionId,
    /// 1 (`一、`) to 4 (`(1)`).
    pub level: u8,
    /// The number as written, e.g. `（一）`.
    pub number: String,
    /// The heading without its number and without a closing `。`.
    pub title: String,
    /// The mark that closed the title (`。` or `：`) when the line had one, so that the
    /// published text can be put back together exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_end: Option<String>,
    /// Line of the input the heading stands on (1-based).
    #[serde(default)]
    pub line: usize,
    pub paragraphs: Vec<Paragraph>,
    pub children: Vec<Section>,
}

/// A figure the report states: `收缴罚款1230.01万元` → 12300100 元, labelled 收缴罚款.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    /// `<paragraph id>.m<n>`: stable while the paragraph is, used in addresses (`#/m/<id>`).
    pub id: MetricId,
    /// The section the figure stands in; `None` in the preamble.
    pub section: Option<SectionId>,
    /// The block it stands in: a paragraph, or `<section id>.t` for a section's heading.
    pub paragraph: BlockId,
    /// Start and end of `raw` in the block's text ([`Report::block_text`]: for a heading, its
    /// number followed by its title), in characters (Unicode scalar values).
    pub span: [usize; 2],
    /// The figure as written, without a leading qualifier: `12万余平方米`.
    pub raw: String,
    /// Normalised: 万 ×10⁴, 亿 ×10⁸, Chinese numerals read; a percentage keeps its figure.
    #[serde(serialize_with = "whole_as_integer")]
    pub value: f64,
    /// Base unit or measure word: `元`, `平方米`, `件`, `%`.
    pub unit: String,
    /// 余 多 约 近 超 超过 以上 左右 逾, as written.
    pub qualifier: Option<String>,
    /// What was counted, from the same clause: `收缴罚款`.
    pub label: String,
    /// True when the clause did not say what was counted and the label was taken from the
    /// clause as a whole, a neighbouring card line or the section's title.
    #[serde(default, skip_serializing_if = "is_false")]
    pub label_inferred: bool,
}

fn is_false(b: &bool) -> bool {
    !b
}

/// Writes 12300100.0 as `12300100`, so whole values read as integers in JSON and CSV.
fn whole_as_integer<S: serde::Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

/// A parse warning tied to a line of the input (1-based).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

impl Report {
    /// The title as a phone's bar shows it: the genre's titles read 《office》《关于》《year +
    /// subject》, and the office is already the page's source line, so the subject is kept
    /// after 关于, after the issuing office named in `source`, or from the year (`2023年…`),
    /// whichever leaves the shortest subject of at least six characters; the whole title when
    /// none does.
    pub fn short_title(&self) -> &str {
        const MIN_CHARS: usize = 6;
        let title = self.title.trim();
        let subject = |start: usize| {
            let rest = title[start..].trim_start();
            (rest.chars().count() >= MIN_CHARS).then_some(rest)
        };
        let after_about = title.find("关于").map(|i| i + "关于".len());
        let after_source = self
            .source
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty() && title.starts_with(s))
            .map(str::len);
        let at_year = year_start(title).filter(|&i| i > 0);
        [after_about, after_source, at_year]
            .into_iter()
            .flatten()
            .filter_map(|start| subject(start).map(|s| (start, s)))
            .max_by_key(|&(start, _)| start)
            .map_or(title, |(_, s)| s)
    }

    /// Every section in document order (pre-order: a section, then its children).
    pub fn all_sections(&self) -> impl Iterator<Item = &Section> {
        let mut stack: Vec<&Section> = self.sections.iter().rev().collect();
        std::iter::from_fn(move || {
            let section = stack.pop()?;
            stack.extend(section.children.iter().rev());
            Some(section)
        })
    }

    /// The section with the given id (`2.3.1`), found by walking its path.
    pub fn section(&self, id: &SectionId) -> Option<&Section> {
        let (&first, rest) = id.ordinals().split_first()?;
        let mut section = self.sections.get(first.checked_sub(1)? as usize)?;
        for &n in rest {
            section = section.children.get(n.checked_sub(1)? as usize)?;
        }
        // A report read back from JSON may number its sections otherwise: then search.
        Some(section)
            .filter(|s| &s.id == id)
            .or_else(|| self.all_sections().find(|s| &s.id == id))
    }

    /// The figure with the given id.
    pub fn metric(&self, id: &MetricId) -> Option<&Metric> {
        self.metrics.iter().find(|m| &m.id == id)
    }

    /// The paragraph or table block with the given id (`None` for the title and headings).
    pub fn paragraph(&self, id: &BlockId) -> Option<&Paragraph> {
        let paragraphs = match id {
            BlockId::Preamble(_) => &self.preamble,
            BlockId::Paragraph(section, _) => &self.section(section)?.paragraphs,
            BlockId::Title | BlockId::Heading(_) => return None,
        };
        paragraphs.iter().find(|p| &p.id == id)
    }

    /// The text of a block: the title, a paragraph, or a heading's number and title as written.
    /// Spans of figures and search hits count characters of this text.
    pub fn block_text(&self, id: &BlockId) -> Option<Cow<'_, str>> {
        let paragraphs = match id {
            BlockId::Title => return Some(Cow::Borrowed(&self.title)),
            BlockId::Heading(section) => {
                return Some(Cow::Owned(self.section(section)?.heading_text()))
            }
            BlockId::Preamble(_) => &self.preamble,
            BlockId::Paragraph(section, _) => &self.section(section)?.paragraphs,
        };
        paragraphs
            .iter()
            .find(|p| &p.id == id)
            .map(|p| Cow::Borrowed(p.text.as_str()))
    }

    /// Every block of text in document order, with its text: the title, the preamble, then each
    /// section's heading and paragraphs.
    pub fn blocks(&self) -> impl Iterator<Item = (BlockId, Cow<'_, str>)> {
        let title = std::iter::once((BlockId::Title, Cow::Borrowed(self.title.as_str())));
        let preamble = self
            .preamble
            .iter()
            .map(|p| (p.id.clone(), Cow::Borrowed(p.text.as_str())));
        let sections = self.all_sections().flat_map(|section| {
            std::iter::once((section.id.heading(), Cow::Owned(section.heading_text()))).chain(
                section
                    .paragraphs
                    .iter()
                    .map(|p| (p.id.clone(), Cow::Borrowed(p.text.as_str()))),
            )
        });
        title.chain(preamble).chain(sections)
    }
}

impl Report {
    /// The body put back together in document order as written: the preamble, then each
    /// heading (number, title, the mark that closed it) and its blocks. The title is left out
    /// (it may come from the page's chrome). What the no-text-lost checks compare with.
    pub fn body_text(&self) -> String {
        let mut out: String = self.preamble.iter().map(|p| p.text.as_str()).collect();
        for s in self.all_sections() {
            out += &s.number;
            out += &s.title;
            out += s.title_end.as_deref().unwrap_or("");
            for p in &s.paragraphs {
                out += &p.text;
            }
        }
        out
    }
}

impl Section {
    /// The heading as written: number, then title (the text of its [`BlockId::Heading`]).
    pub fn heading_text(&self) -> String {
        format!("{}{}", self.number, self.title)
    }

    /// Characters of the number at the start of [`Self::heading_text`].
    pub fn number_chars(&self) -> usize {
        self.number.chars().count()
    }

    /// What a table of contents shows: the title, or for a numbered paragraph without a title
    /// the opening words of its text.
    pub fn display_title(&self) -> String {
        if !self.title.is_empty() {
            return self.title.clone();
        }
        const EXCERPT_CHARS: usize = 16;
        let text = self.paragraphs.first().map_or("", |p| p.text.as_str());
        let excerpt: String = text.chars().take(EXCERPT_CHARS).collect();
        if text.chars().nth(EXCERPT_CHARS).is_some() {
            excerpt + "…"
        } else {
            excerpt
        }
    }
}

impl Section {
    /// The section's text for reading aloud, heading first, subsections included.
    pub fn reading_texts(&self, out: &mut Vec<String>) {
        out.push(self.heading_text());
        out.extend(self.paragraphs.iter().map(|p| p.text.clone()));
        for child in &self.children {
            child.reading_texts(out);
        }
    }
}

impl Report {
    /// The whole report for reading aloud: title, preamble, then every section.
    pub fn reading_texts(&self) -> Vec<String> {
        let mut out = vec![self.title.clone()];
        out.extend(self.preamble.iter().map(|p| p.text.clone()));
        for section in &self.sections {
            section.reading_texts(&mut out);
        }
        out.retain(|t| !t.is_empty());
        out
    }
}

/// Byte offset of the first `YYYY年` (a year from 1949 on, by its four ASCII or full-width
/// digits) in `text`.
fn year_start(text: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    chars.windows(5).find_map(|w| {
        let digits: Option<Vec<u32>> = w[..4]
            .iter()
            .map(|&(_, c)| {
                c.to_digit(10)
                    .or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32))
            })
            .collect();
        let year = digits?.iter().fold(0, |y, d| y * 10 + d);
        let before_is_digit = chars
            .iter()
            .take_while(|&&(i, _)| i < w[0].0)
            .last()
            .is_some_and(|&(_, c)| c.is_ascii_digit() || ('０'..='９').contains(&c));
        (w[4].1 == '年' && (1949..=2100).contains(&year) && !before_is_digit).then_some(w[0].0)
    })
}

#[cfg(test)]
mod tests {
    use super::Report;

    fn short(title: &str, source: Option<&str>) -> String {
        let report = Report {
            title: title.to_string(),
            source: source.map(str::to_string),
            ..Report::default()
        };
        report.short_title().to_string()
    }

    #[test]
    fn short_title_keeps_the_subject() {
        // The office is the source, then 关于: the subject starts after 关于.
        assert_eq!(
            short(
                "巴中市自然资源和规划局巴州分局关于2023年法治政府建设工作情况的报告",
                Some("巴中市自然资源和规划局巴州分局")
            ),
            "2023年法治政府建设工作情况的报告"
        );
        // The office named as the source, then the subject without a year.
        assert_eq!(
            short("某县财政局法治政府建设情况报告", Some("某县财政局")),
            "法治政府建设情况报告"
        );
        // No 关于 and no source: from the year, full-width digits too.
        assert_eq!(
            short("某市交通运输局２０２２年政府信息公开工作年度报告", None),
            "２０２２年政府信息公开工作年度报告"
        );
        // The source ends where the year starts.
        assert_eq!(
            short("某县司法局2023年度法治政府建设情况报告", Some("某县司法局")),
            "2023年度法治政府建设情况报告"
        );
    }

    #[test]
    fn short_title_keeps_the_whole_title_when_a_cut_leaves_too_little() {
        // A title that starts with its year, or whose subject would be a word or two.
        assert_eq!(short("2023年工作报告", None), "2023年工作报告");
        assert_eq!(short("某局关于报告", None), "某局关于报告");
        assert_eq!(short("某局年度报告", Some("某局")), "某局年度报告");
        // Digits run into a longer number are not a year.
        assert_eq!(
            short("编号12023年度某局报告", None),
            "编号12023年度某局报告"
        );
        assert_eq!(short("", None), "");
    }
}
