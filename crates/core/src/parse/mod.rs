//! Text → [`Report`]: strips portal chrome (keeping its metadata), finds the report's own
//! numbered outline, and keeps every character of the body exactly once.

pub(crate) mod chrome;
pub mod decode;
pub(crate) mod heading;

use crate::{
    id::{BlockId, SectionId},
    report::{Paragraph, Report, Section, Warning},
    table::Table,
};
use chrome::{Chrome, Field, Place};

pub use decode::{decode, DecodeError};

/// Parses a report file's bytes (UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030).
pub fn parse_bytes(bytes: &[u8]) -> Result<Report, DecodeError> {
    Ok(parse(&decode(bytes)?))
}

/// Parses a report copied from a portal page. U+0000 is read as U+FFFD, as a browser reads
/// it: no web page can hold it, so the published page and the report keep the same text.
pub fn parse(text: &str) -> Report {
    let text: std::borrow::Cow<'_, str> = if text.contains('\0') {
        text.replace('\0', "\u{fffd}").into()
    } else {
        text.into()
    };
    let mut builder = Builder::default();
    for (index, line) in lines(&text).enumerate() {
        builder.line(index + 1, line);
    }
    builder.finish()
}

/// One block of a page's body as the HTML reader hands it over, in document order.
#[cfg_attr(not(feature = "html"), allow(dead_code))]
pub(crate) enum Item {
    /// A line of text; `emphasis` when the page set it apart (bold or centred), which makes a
    /// short line just above a table its caption.
    Line {
        text: String,
        emphasis: bool,
    },
    Table(Table),
}

/// Parses a page's body given as lines and tables: lines go through the same rules as a text
/// file's, tables land in the section open where they stand. Items are numbered from 1 as
/// lines are.
#[cfg_attr(not(feature = "html"), allow(dead_code))]
pub(crate) fn parse_items(items: impl IntoIterator<Item = Item>) -> Report {
    let mut builder = Builder::default();
    for (index, item) in items.into_iter().enumerate() {
        match item {
            Item::Line { text, emphasis } => {
                for line in lines(&text) {
                    builder.line(index + 1, line);
                }
                builder.last_emphasis = emphasis;
            }
            Item::Table(table) => builder.table(index + 1, table),
        }
    }
    builder.finish()
}

/// Whether a line ends the header: a heading, or a line that reads as a sentence.
fn starts_body(line: &str) -> bool {
    if chrome::classify(line, Place::BeforeTitle).is_some() {
        return false;
    }
    heading::recognise(line).is_some() || !chrome::title_like(line)
}

fn without_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
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
    /// Lines before the body (chrome, title, subtitle, speaker…), read as a whole once the
    /// body starts: which line is the title depends on the lines around it.
    header: Vec<(usize, String)>,
    /// A metadata label whose value is on the next line.
    pending: Option<Field>,
    /// Names of attached files, which may stand for a missing title.
    attachments: Vec<String>,
    /// Indices from `report.sections` down to the section now receiving text, with the
    /// nesting rank of each.
    open: Vec<(usize, u8)>,
    /// Rank and ordinal of the last child of the root (index 0) and of each open section.
    last_child: Vec<Option<(u8, u64)>>,
    /// Last ordinal seen at each rank, across groups: level-3 numbers may run on from one
    /// level-2 group into the next.
    last_at_rank: [u64; 6],
    /// The block pushed last, when it was a standalone text line that may caption a table
    /// coming next: where it stands (section path or preamble) and its line.
    last_paragraph: Option<usize>,
    /// Whether the last line given was set apart on its page (bold or centred).
    last_emphasis: bool,
}

impl Builder {
    fn line(&mut self, number: usize, raw: &str) {
        let line = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if line.is_empty() {
            return;
        }
        self.last_paragraph = None;
        self.last_emphasis = false;
        if !self.in_body {
            if !starts_body(line) {
                self.header.push((number, line.to_string()));
                return;
            }
            self.resolve_header();
            self.in_body = true;
        }
        if let Some(chrome) = chrome::classify(line, Place::Body) {
            self.chrome(chrome);
            return;
        }
        if let Some(heading) = heading::recognise(line) {
            self.heading(number, heading);
            self.last_paragraph = None;
            return;
        }
        self.paragraph(number, line);
    }

