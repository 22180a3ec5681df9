//! The page's body as the line stream a text file gives: one line per block element or
//! `<br>`-separated run of text, white space collapsed as a browser shows it, and each data
//! table of the article as a table. Scripts, styles, comments and form controls give nothing;
//! links and images give their text only (never an address or a handler).

use scraper::{ElementRef, Node};

use super::body::SKIPPED;
use crate::{
    parse::{chrome, Item},
    table::{Cell, Table},
};

/// Deepest element nesting the walker follows element by element; below it an element's text
/// is taken as one run, so hostile nesting neither overflows the stack nor loses text.
const MAX_DEPTH: usize = 160;

/// Largest `colspan` a browser honours; `rowspan` is cut to the table by the grid.
const MAX_COLSPAN: u32 = 1000;
const MAX_ROWSPAN: u32 = 65534;

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "center",
    "form",
    "fieldset",
    "figure",
    "figcaption",
    "address",
    "hr",
    "tr",
    "td",
    "th",
    "caption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "body",
    "html",
    "details",
    "summary",
];

/// What the walk gives: lines before the article (for its publication line), the last
/// heading before it (for its title), and the article's own lines and tables.
pub struct Walked {
    pub before: Vec<String>,
    pub heading_before: Option<String>,
    pub article: Vec<Item>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Before,
    In,
    After,
}

#[derive(Clone, Copy, Default)]
struct Context {
    bold: bool,
    centered: bool,
    heading: bool,
    depth: usize,
}

struct Walker<'a> {
    article: Option<ElementRef<'a>>,
    phase: Phase,
    /// Inside a table's cell: tables below are cell text.
    flat: bool,
    before: Vec<String>,
    heading_before: Option<String>,
    items: Vec<Item>,
    line: Line,
}

#[derive(Default)]
struct Line {
    text: String,
    /// Collapsed white space waiting for the next character; `true` when it held a line break.
    pending: Option<bool>,
    chars: usize,
    bold_chars: usize,
    centered: bool,
    heading: bool,
}

pub fn walk<'a>(root: ElementRef<'a>, article: Option<ElementRef<'a>>) -> Walked {
    let mut walker = Walker {
        article,
        phase: if article.is_some() {
            Phase::Before
        } else {
            Phase::In
        },
        flat: false,
        before: Vec::new(),
        heading_before: None,
        items: Vec::new(),
        line: Line::default(),
    };
    walker.element(root, Context::default());
    walker.flush();
    Walked {
        before: walker.before,
        heading_before: walker.heading_before,
        article: walker.items,
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2e80}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}')
}

fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

impl<'a> Walker<'a> {
    fn text(&mut self, text: &str, context: Context) {
        let line = &mut self.line;
        for c in text.chars() {
            if is_html_space(c) {
                let breaks = matches!(c, '\n' | '\r');
                line.pending = Some(line.pending.unwrap_or(false) || breaks);
                continue;
            }
            if let Some(breaks) = line.pending.take() {
                // CSS Text: a line break between two Chinese characters is removed, not shown
                // as a space.
                let last = line.text.chars().last();
                if last.is_some() && !(breaks && last.is_some_and(is_cjk) && is_cjk(c)) {
                    line.text.push(' ');
                }
            }
            // Control characters (tabs and line breaks separate table cells) never reach text.
            if c.is_control() {
                continue;
            }
            line.text.push(c);
            if !c.is_whitespace() {
                line.chars += 1;
                if context.bold {
                    line.bold_chars += 1;
                }
            }
        }
        if self.line.chars > 0 {
            self.line.centered |= context.centered;
            self.line.heading |= context.heading;
        }
    }

    fn flush(&mut self) {
        let line = std::mem::take(&mut self.line);
        let text = line
            .text
            .trim_matches(|c: char| c.is_whitespace())
            .to_string();
        if text.is_empty() {
            return;
        }
        let emphasis = line.centered || line.heading || line.bold_chars == line.chars;
        match self.phase {
            Phase::Before => {
                if line.heading
                    && text.chars().count() >= 6
                    && chrome::title_like(&text)
                    && chrome::classify(&text, chrome::Place::BeforeTitle).is_none()
                {
                    self.heading_before = Some(text.clone());
                }
                self.before.push(text);
            }
            Phase::In => self.items.push(Item::Line { text, emphasis }),
            Phase::After => {}
        }
    }

    fn node(&mut self, node: ego_node::NodeRef<'a>, context: Context) {
        match node.value() {
            Node::Text(text) => self.text(text, context),
            Node::Element(_) => {
                if let Some(element) = ElementRef::wrap(node) {
                    self.element(element, context);
                }
            }
            _ => {}
        }
    }

