//! Saved portal pages (HTML): the article found among the portal's chrome, title and metadata
//! from the page, the same outline as the report copied as text, tables kept with their shape
//! and headers, figures from cells, and hostile markup read as text only.

mod common;

use std::fs;

use gongkai::{
    html::{looks_like_html, parse_html, parse_html_bytes},
    parse::parse_bytes,
    report::{Paragraph, Report, Section},
    table::Table,
};
use proptest::prelude::*;

fn page(name: &str) -> Report {
    let path = format!("tests/pages/{name}");
    let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(looks_like_html(&bytes), "{path} is not sniffed as HTML");
    parse_html_bytes(&bytes)
}

/// Every section as (id, number, title, its text paragraphs), in document order.
fn outline(report: &Report) -> Vec<(String, String, String, Vec<String>)> {
    report
        .all_sections()
        .map(|s| {
            (
                s.id.to_string(),
                s.number.clone(),
                s.title.clone(),
                s.paragraphs.iter().map(|p| p.text.clone()).collect(),
            )
        })
        .collect()
}

fn tables(report: &Report) -> Vec<(&Section, &Paragraph, &Table)> {
    report
        .all_sections()
        .flat_map(|s| {
            s.paragraphs
                .iter()
                .filter_map(move |p| p.table.as_ref().map(|t| (s, p, t)))
        })
        .collect()
}

/// The text of the page outside markup, for checking that no word of the article is lost.
fn all_text(report: &Report) -> String {
    let mut text = report.title.clone();
    for (_, block) in common::blocks(report) {
        text.push_str(&block);
    }
    for (_, _, table) in tables(report) {
        text.push_str(table.caption.as_deref().unwrap_or(""));
    }
    text
}

#[test]
fn a_cms_page_reads_as_the_same_report_copied_as_text() {
    let html = page("law-2023.html");
    let text = parse_bytes(&fs::read("tests/pages/law-2023.txt").unwrap()).unwrap();
    assert_eq!(html.title, text.title);
    assert_eq!(html.published, text.published);
    assert_eq!(html.source, text.source);
    assert_eq!(
        html.preamble.iter().map(|p| &p.text).collect::<Vec<_>>(),
        text.preamble.iter().map(|p| &p.text).collect::<Vec<_>>()
    );
    assert_eq!(outline(&html), outline(&text));
    // Same figures, same labels, same places.
    let figures = |r: &Report| {
        r.metrics
            .iter()
            .map(|m| (m.id.to_string(), m.raw.clone(), m.label.clone(), m.span))
            .collect::<Vec<_>>()
    };
    assert_eq!(figures(&html), figures(&text));
    // Nothing of the portal around the article: navigation, sidebar, footer, scripts, widgets.
    let body = all_text(&html);
    for chrome in [
        "首页",
        "机构职能",
        "版权所有",
        "网站标识码",
        "搜索",
        "分享到",
        "扫一扫",
        "不是标题",
        "字号",
    ] {
        assert!(
            !common::blocks(&html)
                .iter()
                .any(|(_, t)| t.contains(chrome)),
            "{chrome} in {body}"
        );
    }
}

#[test]
fn br_separated_gbk_page_in_a_layout_table() {
    let report = page("township-gbk.html");
    assert_eq!(report.title, "某镇2022年法治政府建设工作报告");
    assert_eq!(report.published.as_deref(), Some("2023-02-10"));
    assert_eq!(report.source.as_deref(), Some("某镇人民政府"));
    let titles: Vec<String> = report.all_sections().map(|s| s.heading_text()).collect();
    assert_eq!(
        titles,
        [
            "一、主要工作开展情况",
            "（一）深化普法宣传",
            "（二）化解矛盾纠纷",
            "二、存在的问题",
            "三、下一步打算"
        ]
    );
    assert_eq!(report.preamble.len(), 1, "{:?}", report.preamble);
    assert!(report.preamble[0].text.starts_with("今年以来"));
    assert!(tables(&report).is_empty(), "layout tables are not data");
    let body = all_text(&report);
    for gone in ["镇情概况", "技术支持", "联系我们"] {
        assert!(!body.contains(gone), "{gone}");
    }
    assert!(report
        .metrics
        .iter()
        .any(|m| m.raw == "56件" && m.label.contains("矛盾纠纷")));
}

