//! Figures from table cells: a numeric cell that is not a header is a figure, labelled by its
//! row header(s) and column header(s), with the unit of the cell, else of its headers or the
//! table's caption (`（件）`, `单位：万元`), else 件 when they speak of 件数/数量.

use std::collections::{HashMap, HashSet};

use super::figure::{self, UNITS};
use crate::{
    id::{BlockId, SectionId},
    report::Metric,
    table::Table,
};

/// Joins the headers of a cell's label.
pub const LABEL_SEPARATOR: &str = " · ";

/// A number a cell holds on its own: value, unit as written (possibly empty) and where it
/// stands in the cell's characters.
#[derive(Debug, Clone, PartialEq)]
pub struct CellNumber {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub unit: String,
    pub qualifier: Option<&'static str>,
}

/// The number a cell holds, when the cell is nothing but a number (with its unit, if any):
/// `12`, `1,230`, `85%`, `1230.01万元`. Dashes, words and empty cells hold none.
pub fn cell_number(text: &str) -> Option<CellNumber> {
    let chars: Vec<char> = text.chars().collect();
    let start = chars.iter().position(|c| !c.is_whitespace())?;
    let end = chars.iter().rposition(|c| !c.is_whitespace())? + 1;
    let body: String = chars[start..end].iter().collect();
    let found = figure::figures(&body);
    if let [f] = found.as_slice() {
        if f.lead == 0 && f.end == end - start {
            return Some(CellNumber {
                start: start + f.start,
                end: start + f.end,
                value: f.value,
                unit: f.unit.clone(),
                qualifier: f.qualifier,
            });
        }
    }
    bare_number(&body).map(|value| CellNumber {
        start,
        end,
        value,
        unit: String::new(),
        qualifier: None,
    })
}

/// A number without a unit: digits with thousands commas and one decimal point, full-width
/// digits read too.
fn bare_number(s: &str) -> Option<f64> {
    let mut plain = String::new();
    for c in s.chars() {
        let c = match c {
            '０'..='９' => char::from_digit(crate::numerals::arabic_digit(c)?, 10)?,
            '．' => '.',
            '，' => ',',
            c => c,
        };
        plain.push(c);
    }
    let digits_first = plain.starts_with(|c: char| c.is_ascii_digit());
    let well_formed = plain
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && plain.matches('.').count() <= 1
        && !plain.ends_with(['.', ',']);
    if !digits_first || !well_formed {
        return None;
    }
    plain.replace(',', "").parse().ok()
}

/// A unit named in a header or caption: `（件）`, `(万元)`, `单位：件`, `金额（万元）`, with its
/// multiplier (万 ×10⁴, 亿 ×10⁸) and base unit.
pub fn declared_unit(text: &str) -> Option<(f64, String)> {
    let candidates = after_marker(text, "单位：")
        .into_iter()
        .chain(after_marker(text, "单位:"))
        .chain(in_brackets(text));
    for candidate in candidates {
        let candidate = candidate.trim();
        let (multiplier, rest) = if let Some(rest) = candidate.strip_prefix('万') {
            (1e4, rest)
        } else if let Some(rest) = candidate.strip_prefix('亿') {
            (1e8, rest)
        } else {
            (1.0, candidate)
        };
        if let Some(unit) = UNITS.iter().find(|u| **u == rest) {
            let unit = if *unit == "％" { "%" } else { unit };
            return Some((multiplier, unit.to_string()));
        }
    }
    None
}

fn after_marker<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    let at = text.find(marker)? + marker.len();
    let rest = &text[at..];
    let end = rest
        .find(['）', ')', '，', ',', '；', ' ', '\u{3000}'])
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

fn in_brackets(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(['（', '(']) {
        let after = &rest[open + rest[open..].chars().next().map_or(1, char::len_utf8)..];
        match after.find(['）', ')']) {
            Some(close) => {
                out.push(&after[..close]);
                rest = &after[close..];
            }
            None => break,
        }
    }
    out
}

/// Whether headers speak of counts of documents or requests (件数, 数量): the national
/// template's tables count 件 without saying so in each cell.
fn counts_items(text: &str) -> bool {
    text.contains("件数") || text.contains("数量")
}

type CellAt = (usize, usize);

