//! Search across a site's reports (the shelf): the searchable text gives back every block of
//! every report, and each report's hits are exactly what its own search finds.

mod common;

use common::{real, test_reports};
use gongkai::{
    report::Report,
    search::{
        shelf::{ShelfIndex, ShelfReport, ShelfText},
        tables_for, SearchIndex,
    },
};

/// The real report and every test report, as a shelf of one office per report.
fn shelf() -> (Vec<Report>, ShelfText) {
    let mut reports = vec![real()];
    reports.extend(test_reports().into_iter().map(|(_, r)| r));
    let text = ShelfText {
        tables: tables_for(reports.iter().flat_map(|r| {
            r.blocks()
                .flat_map(|(_, t)| t.chars().collect::<Vec<_>>())
                .collect::<Vec<_>>()
        })),
        reports: reports
            .iter()
            .enumerate()
            .map(|(n, r)| ShelfReport::new(&format!("r{n}"), &format!("机关{n}"), Some(2020), r))
            .collect(),
    };
    (reports, text)
}

#[test]
fn searchable_text_gives_back_every_block_with_its_id() {
    let (reports, text) = shelf();
    for (report, shelf_report) in reports.iter().zip(&text.reports) {
        let expected = common::blocks(report);
        let got: Vec<_> = shelf_report
            .blocks()
            .map(|(id, t)| (id, t.into_owned()))
            .collect();
        assert_eq!(got, expected, "{}", report.title);
        for (id, block) in &expected {
            assert_eq!(shelf_report.block_text(id), Some(block.as_str()), "{id}");
        }
        for section in report.all_sections() {
            assert_eq!(
                shelf_report.heading(&section.id),
                Some(section.heading_text().as_str())
            );
        }
    }
}

#[test]
fn searchable_text_reads_back_from_json() {
    let (_, text) = shelf();
    let json = serde_json::to_string(&text).unwrap();
    let back: ShelfText = serde_json::from_str(&json).unwrap();
    assert_eq!(back, text);
    // No figures, no line numbers, no warnings: only what search and its results need.
    assert!(!json.contains("\"metrics\"") && !json.contains("\"line\""));
}

#[test]
fn each_reports_hits_are_its_own_search() {
    let (reports, text) = shelf();
    let index = ShelfIndex::new(text);
    let queries = [
        "法治",
        "罚款",
        "gengdi",
        "執法",
        "１２３４５",
        "行政 复议",
        "zf",
        "2023",
        "（一）",
        "%",
        "g",
    ];
    for query in queries {
        let found = index.search(query);
        let mut total = 0;
        let mut with_hits = Vec::new();
        for (n, report) in reports.iter().enumerate() {
            let own = SearchIndex::new(report).search(query);
            if own.total > 0 {
                with_hits.push(n);
                total += own.total;
                let shelf_hits = found
                    .reports
                    .iter()
                    .find(|r| r.report == n)
                    .unwrap_or_else(|| panic!("{query}: report {n} missing"));
                assert_eq!(
                    shelf_hits.results.groups, own.groups,
                    "{query} in report {n}"
                );
                assert_eq!(shelf_hits.results.total, own.total);
            }
        }
        let listed: Vec<usize> = found.reports.iter().map(|r| r.report).collect();
        assert_eq!(listed, with_hits, "{query}: reports with hits, in order");
        assert_eq!(found.total, total, "{query}");
        assert!(found.suggestions.is_empty());
    }
    assert!(
        index.search("法").reports.len() > 3,
        "a common character is in most reports"
    );
}

