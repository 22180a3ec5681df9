//! Tables of a report (read from HTML pages): rows of cells with their spans, the block text
//! that search and figures count in, and the grid that resolves spans into headers.
//!
//! A table is a block like a paragraph ([`crate::report::Paragraph::table`]); its block text is
//! its cells' text in row order, cells separated by a tab and rows by a newline, so one
//! coordinate system serves text and tables alike. [`Table::pieces`] maps a range of that text
//! back into cells.

use serde::{Deserialize, Serialize};

/// The tag that marks a block as a table in the report JSON (`"kind": "table"`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    #[default]
    Table,
}

/// A table as published: its caption and its rows of cells, spans kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub kind: BlockKind,
    /// The table's own title (`<caption>`, or a `表1 …` line just above it); `None` when the
    /// page gave none (the section's title then names it).
    pub caption: Option<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// One cell; its text never holds a tab or a line break (they separate cells in the block
/// text), white space inside it is collapsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    pub text: String,
    pub rowspan: u32,
    pub colspan: u32,
    /// A header cell (`<th>`, a header row or a row's header column).
    pub header: bool,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            rowspan: 1,
            colspan: 1,
            header: false,
        }
    }
}

/// Where a cell's text stands in the table's block text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellPlace {
    pub row: usize,
    pub cell: usize,
    /// Character offsets of the cell's text in the block text.
    pub start: usize,
    pub end: usize,
}

/// A part of a range of the block text that falls inside one cell, in the cell's characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub row: usize,
    pub cell: usize,
    pub start: usize,
    pub end: usize,
}

/// Most grid positions a table's spans may cover: spans beyond it are cut, so hostile
/// `rowspan`/`colspan` values cannot make a grid of billions of slots.
pub const MAX_GRID_SLOTS: usize = 1 << 20;

impl Table {
    /// The block text: cells separated by a tab, rows by a newline.
    pub fn text(&self) -> String {
        let rows: Vec<String> = self
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\t")
            })
            .collect();
        rows.join("\n")
    }

    /// Every cell's place in the block text, in row order.
    pub fn places(&self) -> Vec<CellPlace> {
        let mut out = Vec::new();
        let mut at = 0;
        for (r, row) in self.rows.iter().enumerate() {
            if r > 0 {
                at += 1; // the newline
            }
            for (c, cell) in row.iter().enumerate() {
                if c > 0 {
                    at += 1; // the tab
                }
                let len = cell.text.chars().count();
                out.push(CellPlace {
                    row: r,
                    cell: c,
                    start: at,
                    end: at + len,
                });
                at += len;
            }
        }
        out
    }

    /// The parts of `[start, end)` of the block text that fall in cells, each in its cell's own
    /// characters; separators between cells belong to none.
    pub fn pieces(&self, start: usize, end: usize) -> Vec<Piece> {
        self.places()
            .into_iter()
            .filter_map(|p| {
                let from = start.max(p.start);
                let to = end.min(p.end);
                (from < to).then_some(Piece {
                    row: p.row,
                    cell: p.cell,
                    start: from - p.start,
                    end: to - p.start,
                })
            })
            .collect()
    }

    /// The table laid out on a grid: each slot holds the `(row, cell)` covering it, spans
    /// resolved the way browsers do (a cell takes the next free slot of its row). Spans are
    /// cut to [`MAX_GRID_SLOTS`].
    pub fn grid(&self) -> Vec<Vec<Option<(usize, usize)>>> {
        let rows = self.rows.len();
        let mut grid: Vec<Vec<Option<(usize, usize)>>> = vec![Vec::new(); rows];
        let mut slots = 0usize;
        for (r, row) in self.rows.iter().enumerate() {
            let mut col = 0;
            for (c, cell) in row.iter().enumerate() {
                while grid[r].get(col).is_some_and(Option::is_some) {
                    col += 1;
                }
                let rowspan = (cell.rowspan.max(1) as usize).min(rows - r);
                let colspan = cell.colspan.max(1) as usize;
                for line in &mut grid[r..r + rowspan] {
                    for cc in col..col + colspan {
                        if slots >= MAX_GRID_SLOTS {
                            break;
                        }
                        if line.len() <= cc {
                            slots += cc + 1 - line.len();
                            line.resize(cc + 1, None);
                        }
                        // Overlapping spans (bad markup): the first cell keeps the slot.
                        if line[cc].is_none() {
                            line[cc] = Some((r, c));
                        }
                    }
                }
                col += colspan;
            }
        }
        grid
    }
}