    /// Reads the lines before the body: breadcrumbs (on one line, glued, or one crumb per
    /// line around `>` lines), publication lines (a value may be on the line after its
    /// label), the title (letter-spacing taken out; a repeat dropped), a subtitle (kept as
    /// the first paragraph), a speaker line (the author) and any other short lines (preamble).
    fn resolve_header(&mut self) {
        let lines = std::mem::take(&mut self.header);
        let is_separator =
            |l: &str| chrome::classify(l, Place::BeforeTitle) == Some(Chrome::Separator);
        let mut title_key = String::new();
        let mut subtitles: Vec<String> = Vec::new();
        let mut after_separator = false;
        let mut crumb_run = false;
        // For each line, the next line that is not chrome, found in one pass from the end:
        // looking ahead from every line made a header of many chrome lines quadratic.
        let mut next_text = vec![None; lines.len()];
        for k in (1..lines.len()).rev() {
            next_text[k - 1] = if chrome::classify(&lines[k].1, Place::Header).is_none() {
                Some(k)
            } else {
                next_text[k]
            };
        }
        for (k, (number, line)) in lines.iter().enumerate() {
            let number = *number;
            if let Some(field) = self.pending.take() {
                if self.fill(field, line) {
                    continue;
                }
            }
            let place = if self.have_title {
                Place::Header
            } else {
                Place::BeforeTitle
            };
            if let Some(chrome) = chrome::classify(line, place) {
                match chrome {
                    Chrome::Separator => after_separator = true,
                    Chrome::Breadcrumb(crumbs) if !self.have_title => {
                        crumb_run = crumbs.is_empty() || crumbs == ["首页"];
                        self.report.breadcrumb.extend(crumbs);
                    }
                    other => self.chrome(other),
                }
                continue;
            }
            let next_is_separator = lines.get(k + 1).is_some_and(|(_, l)| is_separator(l));
            let next = next_text[k].map(|n| lines[n].1.as_str());
            if !self.have_title {
                // One crumb per line: short column names, each followed by another line that
                // is neither a repeat nor a subtitle; the line that breaks the run is the title.
                let in_run = crumb_run
                    && line.chars().count() <= 12
                    && !chrome::names_a_report(line)
                    && next.is_some_and(|n| {
                        n != line && !chrome::is_subtitle(n) && chrome::title_like(n)
                    });
                if after_separator || next_is_separator || in_run {
                    self.report.breadcrumb.push(line.clone());
                    after_separator = false;
                    continue;
                }
                crumb_run = false;
                let title = chrome::unspaced(line).unwrap_or_else(|| line.clone());
                title_key = without_space(&title);
                self.report.title = title;
                self.have_title = true;
                continue;
            }
            let key = without_space(line);
            // A page often repeats its title (and subtitle) above the text.
            if key == title_key && key.chars().count() >= 5 {
                continue;
            }
            if chrome::is_subtitle(line) {
                if subtitles.contains(&key) {
                    continue;
                }
                subtitles.push(key);
            } else if let Some(name) = chrome::speaker(line) {
                self.report.author = self.report.author.take().or(Some(name));
                continue;
            }
            self.paragraph(number, line);
        }
    }

    /// Fills a metadata field from the line after its label; false when the line is not a
    /// value (then it is read as any other line).
    fn fill(&mut self, field: Field, line: &str) -> bool {
        let report = &mut self.report;
        match field {
            Field::Published => match chrome::leading_date(line) {
                Some((date, rest)) if rest.trim().is_empty() => {
                    report.published = report.published.take().or(Some(date));
                    true
                }
                _ => false,
            },
            Field::Source | Field::Author => {
                let fits = line.chars().count() <= 30 && chrome::title_like(line);
                if fits {
                    let slot = if field == Field::Source {
                        &mut report.source
                    } else {
                        &mut report.author
                    };
                    *slot = slot.take().or(Some(line.to_string()));
                }
                fits
            }
        }
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
                self.pending = meta.pending;
            }
            Chrome::Attachment(name) => self.attachments.push(name),
            Chrome::Separator | Chrome::Noise => {}
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

