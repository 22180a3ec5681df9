//! Components rendered natively with Yew's `ServerRenderer`: what a reader (or a crawler, once
//! the page is prerendered) gets before any script runs.

use gongkai::{
    app::{App, AppProps},
    components::Shared,
    parse::parse,
};
use yew::ServerRenderer;

async fn render(text: &str) -> String {
    let report = parse(text);
    ServerRenderer::<App>::with_props(move || AppProps {
        report: Shared::leak(report),
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn title_is_the_only_h1_and_paragraphs_render_in_order() {
    let html = render("标题一\n\n第一段。\n第二段。\n").await;
    assert_eq!(html.matches("<h1").count(), 1, "{html}");
    assert!(html.contains(">标题一</h1>"), "{html}");
    let first = html.find("第一段。").expect("first paragraph");
    let second = html.find("第二段。").expect("second paragraph");
    assert!(first < second);
}

#[tokio::test]
async fn report_text_is_escaped_not_interpreted() {
    let html = render("<script>alert(1)</script>\n<b>正文</b>\n").await;
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
}

#[tokio::test]
async fn breadcrumb_renders_as_a_labelled_list() {
    let html = render("政务公开 > 某局 > 其他法定信息\n标题\n正文。\n").await;
    assert!(html.contains(r#"aria-label="当前位置""#), "{html}");
    for crumb in ["政务公开", "某局", "其他法定信息"] {
        assert!(html.contains(&format!("<li>{crumb}</li>")), "{html}");
    }
    assert!(html.contains(">标题</h1>"), "{html}");
}

#[tokio::test]
async fn bundled_report_renders_with_its_title() {
    let report = gongkai::bundled::report();
    assert!(!report.title.is_empty());
    let html = render(gongkai::bundled::TEXT).await;
    assert!(html.contains(&report.title), "{html}");
}

#[tokio::test]
async fn sections_render_as_nested_headings_with_their_text() {
    let html = render(
        "标题\n前言。\n一、总体情况\n（一）第一项。正文一。\n1.细项。正文二。\n二、下一步打算\n",
    )
    .await;
    for fragment in [
        r#"<h2 id="s-1" class="gk-heading">"#,
        r#"<h3 id="s-1.1" class="gk-heading">"#,
        r#"<h4 id="s-1.1.1" class="gk-heading">"#,
        r#"<h2 id="s-2" class="gk-heading">"#,
        r#"<p id="1.1.p0">正文一。</p>"#,
        r#"<p id="1.1.1.p0">正文二。</p>"#,
    ] {
        assert!(html.contains(fragment), "{fragment} in {html}");
    }
    let order: Vec<usize> = [
        "前言。",
        "总体情况",
        "第一项",
        "正文一。",
        "细项",
        "正文二。",
        "下一步打算",
    ]
    .iter()
    .map(|text| html.find(text).unwrap_or_else(|| panic!("{text} missing")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{html}");
}
