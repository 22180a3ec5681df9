//! Components rendered natively with Yew's `ServerRenderer`: what a reader (or a crawler, once
//! the page is prerendered) gets before any script runs.

use gongkai::{
    app::{App, AppProps},
    components::Shared,
    parse::parse,
    route::{Address, AddressKey, Route},
};
use yew::ServerRenderer;

async fn render_at(text: &str, route: Route) -> String {
    render_keyed(text, route, AddressKey::Hash).await
}

/// The viewer as `main` starts it, its address kept under `address_key`.
async fn render_keyed(text: &str, route: Route, address_key: AddressKey) -> String {
    render_report(parse(text), route, address_key).await
}

async fn render_report(
    report: gongkai::report::Report,
    route: Route,
    address_key: AddressKey,
) -> String {
    ServerRenderer::<App>::with_props(move || AppProps {
        report: Shared::leak(report),
        tables: None,
        address: Address {
            route,
            embed: false,
            at: None,
        },
        address_key,
        public_base: None,
        history: None,
    })
    .hydratable(false)
    .render()
    .await
}

async fn render(text: &str) -> String {
    render_at(text, Route::Start).await
}

/// Whether some start tag in `html` has all of `attributes` (in any order).
fn has_tag(html: &str, attributes: &[&str]) -> bool {
    html.split('<')
        .map(|tag| tag.split('>').next().unwrap_or(""))
        .any(|tag| attributes.iter().all(|a| tag.contains(a)))
}

/// A short excerpt for failure messages: the whole page would drown the report.
fn near<'a>(html: &'a str, needle: &str) -> &'a str {
    let at = html.find(needle).unwrap_or(0);
    let start = html.floor_char_boundary(at.saturating_sub(200));
    let end = html.ceil_char_boundary((at + 400).min(html.len()));
    &html[start..end]
}

/// The text of `html` between the first `open` and the next `close`.
fn between<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let start = html.find(open).unwrap_or_else(|| panic!("no {open}")) + open.len();
    let end = html[start..].find(close).unwrap() + start;
    &html[start..end]
}

const SAMPLE: &str = "政务公开 > 某局 > 其他法定信息\n某局2023年法治政府建设工作报告\n\
2024-03-06 10:40 来源: 某局 作者:张三\n前言。\n一、总体情况\n（一）第一项。正文一，收缴罚款1230.01万元。\n\
1.细项。一是查处违法用地11宗；二是按时办结率100%。\n二、下一步打算\n";