/// Figures of a table block: one per numeric non-header cell, in row order. Its label is its
/// row's header cells to its left, then the nearest run of header cells above it in its column
/// (top first); a column header spanning every value column says nothing about any one of them
/// and is left out. One pass over the grid, so a huge table costs what its size does.
pub fn table_metrics(
    section: Option<&SectionId>,
    block: &BlockId,
    table: &Table,
    section_title: &str,
    out: &mut Vec<Metric>,
) {
    let grid = table.grid();
    let places = table.places();
    let mut index: HashMap<CellAt, usize> = HashMap::new();
    for (k, p) in places.iter().enumerate() {
        index.insert((p.row, p.cell), k);
    }
    let numbers: Vec<Option<CellNumber>> = places
        .iter()
        .map(|p| {
            let cell = &table.rows[p.row][p.cell];
            (!cell.header).then(|| cell_number(&cell.text)).flatten()
        })
        .collect();
    let is_header = |at: &CellAt| table.rows[at.0][at.1].header;
    let is_number = |at: &CellAt| index.get(at).is_some_and(|&k| numbers[k].is_some());
    // Columns holding numbers, and the columns each cell covers.
    let mut value_columns: HashSet<usize> = HashSet::new();
    let mut columns: HashMap<CellAt, (usize, usize)> = HashMap::new();
    for line in &grid {
        for (c, slot) in line.iter().enumerate() {
            if let Some(at) = slot {
                if is_number(at) {
                    value_columns.insert(c);
                }
                let range = columns.entry(*at).or_insert((c, c));
                range.0 = range.0.min(c);
                range.1 = range.1.max(c);
            }
        }
    }
    let spans_all = |at: &CellAt| {
        let (from, to) = columns[at];
        value_columns.len() >= 2 && value_columns.iter().all(|&c| from <= c && c <= to)
    };
    // Per cell with a number: its row headers and column headers, found walking the grid once.
    let mut labels: HashMap<CellAt, (Vec<CellAt>, Vec<CellAt>)> = HashMap::new();
    // Per column: the latest run of header cells, and whether a data slot came after it.
    let mut runs: Vec<(Vec<CellAt>, bool)> = Vec::new();
    for line in &grid {
        if runs.len() < line.len() {
            runs.resize(line.len(), (Vec::new(), false));
        }
        let mut row_headers: Vec<CellAt> = Vec::new();
        for (c, slot) in line.iter().enumerate() {
            let Some(at) = slot else { continue };
            let (run, closed) = &mut runs[c];
            if is_header(at) {
                if *closed {
                    run.clear();
                    *closed = false;
                }
                if run.last() != Some(at) {
                    run.push(*at);
                }
                if row_headers.last() != Some(at) {
                    row_headers.push(*at);
                }
                continue;
            }
            *closed = true;
            if is_number(at) && !labels.contains_key(at) {
                // The nearest header always stays: it names the column even when it spans all.
                let last = run.len().saturating_sub(1);
                let column_headers: Vec<CellAt> = run
                    .iter()
                    .enumerate()
                    .filter(|&(k, h)| !row_headers.contains(h) && (k == last || !spans_all(h)))
                    .map(|(_, h)| *h)
                    .collect();
                labels.insert(*at, (row_headers.clone(), column_headers));
            }
        }
    }
    let caption = table.caption.as_deref().unwrap_or("");
    let text_of = |at: &CellAt| table.rows[at.0][at.1].text.trim().to_string();
    let mut n = 0u32;
    for (k, place) in places.iter().enumerate() {
        let Some(number) = &numbers[k] else { continue };
        let Some((row_headers, column_headers)) = labels.get(&(place.row, place.cell)) else {
            continue;
        };
        let column_texts: Vec<String> = column_headers.iter().map(text_of).collect();
        let row_texts: Vec<String> = row_headers.iter().map(text_of).collect();
        let label = row_texts
            .iter()
            .chain(&column_texts)
            .map(|t| t.trim_end_matches(['：', ':']))
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(LABEL_SEPARATOR);
        // Nearest says most: the column's own header, then the row's, the caption, the section.
        let context: Vec<&str> = column_texts
            .iter()
            .rev()
            .chain(row_texts.iter().rev())
            .map(String::as_str)
            .chain([caption, section_title])
            .collect();
        let (multiplier, unit) = if number.unit.is_empty() {
            context
                .iter()
                .find_map(|t| declared_unit(t))
                .or_else(|| {
                    context
                        .iter()
                        .any(|t| counts_items(t))
                        .then(|| (1.0, "件".to_string()))
                })
                .unwrap_or((1.0, String::new()))
        } else {
            (1.0, number.unit.clone())
        };
        let label_inferred = label.is_empty();
        let label = if label_inferred {
            [caption, section_title]
                .into_iter()
                .find(|t| !t.is_empty())
                .unwrap_or("")
                .to_string()
        } else {
            label
        };
        let cell_text: Vec<char> = table.rows[place.row][place.cell].text.chars().collect();
        out.push(Metric {
            id: block.metric(n),
            section: section.cloned(),
            paragraph: block.clone(),
            span: [place.start + number.start, place.start + number.end],
            raw: cell_text[number.start..number.end].iter().collect(),
            value: number.value * multiplier,
            unit,
            qualifier: number.qualifier.map(str::to_string),
            label,
            label_inferred,
        });
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_are_numbers() {
        assert_eq!(
            cell_number(" 73 ").map(|n| (n.value, n.start, n.end)),
            Some((73.0, 1, 3))
        );
        assert_eq!(cell_number("1,230").map(|n| n.value), Some(1230.0));
        assert_eq!(cell_number("１２").map(|n| n.value), Some(12.0));
        let money = cell_number("1230.01万元").unwrap();
        assert_eq!((money.value, money.unit.as_str()), (12_300_100.0, "元"));
        for not_a_number in [
            "",
            "—",
            "-",
            "/",
            "自然人",
            "3-5",
            "2023年度",
            "1.",
            "第1项",
        ] {
            assert_eq!(cell_number(not_a_number), None, "{not_a_number}");
        }
    }

    #[test]
    fn units_declared_in_headers() {
        assert_eq!(declared_unit("金额（万元）"), Some((1e4, "元".to_string())));
        assert_eq!(declared_unit("单位：件"), Some((1.0, "件".to_string())));
        assert_eq!(
            declared_unit("本年收费金额(单位:万元)"),
            Some((1e4, "元".to_string()))
        );
        assert_eq!(
            declared_unit("处理人数（人）"),
            Some((1.0, "人".to_string()))
        );
        assert_eq!(declared_unit("法人或其他组织（商业企业）"), None);
        assert_eq!(declared_unit("本年制发件数"), None);
    }
}