    fn element(&mut self, element: ElementRef<'a>, mut context: Context) {
        let name = element.value().name();
        if SKIPPED.contains(&name) {
            return;
        }
        if self.phase == Phase::After {
            return;
        }
        if context.depth >= MAX_DEPTH {
            self.flat_text(element, context);
            return;
        }
        context.depth += 1;
        if Some(element) == self.article {
            self.flush();
            self.phase = Phase::In;
            self.children(element, context);
            self.flush();
            self.phase = Phase::After;
            return;
        }
        if name == "br" {
            self.flush();
            return;
        }
        if name == "table" && !self.flat && self.phase == Phase::In {
            if let Some(table) = self.table(element, context) {
                self.flush();
                self.items.push(Item::Table(table));
                return;
            }
        }
        let block = BLOCKS.contains(&name);
        if block {
            self.flush();
            context.centered = centered(element, name) || (context.centered && name != "td");
        }
        match name {
            "strong" | "b" => context.bold = true,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                context.bold = true;
                context.heading = true;
            }
            _ => {}
        }
        self.children(element, context);
        if block {
            self.flush();
        }
    }

    fn children(&mut self, element: ElementRef<'a>, context: Context) {
        for child in element.children() {
            self.node(child, context);
        }
    }

    /// Below [`MAX_DEPTH`]: every text of the element, outside skipped elements, as one run.
    fn flat_text(&mut self, element: ElementRef<'a>, context: Context) {
        for node in element.descendants() {
            if let Node::Text(text) = node.value() {
                let skipped = node
                    .ancestors()
                    .take(MAX_DEPTH)
                    .any(|a| matches!(a.value(), Node::Element(e) if SKIPPED.contains(&e.name())));
                if !skipped {
                    self.text(text, context);
                }
            }
        }
    }

    /// A data table of the article; `None` for a table that only lays out its content (a single
    /// cell), which is read as any other block.
    fn table(&mut self, element: ElementRef<'a>, context: Context) -> Option<Table> {
        let mut caption = None;
        let mut rows: Vec<(bool, Vec<Cell>)> = Vec::new();
        for child in element.child_elements() {
            match child.value().name() {
                "caption" => caption = Some(self.cell_text(child, context)),
                "tr" => rows.push((false, self.row(child, context))),
                group @ ("thead" | "tbody" | "tfoot") => {
                    for tr in child.child_elements().filter(|e| e.value().name() == "tr") {
                        let cells = self.row(tr, context);
                        rows.push((group == "thead", cells));
                    }
                }
                _ => {}
            }
        }
        rows.retain(|(_, cells)| !cells.is_empty());
        let cells: usize = rows.iter().map(|(_, cells)| cells.len()).sum();
        if cells <= 1 {
            return None;
        }
        let mut rows: Vec<Vec<Cell>> = rows
            .into_iter()
            .map(|(head, mut cells)| {
                if head {
                    cells.iter_mut().for_each(|c| c.header = true);
                }
                cells
            })
            .collect();
        // Marked headers are kept; those the editor wrote as `<td>` are added (a `<th>` header
        // row over `<td>` row headers is common).
        infer_headers(&mut rows);
        Some(Table {
            kind: Default::default(),
            caption: caption.filter(|c| !c.is_empty()),
            rows,
        })
    }

    fn row(&mut self, tr: ElementRef<'a>, context: Context) -> Vec<Cell> {
        tr.child_elements()
            .filter(|e| matches!(e.value().name(), "td" | "th"))
            .map(|cell| {
                let header = cell.value().name() == "th";
                let span = |name: &str, max: u32| {
                    cell.attr(name)
                        .and_then(|v| v.trim().parse::<u32>().ok())
                        .filter(|&n| n > 0)
                        .map_or(1, |n| n.min(max))
                };
                Cell {
                    text: self.cell_text(cell, context),
                    rowspan: span("rowspan", MAX_ROWSPAN),
                    colspan: span("colspan", MAX_COLSPAN),
                    header,
                }
            })
            .collect()
    }

    /// A cell's text on one line: its lines (paragraphs, `<br>`, a nested table's cells) joined
    /// without a space between Chinese characters, with one otherwise.
    fn cell_text(&mut self, cell: ElementRef<'a>, context: Context) -> String {
        let mut inner = Walker {
            article: None,
            phase: Phase::In,
            flat: true,
            before: Vec::new(),
            heading_before: None,
            items: Vec::new(),
            line: Line::default(),
        };
        inner.children(cell, context);
        inner.flush();
        let mut text = String::new();
        for item in inner.items {
            if let Item::Line { text: line, .. } = item {
                let joins = text.chars().last().is_some_and(is_cjk)
                    && line.chars().next().is_some_and(is_cjk);
                if !text.is_empty() && !joins {
                    text.push(' ');
                }
                text.push_str(&line);
            }
        }
        text
    }
}

/// Whether a block is centred: `align="center"`, `text-align: center` or `<center>`.
fn centered(element: ElementRef<'_>, name: &str) -> bool {
    name == "center"
        || element
            .attr("align")
            .is_some_and(|a| a.trim().eq_ignore_ascii_case("center"))
        || element.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("text-align:center")
        })
}

/// Headers of a table written with `<td>` only, as portals' editors write them: rows without a
/// number (above, and between, rows of numbers) are header rows, and in a row of numbers the
/// cells before its first number are its row headers. A table without numbers has its first
/// row as header row.
fn infer_headers(rows: &mut [Vec<Cell>]) {
    use crate::metrics::table::cell_number;
    let numeric: Vec<Vec<bool>> = rows
        .iter()
        .map(|row| row.iter().map(|c| cell_number(&c.text).is_some()).collect())
        .collect();
    let any_number = numeric.iter().flatten().any(|&n| n);
    if !any_number {
        if rows.len() > 1 {
            rows[0].iter_mut().for_each(|c| c.header = true);
        }
        return;
    }
    for (row, numbers) in rows.iter_mut().zip(&numeric) {
        match numbers.iter().position(|&n| n) {
            None => row
                .iter_mut()
                .filter(|c| !c.text.is_empty())
                .for_each(|c| c.header = true),
            Some(first) => row[..first]
                .iter_mut()
                .filter(|c| !c.text.is_empty())
                .for_each(|c| c.header = true),
        }
    }
}

/// The tree's node type, named through `ElementRef` (whose `Deref` target it is), so the
/// crate needs no direct dependency on the tree crate.
mod ego_node {
    pub type NodeRef<'a> = <scraper::ElementRef<'a> as std::ops::Deref>::Target;
}
