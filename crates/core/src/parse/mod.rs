//! Text → [`Report`]: strips portal chrome (keeping its metadata), finds the report's own
//! numbered outline, and keeps every character of the body exactly once.

mod chrome;
pub mod decode;
mod heading;

use crate::{
    id::{BlockId, SectionId},
    report::{Paragraph, Report, Section, Warning},
};
use chrome::{Chrome, Place};

pub use decode::{decode, DecodeError};

/// Parses a report file's bytes (UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030).
pub fn parse_bytes(bytes: &[u8]) -> Result<Report, DecodeError> {
    Ok(parse(&decode(bytes)?))
}

/// Parses a report copied from a portal page.
pub fn parse(text: &str) -> Report {
    let mut builder = Builder::default();
    for (index, line) in lines(text).enumerate() {
        builder.line(index + 1, line);
    }
    builder.finish()
}

/// Lines split at LF, CRLF or a lone CR, without their ends.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.find(['\n', '\r']) {
            Some(at) => {
                let skip = if current[at..].starts_with("\r\n") {
                    2
                } else {
                    1
                };
                rest = Some(&current[at + skip..]);
                Some(&current[..at])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

#[derive(Default)]
struct Builder {
    report: Report,
    have_title: bool,
    in_body: bool,
    /// Indices from `report.sections` down to the section now receiving text, with the
    /// nesting rank of each.
    open: Vec<(usize, u8)>,
    /// Rank and ordinal of the last child of the root (index 0) and of each open section.
    last_child: Vec<Option<(u8, u64)>>,
    /// Last ordinal seen at each rank, across groups: level-3 numbers may run on from one
    /// level-2 group into the next.
    last_at_rank: [u64; 6],
}

impl Builder {
    fn line(&mut self, number: usize, raw: &str) {
        let line = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if line.is_empty() {
            return;
        }
        let place = match (self.have_title, self.in_body) {
            (false, _) => Place::BeforeTitle,
            (true, false) => Place::Header,
            (true, true) => Place::Body,
        };
        if let Some(chrome) = chrome::classify(line, place) {
            self.chrome(chrome);
            return;
        }
        if let Some(heading) = heading::recognise(line) {
            if !self.have_title {
                self.warn(number, "报告在第一个标题之前没有题目".to_string());
                self.have_title = true;
            }
            self.in_body = true;
            self.heading(number, heading);
            return;
        }
        if !self.have_title {
            self.report.title = line.to_string();
            self.have_title = true;
            return;
        }
        self.in_body = true;
        self.paragraph(number, line);
    }

    fn chrome(&mut self, chrome: Chrome) {
        match chrome {
            Chrome::Breadcrumb(crumbs) => {
                if self.report.breadcrumb.is_empty() {
                    self.report.breadcrumb = crumbs;
                }
            }
            Chrome::Meta(meta) => {
                let report = &mut self.report;
                report.published = report.published.take().or(meta.published);
                report.source = report.source.take().or(meta.source);
                report.author = report.author.take().or(meta.author);
                report.index_number = report.index_number.take().or(meta.index_number);
            }
            Chrome::Noise => {}
        }
    }

    fn heading(&mut self, line: usize, heading: heading::Heading<'_>) {
        // Close every open section of this rank or deeper: the new one is their sibling or
        // an ancestor's sibling.
        while self
            .open
            .last()
            .is_some_and(|&(_, rank)| rank >= heading.rank)
        {
            self.open.pop();
            self.last_child.pop();
        }
        if self.last_child.is_empty() {
            self.last_child.push(None);
        }
        self.check_numbering(line, &heading);
        self.last_at_rank[usize::from(heading.rank)] = heading.ordinal;
        *self.last_child.last_mut().expect("root entry") = Some((heading.rank, heading.ordinal));
        let siblings = match self.current_mut() {
            Some(parent) => &mut parent.children,
            None => &mut self.report.sections,
        };
        let ordinal_in_parent = siblings.len() + 1;
        let ordinal = u32::try_from(ordinal_in_parent).unwrap_or(u32::MAX);
        let id = match self.current() {
            Some(parent) => parent.id.child(ordinal),
            None => SectionId::top(ordinal),
        };
        let siblings = match self.current_mut() {
            Some(parent) => &mut parent.children,
            None => &mut self.report.sections,
        };
        siblings.push(Section {
            id,
            level: heading.level,
            number: heading.number.to_string(),
            title: heading.title.to_string(),
            title_end: heading.delimiter.map(str::to_string),
            line,
            paragraphs: Vec::new(),
            children: Vec::new(),
        });
        self.open.push((ordinal_in_parent - 1, heading.rank));
        self.last_child.push(None);
        if let Some(body) = heading.body {
            self.paragraph(line, body);
        }
    }

    /// Warns when a heading's number skips or repeats; the heading is kept as written.
    fn check_numbering(&mut self, line: usize, heading: &heading::Heading<'_>) {
        let previous_sibling = self
            .last_child
            .last()
            .copied()
            .flatten()
            .filter(|&(rank, _)| rank == heading.rank)
            .map(|(_, ordinal)| ordinal);
        let n = heading.ordinal;
        let fine = match previous_sibling {
            Some(previous) => n == previous + 1,
            // First in its group: 1, or running on from the previous group.
            None => n == 1 || n == self.last_at_rank[usize::from(heading.rank)] + 1,
        };
        if !fine {
            let message = match previous_sibling {
                Some(previous) if previous == n => {
                    format!("标题编号重复：“{}”与上一个同级标题相同", heading.number)
                }
                Some(previous) => {
                    format!(
                        "标题编号不连续：上一个同级标题是第 {previous} 个，“{}”是第 {n} 个",
                        heading.number
                    )
                }
                None => format!("标题编号不连续：同级第一个标题是“{}”", heading.number),
            };
            self.warn(line, message);
        }
    }

    fn paragraph(&mut self, line: usize, text: &str) {
        let text = text.trim_matches(|c: char| c.is_whitespace()).to_string();
        match self.current_mut() {
            Some(section) => {
                let id = section.id.paragraph(count(section.paragraphs.len()));
                section.paragraphs.push(Paragraph { id, text, line });
            }
            None => {
                let id = BlockId::Preamble(count(self.report.preamble.len()));
                self.report.preamble.push(Paragraph { id, text, line });
            }
        }
    }

    fn warn(&mut self, line: usize, message: String) {
        self.report.warnings.push(Warning { line, message });
    }

    fn current(&self) -> Option<&Section> {
        let (&(first, _), rest) = self.open.split_first()?;
        let mut section = &self.report.sections[first];
        for &(i, _) in rest {
            section = &section.children[i];
        }
        Some(section)
    }

    fn current_mut(&mut self) -> Option<&mut Section> {
        let (&(first, _), rest) = self.open.split_first()?;
        let mut section = &mut self.report.sections[first];
        for &(i, _) in rest {
            section = &mut section.children[i];
        }
        Some(section)
    }

    fn finish(mut self) -> Report {
        if !self.have_title {
            self.warn(1, "没有找到报告题目和正文".to_string());
        }
        self.report.metrics = crate::metrics::extract(&self.report);
        self.report
    }
}

/// A position as an id's ordinal (a report never holds 4 billion paragraphs).
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
