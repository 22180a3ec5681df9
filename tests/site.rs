//! `gongkai site`: the prerendered pages, their data blocks, the shelf and the shared viewer,
//! against a stand-in viewer folder (the real one needs the wasm build; the browser tests use
//! that).

mod common;

use std::{
    collections::HashSet,
    fs,
    path::{Path, PathBuf},
};

use gongkai::{
    app::{App, AppProps},
    components::Shared,
    parse::parse,
    publish::PageData,
    report::Report,
    site::{self, SiteOptions},
};
use yew::ServerRenderer;

/// A stand-in for `dist/`: the files `trunk build` writes, with made-up content, the preview's
/// and the shelf's search builds in their folders.
fn fake_viewer(dir: &Path) {
    write_files(
        dir,
        &[
            ("index.html", "<!DOCTYPE html><title>viewer</title>"),
            (
                "gongkai-loader.js",
                "import init from './gongkai-0123456789abcdef.js';",
            ),
            (
                "gongkai-0123456789abcdef.js",
                "export default function init() {}",
            ),
            ("gongkai-0123456789abcdef_bg.wasm", "\0asm"),
            ("gongkai-fedcba9876543210.css", ".gk-root {}"),
            ("gongkai-page-0011223344556677.css", "body { margin: 0; }"),
            ("favicon-8899aabbccddeeff.svg", "<svg/>"),
            ("embed.js", "/* embed */"),
        ],
    );
    write_files(
        &dir.join("preview"),
        &[
            ("index.html", "<!DOCTYPE html><title>预览</title>"),
            (
                "gongkai-loader.js",
                "import init from './gongkai-preview-0123456789abcdef.js';",
            ),
            ("gongkai-preview-0123456789abcdef_bg.wasm", "\0asm"),
        ],
    );
    write_files(
        &dir.join("shelf"),
        &[
            ("index.html", "<!DOCTYPE html><title>全库检索</title>"),
            (
                "gongkai-loader.js",
                "import init from './gongkai-shelf-0123456789abcdef.js';",
            ),
            (
                "gongkai-shelf-0123456789abcdef.js",
                "export default function init() {}",
            ),
            ("gongkai-shelf-0123456789abcdef_bg.wasm", "\0asm"),
        ],
    );
}