    /// A table, placed after the blocks before it in the section now open. A short line just
    /// above it that reads as a table's title becomes its caption.
    fn table(&mut self, line: usize, mut table: Table) {
        if !self.in_body {
            self.resolve_header();
            self.in_body = true;
        }
        if table.caption.is_none() && self.last_paragraph.is_some() {
            let emphasis = self.last_emphasis;
            let blocks = match self.current_mut() {
                Some(section) => &mut section.paragraphs,
                None => &mut self.report.preamble,
            };
            if blocks
                .last()
                .is_some_and(|p| p.table.is_none() && is_caption(&p.text, emphasis))
            {
                table.caption = blocks.pop().map(|p| p.text);
            }
        }
        self.last_paragraph = None;
        self.last_emphasis = false;
        let text = table.text();
        let id = match self.current() {
            Some(section) => section.id.paragraph(count(section.paragraphs.len())),
            None => BlockId::Preamble(count(self.report.preamble.len())),
        };
        let block = Paragraph {
            id,
            text,
            line,
            table: Some(table),
        };
        match self.current_mut() {
            Some(section) => section.paragraphs.push(block),
            None => self.report.preamble.push(block),
        }
    }

    fn paragraph(&mut self, line: usize, text: &str) {
        self.last_paragraph = Some(line);
        let text = text.trim_matches(|c: char| c.is_whitespace()).to_string();
        match self.current_mut() {
            Some(section) => {
                let id = section.id.paragraph(count(section.paragraphs.len()));
                section.paragraphs.push(Paragraph::text(id, text, line));
            }
            None => {
                let id = BlockId::Preamble(count(self.report.preamble.len()));
                self.report.preamble.push(Paragraph::text(id, text, line));
            }
        }
    }

    /// A page without a title line: the title is taken from an attachment's name or the last
    /// crumb when one names a report, else left empty; either way with a warning.
    fn infer_title(&mut self, line: usize) {
        let from_attachment = self
            .attachments
            .iter()
            .find(|a| chrome::names_a_report(a))
            .map(|a| (a.clone(), "附件名"));
        let from_crumb = self
            .report
            .breadcrumb
            .last()
            .filter(|c| chrome::names_a_report(c))
            .map(|c| (c.clone(), "页面导航"));
        match from_attachment.or(from_crumb) {
            Some((title, from)) => {
                self.warn(line, format!("正文前没有题目行，题目取自{from}：“{title}”"));
                self.report.title = title;
            }
            None => self.warn(line, "正文前没有题目行，题目留空".to_string()),
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
        if !self.in_body {
            self.resolve_header();
        }
        let first_body = self
            .report
            .preamble
            .first()
            .map(|p| p.line)
            .or_else(|| self.report.sections.first().map(|s| s.line));
        match first_body {
            _ if self.have_title => {}
            None => self.warn(1, "没有找到报告题目和正文".to_string()),
            Some(line) => self.infer_title(line),
        }
        self.report.metrics = crate::metrics::extract(&self.report);
        self.report
    }
}

/// Whether a line just above a table reads as its title: short, not a sentence, and either set
/// apart on the page or named as a table (`表1 …`, `…统计表`).
fn is_caption(text: &str, emphasis: bool) -> bool {
    const MAX_CAPTION_CHARS: usize = 40;
    let text = text.trim();
    let named = text.starts_with('表') || text.trim_end_matches(['：', ':']).ends_with('表');
    text.chars().count() <= MAX_CAPTION_CHARS
        && !text.contains(['。', '；', ';'])
        && (emphasis || named)
}

/// A position as an id's ordinal (a report never holds 4 billion paragraphs).
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
