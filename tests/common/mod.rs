//! Helpers shared by the test binaries: reading reports, the real report and its fixture, the
//! test reports, and whether the slow tests run.
#![allow(dead_code)] // Each test binary uses its own share of these.

use std::{fs, path::PathBuf};

use gongkai::{id::BlockId, parse::parse_bytes, report::Report};

/// The real report every test knows.
pub const REAL: &str = "reports/bazhou-natural-resources-2023.txt";

/// Reads and parses a report file (any encoding the parser reads), naming it on failure.
pub fn read(path: &str) -> Report {
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_bytes(&bytes).unwrap_or_else(|e| panic!("{path}:{e}"))
}

pub fn real_text() -> String {
    fs::read_to_string(REAL).unwrap()
}

pub fn real() -> Report {
    read(REAL)
}

/// The real report's expected parse (`tests/fixtures`).
pub fn fixture() -> serde_json::Value {
    let text = fs::read_to_string("tests/fixtures/bazhou-natural-resources-2023.expected.json")
        .expect("fixture");
    serde_json::from_str(&text).expect("fixture is JSON")
}

/// Every test report in `tests/reports` (sorted by name), with its path.
pub fn test_reports() -> Vec<(String, Report)> {
    let mut paths: Vec<PathBuf> = fs::read_dir("tests/reports")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let path = p.display().to_string();
            let report = read(&path);
            (path, report)
        })
        .collect()
}

/// Every block of the report in document order with its text, as search and figures see it.
pub fn blocks(report: &Report) -> Vec<(BlockId, String)> {
    report
        .blocks()
        .map(|(id, text)| (id, text.into_owned()))
        .collect()
}

/// Whether the slow tests (10 MB inputs, many random cases) run: CI runs them in a step of
/// their own with `GONGKAI_SLOW_TESTS=1`; a developer's `cargo test` stays quick.
pub fn slow_tests() -> bool {
    std::env::var_os("GONGKAI_SLOW_TESTS").is_some_and(|v| v != "0")
}

/// Random cases per property: a few in a developer's run, many in CI's slow step.
pub fn proptest_cases() -> u32 {
    if slow_tests() {
        1024
    } else {
        64
    }
}

/// A figure as the tests compare it: `(raw, value, unit, qualifier, label)`.
pub type MetricRow<'a> = (&'a str, f64, &'a str, Option<&'a str>, &'a str);

/// Every figure of `report` as a [`MetricRow`], in document order.
pub fn metric_rows(report: &Report) -> Vec<MetricRow<'_>> {
    report
        .metrics
        .iter()
        .map(|m| {
            (
                m.raw.as_str(),
                m.value,
                m.unit.as_str(),
                m.qualifier.as_deref(),
                m.label.as_str(),
            )
        })
        .collect()
}

/// The texts of the paragraphs of section `id` (`2.3`), in order.
pub fn paragraph_texts<'r>(report: &'r Report, id: &str) -> Vec<&'r str> {
    let id = id.parse().unwrap_or_else(|e| panic!("{e}"));
    let section = report
        .section(&id)
        .unwrap_or_else(|| panic!("no section {id}"));
    section.paragraphs.iter().map(|p| p.text.as_str()).collect()
}