#[test]
fn disclosure_report_title_metadata_and_outline() {
    let report = page("disclosure-2023.html");
    assert_eq!(report.title, "某县交通运输局2023年政府信息公开工作年度报告");
    assert_eq!(report.published.as_deref(), Some("2024-01-18 16:05"));
    assert_eq!(report.source.as_deref(), Some("某县交通运输局"));
    let top: Vec<String> = report.sections.iter().map(|s| s.heading_text()).collect();
    assert_eq!(
        top,
        [
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项"
        ]
    );
    // Numbered lines inside cells (一、本年新收…, （一）予以公开, 1.属于国家秘密) are cell text.
    assert_eq!(report.all_sections().count(), 8);
    let placed: Vec<(String, String)> = tables(&report)
        .iter()
        .map(|(s, p, _)| (s.id.to_string(), p.id.to_string()))
        .collect();
    assert_eq!(
        placed,
        [
            ("2".to_string(), "2.p0".to_string()),
            ("3".to_string(), "3.p0".to_string()),
            ("4".to_string(), "4.p0".to_string())
        ]
    );
}

#[test]
fn every_cell_survives_with_its_spans() {
    let markup = fs::read_to_string("tests/pages/disclosure-2023.html").unwrap();
    let report = page("disclosure-2023.html");
    let found = tables(&report);
    let shapes: Vec<(usize, usize)> = found
        .iter()
        .map(|(_, _, t)| (t.rows.len(), t.rows.iter().map(Vec::len).sum()))
        .collect();
    // Rows and cells as many as the markup has <tr> and <td> in each table.
    let expected: Vec<(usize, usize)> = markup
        .split("<table")
        .skip(1)
        .map(|t| {
            let t = &t[..t.find("</table>").unwrap()];
            (t.matches("<tr").count(), t.matches("<td").count())
        })
        .collect();
    assert_eq!(shapes, expected);
    let (_, block, applications) = found[1];
    let first = &applications.rows[0][0];
    assert_eq!((first.rowspan, first.colspan, first.header), (3, 3, true));
    assert_eq!(applications.rows[1][1].text, "法人或其他组织");
    assert_eq!(applications.rows[1][1].colspan, 5);
    // `商业<br>企业`: one cell, its lines joined.
    assert_eq!(applications.rows[2][0].text, "商业企业");
    // The block text is the cells in order; each cell's place in it is where its text stands.
    let chars: Vec<char> = block.text.chars().collect();
    for place in applications.places() {
        let cell = &applications.rows[place.row][place.cell];
        let at: String = chars[place.start..place.end].iter().collect();
        assert_eq!(at, cell.text);
    }
    assert_eq!(block.text, applications.text());
}

fn metric<'a>(report: &'a Report, label: &str) -> &'a gongkai::report::Metric {
    report
        .metrics
        .iter()
        .find(|m| m.label == label)
        .unwrap_or_else(|| {
            let labels: Vec<&str> = report.metrics.iter().map(|m| m.label.as_str()).collect();
            panic!("no figure labelled {label}: {labels:#?}")
        })
}

#[test]
fn cells_are_figures_labelled_by_their_row_and_column_headers() {
    let report = page("disclosure-2023.html");
    let m = metric(&report, "一、本年新收政府信息公开申请数量 · 自然人");
    assert_eq!((m.value, m.unit.as_str(), m.raw.as_str()), (8.0, "件", "8"));
    let m = metric(
        &report,
        "一、本年新收政府信息公开申请数量 · 法人或其他组织 · 商业企业",
    );
    assert_eq!(m.value, 1.0);
    let m = metric(
        &report,
        "三、本年度办理结果 · （四）无法提供 · 1.本机关不掌握相关政府信息 · 总计",
    );
    assert_eq!(m.value, 2.0);
    assert_eq!(
        m.section.as_ref().map(ToString::to_string).as_deref(),
        Some("3")
    );
    // The figure's span is the cell's place in the table's text.
    let block = report.block_text(&m.paragraph).unwrap();
    let at: String = block
        .chars()
        .skip(m.span[0])
        .take(m.span[1] - m.span[0])
        .collect();
    assert_eq!(at, m.raw);
    // 主动公开: column headers found through the header rows between groups.
    let m = metric(&report, "行政规范性文件 · 现行有效件数");
    assert_eq!((m.value, m.unit.as_str()), (41.0, "件"));
    let m = metric(&report, "行政许可 · 本年处理决定数量");
    assert_eq!(m.value, 1520.0);
    // Money in 万元 in the header: read as 元.
    let m = metric(&report, "行政事业性收费 · 本年收费金额（单位：万元）");
    assert_eq!((m.value, m.unit.as_str()), (125_000.0, "元"));
    // 行政复议 / 行政诉讼: two levels of column headers.
    let m = metric(&report, "行政复议 · 结果维持");
    assert_eq!(m.value, 1.0);
    assert!(report
        .metrics
        .iter()
        .any(|m| m.label == "行政诉讼 · 复议后起诉 · 总计"));
    // Headers are never figures.
    assert!(report.metrics.iter().all(|m| !m.label.is_empty()));
    let (_, _, applications) = tables(&report)[1];
    let numbers = applications
        .rows
        .iter()
        .flatten()
        .filter(|c| !c.header && c.text.parse::<f64>().is_ok())
        .count();
    let from_table = report
        .metrics
        .iter()
        .filter(|m| m.paragraph.to_string() == "3.p0")
        .count();
    assert_eq!(from_table, numbers);
}