#[tokio::test]
async fn title_is_the_only_h1_and_paragraphs_render_in_order() {
    let html = render(SAMPLE).await;
    assert_eq!(html.matches("<h1").count(), 1);
    assert!(
        html.contains(">某局2023年法治政府建设工作报告</h1>"),
        "{}",
        near(&html, "<h1")
    );
    let text = between(&html, r##"id="gk-text""##, "</div>");
    let order: Vec<usize> = [
        "前言。",
        "总体情况",
        "第一项",
        "正文一",
        "细项",
        "下一步打算",
    ]
    .iter()
    .map(|t| text.find(t).unwrap_or_else(|| panic!("{t} missing")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
}

#[tokio::test]
async fn header_shows_breadcrumb_time_source_and_author() {
    let html = render(SAMPLE).await;
    let header = between(&html, "<header", "</header>");
    assert!(header.contains(r##"aria-label="当前位置""##), "{header}");
    for crumb in ["政务公开", "某局", "其他法定信息"] {
        assert!(header.contains(&format!("<li>{crumb}</li>")), "{header}");
    }
    for (term, value) in [
        ("发布时间", "2024-03-06 10:40"),
        ("来源", "某局"),
        ("作者", "张三"),
    ] {
        assert!(
            header.contains(&format!("<dt>{term}</dt><dd>{value}</dd>")),
            "{header}"
        );
    }
}

#[tokio::test]
async fn report_text_is_escaped_not_interpreted() {
    let html =
        render("<script>alert(1)</script>\n<b>正文</b>\n一、<img src=x onerror=alert(1)>标题\n")
            .await;
    assert!(!html.contains("<script>"), "{}", near(&html, "script"));
    assert!(!html.contains("<b>"), "{}", near(&html, "<b>"));
    assert!(!html.contains("<img"), "{}", near(&html, "<img"));
    assert!(html.contains("&lt;script&gt;"), "{}", near(&html, "script"));
}

#[tokio::test]
async fn sections_render_as_nested_headings_with_section_links() {
    let html = render(SAMPLE).await;
    for (tag, id) in [("h2", "1"), ("h3", "1.1"), ("h4", "1.1.1"), ("h2", "2")] {
        let open = format!("{tag} ");
        let element_id = format!(r#"id="gk-s-{id}""#);
        let section = format!(r#"data-section="{id}""#);
        assert!(
            has_tag(&html, &[&open, &element_id, &section, "gk-heading"]),
            "{}",
            near(&html, &element_id)
        );
        assert!(
            has_tag(&html, &[&format!(r##"href="#/s/{id}""##), "gk-number"]),
            "{id}"
        );
    }
}

#[tokio::test]
async fn outline_is_a_nav_of_nested_links_to_sections() {
    let html = render(SAMPLE).await;
    let nav = between(&html, r##"<nav id="gk-outline""##, "</nav>");
    let links: Vec<&str> = nav
        .match_indices("href=\"#/s/")
        .map(|(i, _)| &nav[i + 10..i + 10 + nav[i + 10..].find('"').unwrap()])
        .collect();
    assert_eq!(links, ["1", "1.1", "1.1.1", "2"]);
    // Nested: the (一) entry sits in a list inside 一、's item.
    assert!(nav.contains("总体情况</a><ol>"), "{nav}");
}

#[tokio::test]
async fn figures_are_marked_in_the_text_and_enumerations_are_items() {
    let html = render(SAMPLE).await;
    assert!(
        has_tag(
            &html,
            &[
                r#"id="/m/1.1.p0.m0""#,
                r##"href="#/cards?m=1.1.p0.m0""##,
                r#"class="gk-figure""#
            ]
        ),
        "{}",
        near(&html, "1230.01")
    );
    assert!(
        html.contains(r#"class="gk-figure">1230.01万元</a>"#),
        "{}",
        near(&html, "1230.01")
    );
    let paragraph = between(&html, r##"<p id="gk-p-1.1.1.p0">"##, "</p>");
    assert_eq!(
        paragraph.matches(r##"<span class="gk-item">"##).count(),
        2,
        "{paragraph}"
    );
}

#[tokio::test]
async fn cards_view_groups_cards_by_section_and_each_reads_as_a_sentence() {
    let html = render_at(SAMPLE, Route::Cards { focus: None }).await;
    let cards = between(&html, r##"id="gk-cards""##, "</main>");
    assert!(
        !cards.split('>').next().unwrap().contains("hidden"),
        "cards view should be shown"
    );
    assert_eq!(cards.matches("data-metric-id=").count(), 3, "{cards}");
    assert!(
        has_tag(
            cards,
            &[
                r#"data-metric-id="1.1.p0.m0""#,
                r#"aria-label="收缴罚款 1230.01 万元""#,
                r##"href="#/m/1.1.p0.m0""##
            ]
        ),
        "{cards}"
    );
    let groups: Vec<&str> = cards
        .match_indices("gk-card-group-title\">")
        .map(|(i, _)| &cards[i + 21..i + 21 + cards[i + 21..].find('<').unwrap()])
        .collect();
    assert_eq!(groups, ["要点", "（一）第一项", "1.细项"]);
    // The lead: money, then cases, then rates (`metrics::lead`), each linking to its figure.
    let lead = between(cards, r#"class="gk-lead-list""#, "</ul>");
    let hrefs: Vec<&str> = lead
        .match_indices(r##"href="#/m/"##)
        .map(|(i, _)| &lead[i + 10..i + 10 + lead[i + 10..].find('"').unwrap()])
        .collect();
    assert_eq!(hrefs, ["1.1.p0.m0", "1.1.1.p0.m0", "1.1.1.p0.m1"], "{lead}");
    // A rate is drawn out of 100 %, in its card and in the lead; a count is not.
    let bars: Vec<&str> = cards
        .match_indices("<rect ")
        .map(|(i, _)| &cards[i..i + cards[i..].find('>').unwrap()])
        .filter(|tag| tag.contains("gk-rate-value"))
        .collect();
    assert_eq!(bars.len(), 2, "{cards}");
    assert!(
        bars.iter().all(|tag| tag.contains(r#"width="100.0""#)),
        "{bars:?}"
    );
    // The text is still in the page (for print), hidden.
    assert!(
        has_tag(&html, &[r#"id="gk-text""#, "hidden"]),
        "{}",
        near(&html, "gk-text")
    );
}

#[tokio::test]
async fn a_figure_address_highlights_it_in_place() {
    let html = render_at(SAMPLE, Route::Metric("1.1.p0.m0".parse().unwrap())).await;
    assert!(
        has_tag(&html, &[r#"id="/m/1.1.p0.m0""#, "gk-figure--current"]),
        "{}",
        near(&html, "1230.01")
    );
    assert_eq!(html.matches("gk-figure--current").count(), 1);
    assert!(!html.contains("gk-notice"));
}

#[tokio::test]
async fn unknown_addresses_show_the_start_with_a_notice() {
    for route in [
        Route::Unknown("/nope".into()),
        Route::Section("9.9".parse().unwrap()),
        Route::Metric("9.p0.m0".parse().unwrap()),
    ] {
        let html = render_at(SAMPLE, route.clone()).await;
        assert!(
            has_tag(&html, &[r#"class="gk-notice""#, r#"role="status""#]),
            "{route:?}"
        );
        assert!(
            html.contains(">某局2023年法治政府建设工作报告</h1>"),
            "{route:?}"
        );
    }
}

#[tokio::test]
async fn real_report_renders_with_its_title_and_all_its_cards() {
    let text = std::fs::read_to_string("reports/bazhou-natural-resources-2023.txt").unwrap();
    let report = parse(&text);
    let html = render_at(&text, Route::Cards { focus: None }).await;
    assert!(html.contains(&report.title));
    assert_eq!(
        html.matches("data-metric-id=").count(),
        report.metrics.len()
    );
}

/// In a portal's page (`<div data-gongkai>`), before any effect runs.
#[tokio::test]
async fn mounted_viewer_is_one_root_marked_mounted_with_the_usual_links() {
    let text = include_str!("reports/county-justice-2023.txt");
    let html = render_keyed(
        text,
        Route::Section("1".parse().unwrap()),
        AddressKey::query(None),
    )
    .await;
    assert!(html.starts_with("<div class=\"gk-root "), "{}", &html[..80]);
    let root_tag = &html[..html.find('>').unwrap()];
    assert!(root_tag.contains("gk-mounted"), "{root_tag}");
    // Links keep their hash form (followed by the viewer itself when clicked).
    assert!(html.contains("href=\"#/s/1\""));
    assert!(html.ends_with("</div>"));
    let own_page = render_keyed(text, Route::Start, AddressKey::Hash).await;
    let root_tag = &own_page[..own_page.find('>').unwrap()];
    assert!(!root_tag.contains("gk-mounted"), "{root_tag}");
}

/// A report read from a saved page, rendered at `route`.
async fn render_page(markup: &'static str, route: Route) -> String {
    render_report(gongkai::html::parse_html(markup), route, AddressKey::Hash).await
}

const TABLE_PAGE: &str = "<html><head><meta name=\"ArticleTitle\" content=\"某局2023年政府信息公开工作年度报告\"></head>\
    <body><div id=\"zoom\"><p>一、收到和处理政府信息公开申请情况</p>\
    <table><tr><td rowspan=\"2\">项目</td><td colspan=\"2\">申请人情况</td></tr>\
    <tr><td>自然人</td><td>法人或其他组织</td></tr>\
    <tr><td>本年新收申请数量</td><td>8</td><td>1</td></tr>\
    <tr><td>予以公开<script>alert(1)</script></td><td>5</td><td>1</td></tr></table>\
    <p>二、其他需要报告的事项</p><p>无。</p></div></body></html>";

#[tokio::test]
async fn tables_render_as_accessible_scrolling_tables() {
    let html = render_page(TABLE_PAGE, Route::Start).await;
    // The scroll box: named by the section (no caption), focusable, deep-linkable by block id.
    assert!(
        has_tag(
            &html,
            &[
                "gk-table-wrap",
                r#"role="region""#,
                r#"aria-label="收到和处理政府信息公开申请情况""#,
                r#"tabindex="0""#,
                r#"id="gk-p-1.p0""#
            ]
        ),
        "{}",
        near(&html, "gk-table-wrap")
    );
    let table = between(&html, "<table", "</table>");
    assert!(
        has_tag(table, &["th", r#"scope="col""#, r#"rowspan="2""#]),
        "{table}"
    );
    assert!(
        has_tag(table, &["th", r#"scope="col""#, r#"colspan="2""#]),
        "{table}"
    );
    assert!(has_tag(table, &["th", r#"scope="row""#]), "{table}");
    assert_eq!(table.matches("<tr").count(), 4, "{table}");
    // Cells with numbers are figures linking to their cards; markup in cells is never markup.
    assert!(
        has_tag(table, &["gk-figure", r#"data-figure-id="1.p0.m0""#]),
        "{table}"
    );
    assert!(!html.contains("<script>alert"), "{}", near(&html, "alert"));
    // The table is not inside a <p>.
    assert!(!html.contains("<p id=\"gk-p-1.p0\""));
}

#[tokio::test]
async fn search_hits_inside_cells_are_marked_and_numbered_per_block() {
    let html = render_page(TABLE_PAGE, Route::Search("公开".to_string())).await;
    let table = between(&html, "<table", "</table>");
    // 予以公开 is the only cell with the word: the block's first hit.
    assert!(
        has_tag(table, &["mark", "gk-hit", r#"data-hit="0""#]),
        "{table}"
    );
    assert_eq!(table.matches("<mark").count(), 1, "{table}");
}

#[tokio::test]
async fn cards_group_a_tables_figures_under_the_table() {
    let html = render_page(TABLE_PAGE, Route::Cards { focus: None }).await;
    let cards = &html[html.find(r#"id="gk-cards""#).expect("no cards view")..];
    let group = between(cards, "gk-card-table", "</section>");
    assert!(
        group.contains("表格：收到和处理政府信息公开申请情况"),
        "{group}"
    );
    assert!(group.contains("本年新收申请数量 · 自然人"), "{group}");
    assert_eq!(group.matches("<li").count(), 4, "{group}");
}

/// A figure whose series the site knows shows it under its card: every year's value, this
/// report's own unlinked, the others linking to their sentences (outside the card's link).
#[tokio::test]
async fn a_card_shows_its_figures_values_over_the_years() {
    use gongkai::publish::{FigureHistory, HistoryValue};
    let report =
        parse("某县司法局2023年法治政府建设工作情况的报告\n一、工作\n办理行政复议案件70件。\n");
    let metric = report.metrics[0].id.clone();
    let history = vec![FigureHistory {
        metric: metric.clone(),
        values: vec![
            HistoryValue {
                year: Some(2022),
                raw: "64件".to_string(),
                change: None,
                href: Some("../county-justice-2022/#/m/1.p0.m0".to_string()),
            },
            HistoryValue {
                year: Some(2023),
                raw: "70件".to_string(),
                change: Some("+9.4%".to_string()),
                href: None,
            },
        ],
    }];
    let html = ServerRenderer::<App>::with_props(move || AppProps {
        report: Shared::leak(report),
        tables: None,
        address: Address {
            route: Route::Cards { focus: None },
            embed: false,
            at: None,
        },
        address_key: AddressKey::Hash,
        public_base: None,
        history: Some(Shared::leak(history)),
    })
    .hydratable(false)
    .render()
    .await;
    let card_end = html
        .find(&format!("id=\"gk-card-{metric}\""))
        .expect("the card");
    let after_card = &html[card_end..];
    let history = &after_card[after_card.find("</a>").unwrap()..];
    let history = &history[..history.find("</p>").expect("the history line")];
    assert!(history.contains("class=\"gk-card-history\""), "{history}");
    assert!(history.contains("<a href=\"../county-justice-2022/#/m/1.p0.m0\">2022年：64件</a>"));
    assert!(history.contains("<strong>2023年：70件（+9.4%）</strong>"));
}

#[tokio::test]
async fn a_long_text_lets_the_browser_skip_its_far_sections_and_a_short_one_does_not() {
    // Sections of very different lengths, together past the long-text threshold.
    let paragraph = "我局坚持依法行政，持续推进法治政府建设，严格规范公正文明执法。".repeat(40);
    let mut text = String::from("某局2023年法治政府建设工作情况的报告\n");
    let lengths = [1, 3, 40, 160];
    let numbers = ["一", "二", "三", "四"];
    for (number, paragraphs) in numbers.iter().zip(lengths) {
        text.push_str(&format!("{number}、工作\n"));
        for _ in 0..paragraphs {
            text.push_str(&paragraph);
            text.push('\n');
        }
    }
    assert!(text.len() >= gongkai::components::LONG_TEXT_BYTES);
    let html = render(&text).await;
    assert!(
        has_tag(&html, &["class=\"gk-text gk-text--long\""]),
        "{}",
        near(&html, "gk-text")
    );
    // Each top-level section's estimated height grows with its text.
    let classes: Vec<&str> = html
        .match_indices("gk-est-")
        .map(|(at, _)| &html[at..at + 8])
        .collect();
    assert_eq!(classes, ["gk-est-0", "gk-est-1", "gk-est-5", "gk-est-7"]);

    let short = render(SAMPLE).await;
    assert!(!short.contains("gk-text--long") && !short.contains("gk-est-"));
}