fn write_files(dir: &Path, files: &[(&str, &str)]) {
    fs::create_dir_all(dir).unwrap();
    for (name, content) in files {
        fs::write(dir.join(name), content).unwrap();
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gongkai-site-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn build(name: &str, reports: Vec<(PathBuf, Report)>, base_url: Option<&str>) -> PathBuf {
    let dir = temp_dir(name);
    let viewer = dir.join("dist");
    fake_viewer(&viewer);
    let out = dir.join("site");
    site::write_site(
        reports,
        &out,
        &SiteOptions {
            viewer: Some(viewer),
            base_url: base_url.map(str::to_string),
        },
    )
    .unwrap();
    out
}

/// The text between `open` and the next `close`.
fn between<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let start = html.find(open).unwrap_or_else(|| panic!("no {open}")) + open.len();
    let end = html[start..].find(close).unwrap() + start;
    &html[start..end]
}

/// The prerendered reader without Yew's hydration markers (`<!--…-->` comments).
fn without_comments(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find("<!--") {
        out.push_str(&rest[..at]);
        let end = rest[at..].find("-->").map_or(rest.len(), |e| at + e + 3);
        rest = &rest[end..];
    }
    out + rest
}

async fn component_render(report: Report) -> String {
    ServerRenderer::<App>::with_props(move || AppProps {
        report: Shared::leak(report),
        tables: None,
        address: Default::default(),
        address_key: Default::default(),
        public_base: None,
        history: None,
    })
    .hydratable(false)
    .render()
    .await
}

#[test]
fn every_test_report_page_holds_exactly_what_the_viewer_renders() {
    let reports: Vec<(PathBuf, Report)> = common::test_reports()
        .into_iter()
        .map(|(path, report)| (PathBuf::from(path), report))
        .chain([(PathBuf::from(common::REAL), common::real())])
        .collect();
    let out = build("all", reports.clone(), None);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let mut slugs = HashSet::new();
    for (i, (path, report)) in reports.into_iter().enumerate() {
        let slug = site::slug_for(&path, i, &mut slugs);
        let page = fs::read_to_string(out.join(&slug).join("index.html")).unwrap();
        let body = between(
            &page,
            "<div id=\"gongkai\">",
            "</div>\n<script type=\"application/json\"",
        );
        let expected = runtime.block_on(component_render(report.clone()));
        assert_eq!(without_comments(body), expected, "{}", path.display());
        // The data block reads back to the report, with its search tables.
        let json = between(&page, "id=\"gk-data\">", "</script>");
        let data = PageData::from_script_json(json).unwrap();
        assert_eq!(data.report, report, "{}", path.display());
        assert!(!data.search_tables.readings.is_empty() || report.title.is_empty());
    }
}

#[test]
fn hostile_report_text_stays_text_in_the_html_and_the_json() {
    let text = "标题<script>alert(1)</script>\n\
                前言</script><!-- 注释 --> &lt;b&gt; \"双\" '单' \u{2028}\u{2029} <img src=x onerror=alert(2)>。\n\
                一、主要工作</script>\n罚款1230万元<script>。\n";
    let report = parse(text);
    let out = build(
        "hostile",
        vec![(PathBuf::from("hostile.txt"), report.clone())],
        None,
    );
    let page = fs::read_to_string(out.join("hostile/index.html")).unwrap();
    // One script element opens the loader and one holds the data; nothing else is script.
    assert_eq!(page.matches("<script").count(), 2, "{page}");
    assert_eq!(page.matches("</script>").count(), 2);
    assert!(!page.contains("<img"));
    assert!(!page.contains("<!-- 注释"));
    let body = between(
        &page,
        "<div id=\"gongkai\">",
        "<script type=\"application/json\"",
    );
    assert!(
        body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{body}"
    );
    assert!(body.contains("&amp;lt;b&amp;gt;"));
    let json = between(&page, "id=\"gk-data\">", "</script>");
    for bad in ["<", ">", "\u{2028}", "\u{2029}"] {
        assert!(!json.contains(bad), "{bad:?} in the data block");
    }
    assert_eq!(PageData::from_script_json(json).unwrap().report, report);
    // The head's title and description are escaped too.
    let title = between(&page, "<title>", "</title>");
    assert_eq!(title, "标题&lt;script&gt;alert(1)&lt;/script&gt;");
}

#[test]
fn a_site_shares_one_viewer_and_lists_every_report() {
    let reports = vec![
        (PathBuf::from(common::REAL), common::real()),
        (
            PathBuf::from("tests/reports/county-justice-2023.txt"),
            common::read("tests/reports/county-justice-2023.txt"),
        ),
        // Same file name in another folder, and a name with no ASCII at all.
        (
            PathBuf::from("elsewhere/county-justice-2023.txt"),
            parse("某县司法局2024年报告\n一、工作\n正文。\n"),
        ),
        (PathBuf::from("报告.txt"), parse("某局报告\n正文。\n")),
        // A report whose name is the preview's folder does not take it.
        (PathBuf::from("preview.txt"), parse("某局报告\n正文。\n")),
    ];
    let out = build(
        "shared",
        reports,
        Some("https://portal.example.gov.cn/xxgk/fzbg"),
    );
    let mut slugs: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().into_string().unwrap())
        .collect();
    slugs.sort();
    assert_eq!(
        slugs,
        [
            "assets",
            "bazhou-natural-resources-2023",
            "county-justice-2023",
            "county-justice-2023-2",
            "preview",
            "report-4",
            "report-5"
        ]
    );
    // The preview page comes with the viewer, its own wasm beside it; never in assets/.
    assert!(out.join("preview/index.html").is_file());
    assert!(out
        .join("preview/gongkai-preview-0123456789abcdef_bg.wasm")
        .is_file());
    // The viewer once, with its hashed names, never its own index.html.
    let assets: HashSet<String> = fs::read_dir(out.join("assets"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(assets.contains("gongkai-0123456789abcdef_bg.wasm"));
    assert!(!assets.iter().any(|f| f.starts_with("index.html")));
    assert!(!assets.iter().any(|f| f.contains("preview")));
    let page = fs::read_to_string(out.join("county-justice-2023/index.html")).unwrap();
    assert!(
        page.contains(r#"<link rel="stylesheet" href="../assets/gongkai-fedcba9876543210.css">"#)
    );
    assert!(page.contains(r#"<script type="module" src="../assets/gongkai-loader.js"></script>"#));
    // Head: canonical address, description, the portal's meta tags, social previews.
    assert!(page.contains(
        r#"<link rel="canonical" href="https://portal.example.gov.cn/xxgk/fzbg/county-justice-2023/">"#
    ));
    assert!(page.contains(r#"<meta name="description" content=""#));
    assert!(page.contains(r#"<meta name="ArticleTitle" content=""#));
    assert!(page.contains(r#"<meta property="og:title" content=""#));
    // The printed address is the public one before any script runs.
    assert!(
        page.contains("本页地址：https://portal.example.gov.cn/xxgk/fzbg/county-justice-2023/#/")
    );
    // The shelf lists every report, linking to its folder.
    let shelf = fs::read_to_string(out.join("index.html")).unwrap();
    for slug in slugs
        .iter()
        .filter(|s| !["assets", "preview"].contains(&s.as_str()))
    {
        assert!(shelf.contains(&format!("href=\"{slug}/\"")), "{slug}");
    }
    assert!(shelf.contains("巴中市自然资源和规划局巴州分局关于2023年法治政府建设工作情况的报告"));
    // The filter: a radio button per office and per year, and the site's rules for them.
    let css = fs::read_to_string(out.join(site::SHELF_CSS)).unwrap();
    assert!(shelf.contains(&format!(
        "<link rel=\"stylesheet\" href=\"{}\">",
        site::SHELF_CSS
    )));
    for office in ["巴中市自然资源和规划局巴州分局", "某县司法局"] {
        let slug = site::office_slug(office);
        assert!(
            shelf.contains(&format!("id=\"gk-filter-{slug}\"")),
            "{office}"
        );
        assert!(
            shelf.contains(&format!("data-office=\"{slug}\"")),
            "{office}"
        );
        assert!(css.contains(&format!(
            ".gk-shelf:has(#gk-filter-{slug}:checked) .gk-shelf-office:not([data-office=\"{slug}\"])"
        )));
    }
    for year in ["2023", "2024"] {
        assert!(
            shelf.contains(&format!("id=\"gk-filter-year-{year}\"")),
            "{year}"
        );
        assert!(shelf.contains(&format!("data-year=\"{year}\"")), "{year}");
        assert!(css.contains(&format!(
            ".gk-shelf:has(#gk-filter-year-{year}:checked) .gk-shelf-item:not([data-year=\"{year}\"])"
        )));
    }
}

#[test]
fn a_missing_viewer_is_a_clear_error() {
    let dir = temp_dir("missing");
    let error = site::write_site(
        vec![(PathBuf::from("a.txt"), parse("标题\n正文。\n"))],
        &dir.join("site"),
        &SiteOptions {
            viewer: Some(dir.join("nothing-here")),
            base_url: None,
        },
    )
    .unwrap_err();
    assert!(error.contains("gongkai-loader.js"), "{error}");
    assert!(error.contains("nothing-here"), "{error}");
}

#[test]
fn the_shelf_groups_reports_by_office_newest_first_and_lines_up_their_figures() {
    let mut paths: Vec<PathBuf> = fs::read_dir("tests/series")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let reports: Vec<(PathBuf, Report)> = paths
        .iter()
        .map(|p| (p.clone(), common::read(&p.display().to_string())))
        .collect();
    let offices: HashSet<String> = reports
        .iter()
        .map(|(_, r)| gongkai::compare::report_office(r))
        .collect();
    assert!(offices.len() >= 2, "{offices:?}");
    let out = build("shelf", reports.clone(), None);
    let shelf = fs::read_to_string(out.join("index.html")).unwrap();
    // One section per office, each listing its reports newest year first.
    assert_eq!(
        shelf.matches("class=\"gk-shelf-office\"").count(),
        offices.len()
    );
    for office in &offices {
        let section = between(&shelf, &format!(">{office}</h2>"), "</section>");
        let years: Vec<i32> = reports
            .iter()
            .filter(|(_, r)| &gongkai::compare::report_office(r) == office)
            .filter_map(|(_, r)| gongkai::compare::report_year(r))
            .collect();
        let shown: Vec<usize> = years
            .iter()
            .map(|y| section.find(&format!("{y} 年度")).unwrap())
            .collect();
        let mut by_year: Vec<(i32, usize)> = years.into_iter().zip(shown).collect();
        by_year.sort();
        assert!(
            by_year.windows(2).all(|w| w[0].1 > w[1].1),
            "{office}: not newest first"
        );
        // Figures lined up year over year, each linking to its sentence in its report.
        assert!(section.contains("<caption>历年对比</caption>"), "{office}");
    }
    let comparison = gongkai::compare::compare(
        &reports
            .iter()
            .map(|(p, r)| (p.display().to_string(), r.clone()))
            .collect::<Vec<_>>(),
    );
    let series = &comparison.series[0];
    for value in &series.values {
        let path = PathBuf::from(&comparison.reports[value.report].file);
        let slug = path.file_stem().unwrap().to_string_lossy().to_string();
        assert!(
            shelf.contains(&format!("href=\"{slug}/#/m/{}\"", value.metric_id)),
            "{slug} {}",
            value.metric_id
        );
    }
    // Every report shows figures that lead back to their sentences.
    assert!(shelf.matches("class=\"gk-shelf-figures\"").count() >= reports.len() - 1);
}

/// The `site` fuzz target's rules (`gongkai::page_check`) hold for every test report and for
/// text made of markup, and they catch a page that lets markup through.
#[test]
fn published_pages_reread_by_an_html_parser_keep_report_text_as_text() {
    use gongkai::page_check::{check_page, check_page_html};
    for (path, report) in common::test_reports() {
        check_page(&report).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    check_page(&common::real()).unwrap();
    let hostile = parse(
        "标题<script>window.x=1</script>\n一、<img src=x onerror=\"window.x=1\">\n\
         正文</script><!-- &lt; \u{2028} <a href=\"javascript:window.x=1\">点我</a> {{7*7}} ${x}\n\
         （一）<iframe src=\"https://example.com\"></iframe>\n办理行政复议案件12件。\u{202e}反向\u{200b}\n",
    );
    check_page(&hostile).unwrap();
    // The check fails on what it guards against.
    let report = parse("标题\n一、工作\n正文。\n");
    let data = PageData::new(report.clone());
    let good = {
        let dir = temp_dir("check");
        fake_viewer(&dir.join("dist"));
        site::write_site(
            vec![(PathBuf::from("r.txt"), report.clone())],
            &dir.join("site"),
            &SiteOptions {
                viewer: Some(dir.join("dist")),
                base_url: None,
            },
        )
        .unwrap();
        fs::read_to_string(dir.join("site/r/index.html")).unwrap()
    };
    check_page_html(&good, &report, &data).unwrap();
    for (what, bad) in [
        (
            "handler",
            good.replace("<p id=\"gk-p-1.p0\"", "<p onclick=\"x()\" id=\"gk-p-1.p0\""),
        ),
        (
            "script",
            good.replace("正文。", "正文。<script>x()</script>"),
        ),
        ("text", good.replace("正文。", "正文")),
    ] {
        assert!(check_page_html(&bad, &report, &data).is_err(), "{what}");
    }
}

/// 历年对比 pages: one per office whose figures line up, linked from the shelf; each series a
/// bar per value (the largest full height) over a table whose every value links to its figure
/// in its own report; office names, labels and figures only as text.
#[test]
fn each_office_with_series_gets_a_comparison_page_of_charts_and_tables() {
    use scraper::{Html, Selector};
    let files: Vec<PathBuf> = fs::read_dir("tests/series")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    let mut reports: Vec<(PathBuf, Report)> = files
        .iter()
        .map(|p| (p.clone(), common::read(p.to_str().unwrap())))
        .collect();
    // An office whose figures are labelled with markup.
    for year in [2022, 2023] {
        reports.push((
            PathBuf::from(format!("hostile-{year}.txt")),
            parse(&format!(
                "某县审计局{year}年法治政府建设工作情况的报告\n一、工作\n\
                 全年办理<img src=x onerror=alert(1)>审计项目{}个。\n",
                year - 2000
            )),
        ));
    }
    let out = build("compare-pages", reports.clone(), None);
    let named: Vec<(String, Report)> = reports
        .iter()
        .map(|(p, r)| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                r.clone(),
            )
        })
        .collect();
    let comparison = gongkai::compare::compare(&named);
    let shelf = fs::read_to_string(out.join("index.html")).unwrap();
    let select = |css: &str| Selector::parse(css).unwrap();
    let mut offices: Vec<&str> = comparison
        .series
        .iter()
        .map(|s| comparison.office_of(s))
        .collect();
    offices.dedup();
    assert!(offices.len() >= 3, "offices with series: {offices:?}");
    for office in offices {
        let slug = site::office_slug(office);
        assert!(
            shelf.contains(&format!("href=\"compare/{slug}/\"")),
            "{office}"
        );
        let page = fs::read_to_string(out.join("compare").join(&slug).join("index.html")).unwrap();
        let document = Html::parse_document(&page);
        assert_eq!(
            document.select(&select("script, img, iframe")).count(),
            0,
            "{office}"
        );
        assert!(document
            .root_element()
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
            .all(|e| e.value().attrs().all(|(a, _)| !a.starts_with("on"))));
        let h1: String = document
            .select(&select("h1"))
            .next()
            .unwrap()
            .text()
            .collect();
        assert_eq!(h1, format!("{office}：历年对比"));
        let series: Vec<_> = comparison
            .series
            .iter()
            .filter(|s| comparison.office_of(s) == office)
            .collect();
        let sections: Vec<_> = document.select(&select("section.gk-series")).collect();
        assert_eq!(sections.len(), series.len(), "{office}");
        for (section, s) in sections.iter().zip(&series) {
            let heading: String = section
                .select(&select("h2"))
                .next()
                .unwrap()
                .text()
                .collect();
            assert_eq!(heading, s.label);
            let bars: Vec<f64> = section
                .select(&select("svg rect.gk-bar"))
                .map(|r| r.value().attr("height").unwrap().parse().unwrap())
                .collect();
            assert_eq!(bars.len(), s.values.len(), "{}", s.label);
            let largest = s.values.iter().map(|v| v.value).fold(0.0, f64::max);
            for (bar, v) in bars.iter().zip(&s.values) {
                if largest > 0.0 {
                    let expected = v.value / largest * 122.0;
                    assert!(
                        (bar - expected.max(1.0)).abs() < 0.11,
                        "{}: {bar} vs {expected}",
                        s.label
                    );
                }
            }
            let links: Vec<String> = section
                .select(&select("table a"))
                .map(|a| a.value().attr("href").unwrap().to_string())
                .collect();
            assert_eq!(links.len(), s.values.len());
            for (link, v) in links.iter().zip(&s.values) {
                let (folder, id) = link
                    .strip_prefix("../../")
                    .and_then(|l| l.split_once("/#/m/"))
                    .unwrap_or_else(|| panic!("{link}"));
                assert!(out.join(folder).join("index.html").is_file(), "{link}");
                assert_eq!(id, v.metric_id.to_string());
                let report = &reports[v.report].1;
                assert!(report.metric(&v.metric_id).is_some(), "{link}");
            }
        }
    }
    // Each report's page carries its figures' series for the cards: every series the report
    // is in, its own value unlinked, the others linking to their figure in their report.
    for (i, (path, report)) in reports.iter().enumerate() {
        let slug = path.file_stem().unwrap().to_string_lossy().into_owned();
        let page = fs::read_to_string(out.join(&slug).join("index.html")).unwrap();
        let data =
            PageData::from_script_json(between(&page, "id=\"gk-data\">", "</script>")).unwrap();
        let expected = comparison
            .series
            .iter()
            .filter(|s| s.values.iter().any(|v| v.report == i))
            .count();
        assert_eq!(data.history.len(), expected, "{slug}");
        for history in &data.history {
            let metric = report
                .metric(&history.metric)
                .expect("a figure of the report");
            let own: Vec<_> = history.values.iter().filter(|v| v.href.is_none()).collect();
            assert_eq!(own.len(), 1, "{slug} {}", history.metric);
            assert_eq!(own[0].raw, metric.raw);
            assert!(history.values.len() >= 2);
            assert!(history.values.windows(2).all(|w| w[0].year <= w[1].year));
            for value in history.values.iter().filter(|v| v.href.is_some()) {
                let href = value.href.as_deref().unwrap();
                let (folder, id) = href
                    .strip_prefix("../")
                    .and_then(|h| h.split_once("/#/m/"))
                    .unwrap_or_else(|| panic!("{href}"));
                let other = reports
                    .iter()
                    .find(|(p, _)| p.file_stem().unwrap().to_string_lossy() == folder)
                    .unwrap_or_else(|| panic!("{href}"));
                let figure = other.1.metric(&id.parse().unwrap()).expect("its figure");
                assert_eq!(figure.raw, value.raw, "{href}");
            }
        }
    }
    // The markup in a label is text.
    let page = fs::read_to_string(
        out.join("compare")
            .join(site::office_slug("某县审计局"))
            .join("index.html"),
    )
    .unwrap();
    assert!(page.contains("&gt;审计项目"), "the label, escaped");
}

/// The real report and every test report, as `write_site` takes them.
fn real_and_test_reports() -> Vec<(PathBuf, Report)> {
    let mut reports = vec![(PathBuf::from(common::REAL), common::real())];
    reports.extend(
        common::test_reports()
            .into_iter()
            .map(|(path, report)| (PathBuf::from(path), report)),
    );
    reports
}

/// The site's searchable text (`search-<hash>.bin`, packed JSON, or `search-<hash>.json`)
/// and the shelf's search box.
fn search_file(out: &Path) -> (String, gongkai::search::shelf::ShelfText) {
    let names: Vec<String> = fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("search-") && (n.ends_with(".bin") || n.ends_with(".json")))
        .collect();
    assert_eq!(names.len(), 1, "one search file: {names:?}");
    let bytes = fs::read(out.join(&names[0])).unwrap();
    assert_eq!(
        gongkai::textpack::is_packed(&bytes),
        names[0].ends_with(".bin"),
        "{}",
        names[0]
    );
    let json = if names[0].ends_with(".bin") {
        gongkai::textpack::unpack(&bytes).expect("search file unpacks")
    } else {
        String::from_utf8(bytes).unwrap()
    };
    (
        names[0].clone(),
        serde_json::from_str(&json).expect("search file reads back"),
    )
}

#[test]
fn the_shelf_searches_every_report_from_one_file_fetched_on_first_use() {
    let reports = real_and_test_reports();
    let out = build("shelf-search", reports.clone(), None);
    let shelf = fs::read_to_string(out.join("index.html")).unwrap();
    let (name, text) = search_file(&out);

    // The box names the file and the shelf's own search script; the script and the noscript
    // stylesheet that hides the box are there.
    assert!(
        shelf.contains(&format!("data-search=\"{name}\"")),
        "{shelf}"
    );
    assert!(shelf.contains("<input type=\"search\" id=\"gk-shelf-q\""));
    assert!(shelf.contains("<div id=\"gk-shelf-results\""));
    assert!(
        shelf.contains("<script type=\"module\" src=\"assets/shelf/gongkai-loader.js\"></script>")
    );
    assert!(out.join("assets/shelf/gongkai-loader.js").is_file());
    assert!(out
        .join("assets/shelf/gongkai-shelf-0123456789abcdef_bg.wasm")
        .is_file());
    assert!(!out.join("assets/shelf/index.html").exists());
    assert!(shelf
        .contains("<noscript><link rel=\"stylesheet\" href=\"shelf-noscript.css\"></noscript>"));
    let noscript = fs::read_to_string(out.join("shelf-noscript.css")).unwrap();
    assert!(noscript.contains("#gk-shelf-search") && noscript.contains("display: none"));
    // Report pages never load the shelf's search.
    let page = fs::read_to_string(out.join("bazhou-natural-resources-2023/index.html")).unwrap();
    assert!(!page.contains("assets/shelf/") && !page.contains(&name));

    // Every report once, in the shelf's order (the order its titles are listed in), each with
    // every block of its text.
    assert_eq!(text.reports.len(), reports.len());
    let mut at = 0;
    for listed in &text.reports {
        let link = format!("class=\"gk-shelf-title\" href=\"{}/\"", listed.slug);
        let found = shelf[at..]
            .find(&link)
            .unwrap_or_else(|| panic!("{} in order", listed.slug));
        at += found + link.len();
        assert_eq!(
            listed
                .blocks()
                .map(|(id, t)| (id, t.into_owned()))
                .collect::<Vec<_>>(),
            common::blocks(&listed_report(listed, &reports)),
            "{}",
            listed.slug
        );
    }
    // One set of tables for every report's characters: readings and Traditional forms.
    assert!(text.tables.readings.lines().any(|l| l.starts_with('法')));
    assert!(text.tables.simplified.contains('執'));

    // A rebuild with other reports replaces the file.
    let dir = out.parent().unwrap().to_path_buf();
    site::write_site(
        vec![(
            PathBuf::from("a.txt"),
            parse("某局2022年工作报告\n一、工作\n行政复议案件52件。\n"),
        )],
        &out,
        &SiteOptions {
            viewer: Some(dir.join("dist")),
            base_url: None,
        },
    )
    .unwrap();
    let (_, text) = search_file(&out);
    assert_eq!(text.reports.len(), 1);
}

/// The report a listed entry was made from, by its slug.
fn listed_report(
    listed: &gongkai::search::shelf::ShelfReport,
    reports: &[(PathBuf, Report)],
) -> Report {
    reports
        .iter()
        .find(|(path, _)| path.file_stem().unwrap().to_string_lossy().to_lowercase() == listed.slug)
        .map(|(_, r)| r.clone())
        .unwrap_or_else(|| panic!("no report for {}", listed.slug))
}

#[test]
fn without_the_shelf_search_build_the_shelf_has_no_search_box() {
    let dir = temp_dir("no-shelf-search");
    let viewer = dir.join("dist");
    fake_viewer(&viewer);
    let out = dir.join("site");
    let publish = || {
        site::write_site(
            vec![(PathBuf::from(common::REAL), common::real())],
            &out,
            &SiteOptions {
                viewer: Some(viewer.clone()),
                base_url: None,
            },
        )
        .unwrap()
    };
    // A site first built with the shelf's search, then rebuilt with a viewer without it: the
    // last build's search files go too.
    publish();
    fs::remove_dir_all(viewer.join("shelf")).unwrap();
    publish();
    let shelf = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!shelf.contains("gk-shelf-search") && !shelf.contains("<script"));
    assert!(!out.join("shelf-noscript.css").exists());
    assert!(fs::read_dir(&out).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .starts_with("search-")));
}

#[test]
fn gongkai_unpack_prints_the_json_of_the_search_file_and_names_a_file_it_cannot_read() {
    let out = build(
        "unpack",
        vec![(PathBuf::from(common::REAL), common::real())],
        None,
    );
    let (name, text) = search_file(&out);
    let run = |path: &Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_gongkai"))
            .arg("unpack")
            .arg(path)
            .output()
            .unwrap()
    };
    let output = run(&out.join(&name));
    assert!(output.status.success(), "{output:?}");
    let printed: gongkai::search::shelf::ShelfText =
        serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(printed, text);
    assert_eq!(printed.reports[0].title, common::real().title);

    let output = run(Path::new(common::REAL));
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8(output.stderr).unwrap();
    assert!(
        message.contains(common::REAL) && message.contains("不是压缩文本"),
        "{message}"
    );
}

#[test]
fn the_search_file_is_packed_unless_gzip_sends_it_smaller() {
    // Different reports, sharing only the genre's wording: packed.
    let reports = real_and_test_reports();
    let out = build("search-packed", reports, None);
    let (name, _) = search_file(&out);
    assert!(name.ends_with(".bin"), "{name}");
    assert!(
        !out.join(format!("{name}.gz")).exists() || {
            let gz = fs::metadata(out.join(format!("{name}.gz"))).unwrap().len();
            gz < fs::metadata(out.join(&name)).unwrap().len()
        }
    );

    // One report published eight times, word for word: gzip's window finds each copy in the
    // one before, and the JSON with its gzip copy is sent.
    let copies = (0..8)
        .map(|i| (PathBuf::from(format!("copy-{i}.txt")), common::real()))
        .collect();
    let out = build("search-json", copies, None);
    let (name, text) = search_file(&out);
    assert!(name.ends_with(".json"), "{name}");
    assert!(out.join(format!("{name}.gz")).exists());
    assert_eq!(text.reports.len(), 8);
    let shelf = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(shelf.contains(&format!("data-search=\"{name}\"")));
}