#[test]
fn text_input_json_is_unchanged_by_tables() {
    let report = common::real();
    // Every paragraph serialises with exactly the keys it had before tables existed.
    let paragraphs = report
        .preamble
        .iter()
        .chain(report.all_sections().flat_map(|s| &s.paragraphs));
    for p in paragraphs {
        let json = serde_json::to_value(p).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["id", "line", "text"]);
    }
    let back: Report = serde_json::from_str(&serde_json::to_string(&report).unwrap()).unwrap();
    assert_eq!(back, report);
    // A report with tables goes through JSON and back unchanged.
    let with_tables = page("disclosure-2023.html");
    let json = serde_json::to_string(&with_tables).unwrap();
    assert!(json.contains("\"kind\":\"table\""));
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, with_tables);
}

#[test]
fn caption_line_above_a_table() {
    let markup = "<html><body><div id=\"zoom\">\
        <p>一、工作情况</p><p>全年办理各类事项共计120件，具体如下。</p>\
        <p align=\"center\"><b>表1 2023年行政执法情况统计</b></p>\
        <table><tr><th>类别</th><th>数量（件）</th></tr><tr><td>行政处罚</td><td>12</td></tr>\
        <tr><td>行政检查</td><td>108</td></tr></table>\
        <p>二、下一步打算</p><p>继续推进。</p></div></body></html>";
    let report = parse_html(markup);
    let (_, block, table) = tables(&report)[0];
    assert_eq!(table.caption.as_deref(), Some("表1 2023年行政执法情况统计"));
    assert_eq!(block.id.to_string(), "1.p1");
    let m = metric(&report, "行政处罚 · 数量（件）");
    assert_eq!((m.value, m.unit.as_str()), (12.0, "件"));
    // The sentence above the table stays a paragraph.
    assert_eq!(
        report.sections[0].paragraphs[0].text,
        "全年办理各类事项共计120件，具体如下。"
    );
}

#[test]
fn hostile_markup_gives_text_only() {
    let markup = "<html><head><script>alert('一、脚本')</script><style>p{}</style></head><body>\
        <div class=\"content\"><p>某局2023年工作总结</p>\
        <p>一、总体情况<img src=x onerror=\"alert('x')\"></p>\
        <p>全年<a href=\"javascript:alert(1)\">办理</a>案件<!-- 注释 -->12件<script>document.write('注入')</script>。</p>\
        <p>二、<b>未闭合<i>标签<p>继续的文字\
        <table><tr><td>甲<table><tr><td>内层一</td><td>内层二</td></tr></table></td><td>5</td></tr></table>\
        </div></body></html>";
    let report = parse_html(markup);
    let text = all_text(&report);
    for kept in [
        "全年办理案件12件。",
        "未闭合标签",
        "继续的文字",
        "内层一",
        "内层二",
    ] {
        assert!(text.contains(kept), "{kept} lost: {text}");
    }
    for dropped in [
        "alert",
        "脚本",
        "注释",
        "注入",
        "javascript",
        "onerror",
        "<",
        ">",
    ] {
        assert!(!text.contains(dropped), "{dropped} kept: {text}");
    }
    // The nested table is text of its cell.
    let (_, _, table) = tables(&report)[0];
    assert_eq!(table.rows[0][0].text, "甲 内层一 内层二".replace(' ', ""));
}

#[test]
fn deep_nesting_neither_overflows_nor_loses_text() {
    let depth = 5000;
    let mut markup = String::from("<html><body><div id=\"zoom\"><p>一、总体情况</p>");
    for _ in 0..depth {
        markup.push_str("<div><table><tr><td>");
    }
    markup.push_str("最深处的文字");
    for _ in 0..depth {
        markup.push_str("</td></tr></table></div>");
    }
    markup.push_str("<p>之后的文字。</p></div></body></html>");
    let report = parse_html(&markup);
    let text = all_text(&report);
    assert!(
        text.contains("最深处的文字"),
        "{}",
        &text[..text.len().min(300)]
    );
    assert!(text.contains("之后的文字。"));
}

