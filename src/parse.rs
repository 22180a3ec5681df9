//! Text → [`Report`]: strips portal chrome, keeps its metadata, and turns the body into paragraphs.

use crate::report::{Paragraph, Report};

/// Parses a report copied from a portal page.
pub fn parse(text: &str) -> Report {
    let mut report = Report::default();
    let mut have_title = false;
    for line in text.lines() {
        let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if line.is_empty() || is_chrome(line) {
            continue;
        }
        if !have_title {
            if let Some(crumbs) = breadcrumb(line) {
                report.breadcrumb = crumbs;
                continue;
            }
            report.title = line.to_string();
            have_title = true;
            continue;
        }
        let id = format!("p{}", report.preamble.len());
        report.preamble.push(Paragraph {
            id,
            text: line.to_string(),
        });
    }
    report
}

fn is_chrome(line: &str) -> bool {
    line.starts_with("扫一扫在手机打开当前页")
}

fn breadcrumb(line: &str) -> Option<Vec<String>> {
    let line = line.strip_prefix("当前位置：").unwrap_or(line);
    let crumbs: Vec<String> = line
        .split(['>', '＞'])
        .map(|s| s.trim().to_string())
        .collect();
    let well_formed = crumbs.len() >= 2 && crumbs.iter().all(|c| !c.is_empty() && !c.contains('<'));
    well_formed.then_some(crumbs)
}
