//! Components rendered natively with Yew's `ServerRenderer`: what a reader (or a crawler, once
//! the page is prerendered) gets before any script runs.

use gongkai::{
    app::{App, AppProps},
    components::SharedReport,
    parse::parse,
};
use yew::ServerRenderer;

async fn render(text: &str) -> String {
    let report = parse(text);
    ServerRenderer::<App>::with_props(move || AppProps {
        report: SharedReport::new(report),
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