#[test]
fn blank_query_finds_nothing_and_a_miss_suggests_what_matches() {
    let (_, text) = shelf();
    let index = ShelfIndex::new(text);
    for blank in ["", "   ", "\u{3000}"] {
        assert_eq!(index.search(blank), Default::default());
    }
    for miss in [
        "耕地保护督察整改落实情况汇报会议纪要",
        "gend",
        "行政复议 火星",
    ] {
        let found = index.search(miss);
        assert_eq!(found.total, 0, "{miss}");
        assert!(!found.suggestions.is_empty(), "{miss}: a suggestion");
        assert!(found.suggestions.len() <= 5);
        for suggestion in &found.suggestions {
            assert!(
                index.search(suggestion).total > 0,
                "{miss}: suggestion {suggestion} matches"
            );
        }
    }
}

/// The results list as the shelf shows it, rendered natively.
fn render_hits(text: ShelfText, query: &str) -> String {
    use gongkai::components::{Shared, ShelfHits, ShelfHitsProps};
    let index = Shared::leak(ShelfIndex::new(text));
    let query = query.to_string();
    let html = yew::ServerRenderer::<ShelfHits>::with_props(move || ShelfHitsProps {
        index,
        results: std::rc::Rc::new(index.search(&query)),
        query: query.into(),
        on_suggest: Default::default(),
    })
    .hydratable(false)
    .render();
    block_on(html)
}

fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(future)
}

#[test]
fn results_name_each_report_and_open_its_own_search_at_the_query() {
    let (_, text) = shelf();
    let index = ShelfIndex::new(text.clone());
    let found = index.search("行政复议");
    let html = render_hits(text.clone(), "行政复议");
    assert!(html.contains(&format!(
        "在 {} 篇报告中找到 {} 处",
        found.reports.len(),
        found.total
    )));
    for hits in &found.reports {
        let listed = &text.reports[hits.report];
        // The report's own search for the query, percent-encoded in its address.
        assert!(html.contains(&format!(
            "href=\"{}/#/search?q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE\"",
            listed.slug
        )));
        assert!(html.contains(&format!("{} 处", hits.results.total)));
        // Each snippet opens the report at its section's first hit.
        for group in hits.results.groups.iter().take(3) {
            assert!(html.contains(&format!(
                "href=\"{}/#/search?q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE&amp;at={}\"",
                listed.slug, group.blocks[0].block
            )));
        }
    }
    assert_eq!(
        html.matches("class=\"gk-shelf-hit\"").count(),
        found.reports.len().min(20)
    );
    assert!(html.contains("<mark class=\"gk-hit\">行政复议</mark>"));
    // Nothing found: said, with suggestions that match.
    let html = render_hits(text, "行政复议 火星");
    assert!(html.contains("没有找到“行政复议 火星”。"));
    assert!(html.contains("您是不是要找："));
}

#[test]
fn report_text_in_results_stays_text() {
    let hostile = gongkai::parse::parse(
        "<script>alert(1)</script>某局报告\n一、<img src=x onerror=alert(2)>工作\n罚款<b>100</b>万元&amp;\n",
    );
    let text = ShelfText {
        tables: tables_for(
            hostile
                .blocks()
                .flat_map(|(_, t)| t.chars().collect::<Vec<_>>())
                .collect::<Vec<_>>(),
        ),
        reports: vec![ShelfReport::new("r\"><x", "<i>局</i>", None, &hostile)],
    };
    let html = render_hits(text, "罚款");
    assert!(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>"));
    assert!(!html.contains("<i>") && !html.contains("\"><x"));
    assert!(
        html.contains("&lt;b&gt;100&lt;/b&gt;万元&amp;amp"),
        "{html}"
    );
}

#[test]
fn indexing_a_few_reports_at_a_time_gives_the_same_index() {
    let (_, text) = shelf();
    let whole = ShelfIndex::new(text.clone());
    let mut indexing = ShelfIndex::indexing(text);
    let mut steps = 0;
    while !indexing.step(2) {
        steps += 1;
    }
    assert!(steps >= 2, "the test reports take several steps of two");
    let stepped = indexing.finish();
    for query in ["行政复议", "法治", "xzfy", "12345"] {
        assert_eq!(stepped.search(query), whole.search(query), "{query}");
    }
}