#[test]
fn a_ten_megabyte_page() {
    if !common::slow_tests() {
        return;
    }
    let mut markup = String::from("<html><body><div class=\"nav\"><a href=\"/\">首页</a></div><div id=\"zoom\"><p>一、总体情况</p>");
    let mut n = 0;
    while markup.len() < 10 << 20 {
        markup.push_str(&format!(
            "<p>第{n}段：全年办理案件{n}件，<b>结案率</b>百分之百。</p>"
        ));
        if n % 500 == 0 {
            markup.push_str("<table><tr><th>项目</th><th>数量</th></tr><tr><td>行政处罚</td><td>12</td></tr></table>");
        }
        n += 1;
    }
    markup.push_str("</div></body></html>");
    let report = parse_html(&markup);
    let paragraphs = report.sections[0]
        .paragraphs
        .iter()
        .filter(|p| p.table.is_none())
        .count();
    assert_eq!(paragraphs, n);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::proptest_cases()))]

    /// Random markup of the pieces portals' pages are made of, well formed or not: never a
    /// panic, never a tag or a script's text in the report.
    #[test]
    fn random_markup_never_panics(pieces in prop::collection::vec(prop::sample::select(vec![
        "<p>", "</p>", "<div>", "</div>", "<br>", "<table>", "</table>", "<tr>", "<td>", "</td>",
        "<th colspan=\"3\">", "<td rowspan=\"99999\">", "<td colspan=\"-1\">", "<b>", "</b>",
        "<script>var a='秘';</script>", "<style>", "<!--", "-->", "<a href=\"javascript:x\">", "</a>",
        "一、标题", "（一）小标", "1.细项。", "正文12件。", "&nbsp;", "&lt;", "\n", "\t", "<img onerror=x>",
        "<caption>表</caption>", "<meta charset=\"gbk\">", "\u{feff}",
    ]), 0..60)) {
        let markup: String = pieces.concat();
        let report = parse_html(&markup);
        let text = all_text(&report);
        prop_assert!(!text.contains('<') || markup.contains("&lt;"));
        prop_assert!(!text.contains("var a"));
        for (_, _, table) in tables(&report) {
            for cell in table.rows.iter().flatten() {
                prop_assert!(!cell.text.contains(['\t', '\n']));
            }
            let _ = table.grid();
        }
        let _ = parse_html_bytes(markup.as_bytes());
    }
}

/// Found by fuzzing (`fuzz/regressions/html/`): an article of a short heading and one long
/// paragraph. The paragraph holds most of the prose, but the article is the box around both:
/// the reader never goes down into a paragraph, so the heading is not lost.
#[test]
fn one_long_paragraph_does_not_leave_its_heading_outside_the_article() {
    let long = "收缴罚款开展执法检查".repeat(40);
    let page = format!(
        "<html><body><div class=\"nav\"><a href=\"/\">首页</a></div>\
         <div><p>一、执法工作</p><p>{long}</p></div><div>版权所有</div></body></html>"
    );
    let report = parse_html(&page);
    let sections: Vec<(&str, &str)> = report
        .sections
        .iter()
        .map(|s| (s.number.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(sections, [("一、", "执法工作")]);
    assert_eq!(common::paragraph_texts(&report, "1"), [long.as_str()]);
}

/// A TRS-style page whose article was pasted from Word: spans and fonts around every line,
/// headings as bold paragraphs, a table of `<td><p><span>` cells, the title and an info line
/// outside the editor box, share links, related articles and a long footer around it.
#[test]
fn a_word_pasted_trs_page() {
    let report = page("trs-word-pasted.html");
    assert_eq!(
        report.title,
        "某区市场监督管理局2023年政府信息公开工作年度报告"
    );
    assert_eq!(report.published.as_deref(), Some("2024-01-18 09:30"));
    assert_eq!(report.source.as_deref(), Some("某区市场监督管理局"));
    assert_eq!(report.breadcrumb, ["首页", "政务公开", "政府信息公开年报"]);
    let headings: Vec<(String, String)> = outline(&report)
        .into_iter()
        .map(|(id, number, title, _)| (id, format!("{number}{title}")))
        .collect();
    assert_eq!(
        headings,
        [
            ("1", "一、总体情况"),
            ("1.1", "（一）主动公开"),
            ("1.2", "（二）依申请公开"),
            ("2", "二、主动公开政府信息情况"),
            ("3", "三、存在的主要问题及改进情况"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    let (_, _, table) = tables(&report)[0];
    let shape: Vec<Vec<(&str, bool, u32)>> = table
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| (c.text.as_str(), c.header, c.colspan))
                .collect()
        })
        .collect();
    assert_eq!(shape[0], [("第二十条第（一）项", true, 4)]);
    assert_eq!(
        shape[3],
        [
            ("行政规范性文件", true, 1),
            ("2", false, 1),
            ("1", false, 1),
            ("7", false, 1)
        ]
    );
    let text = all_text(&report);
    for chrome in [
        "微信",
        "相关文章",
        "2022年政府信息公开",
        "备案号",
        "打印本页",
        "_hmt",
    ] {
        assert!(!text.contains(chrome), "{chrome} read as the report's");
    }
}
