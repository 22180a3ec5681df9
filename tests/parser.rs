//! The parser against the real report's fixture and against test reports that exercise each
//! variation of the genre (tests/reports/), plus its invariants under random input.

use std::fs;

mod common;

use common::read;

use gongkai::{
    parse::{parse, parse_bytes},
    report::Report,
};
use proptest::prelude::*;
use serde_json::Value;

/// `(id, level, number, title)` of every section in document order.
fn outline(report: &Report) -> Vec<(String, u8, String, String)> {
    report
        .all_sections()
        .map(|s| (s.id.to_string(), s.level, s.number.clone(), s.title.clone()))
        .collect()
}

fn expected_outline(rows: &[(&str, u8, &str, &str)]) -> Vec<(String, u8, String, String)> {
    rows.iter()
        .map(|&(id, level, number, title)| (id.into(), level, number.into(), title.into()))
        .collect()
}

/// The report's text put back together in document order, without white space: the title,
/// the preamble, then each heading (number, title, closing mark) and its paragraphs.
fn reassembled(report: &Report) -> String {
    let mut out = report.title.clone() + &report.body_text();
    out.retain(|c| !c.is_whitespace());
    out
}

fn without_space(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{feff}')
        .collect()
}

/// The text without white space, skipping the lines named as chrome.
fn body_of(text: &str, chrome: &[&str]) -> String {
    let chrome: Vec<String> = chrome.iter().map(|c| without_space(c)).collect();
    text.lines()
        .map(without_space)
        .filter(|line| !chrome.contains(line))
        .collect()
}

#[test]
fn real_report_matches_the_fixture() {
    let report = read("reports/bazhou-natural-resources-2023.txt");
    let fixture: Value = serde_json::from_str(
        &fs::read_to_string("tests/fixtures/bazhou-natural-resources-2023.expected.json").unwrap(),
    )
    .unwrap();
    let json = serde_json::to_value(&report).unwrap();
    for key in ["title", "breadcrumb", "published", "source", "author"] {
        assert_eq!(json[key], fixture[key], "{key}");
    }
    let expected: Vec<(String, u8, String, String)> = fixture["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().to_string(),
                s["level"].as_u64().unwrap() as u8,
                s["number"].as_str().unwrap().to_string(),
                s["title"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(outline(&report), expected);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn real_report_keeps_every_body_character_once() {
    let text = fs::read_to_string("reports/bazhou-natural-resources-2023.txt").unwrap();
    let chrome = [
        "政务公开 > 巴中市自然资源和规划局巴州分局 > 其他法定信息",
        "2024-03-06 10:40 来源: 巴中市自然资源和规划局巴州分局 作者:刘玲",
        "扫一扫在手机打开当前页",
    ];
    assert_eq!(
        reassembled(&read("reports/bazhou-natural-resources-2023.txt")),
        body_of(&text, &chrome)
    );
}

#[test]
fn full_width_forms_levels_four_and_run_in_colons() {
    let report = read("tests/reports/county-justice-2023.txt");
    assert_eq!(report.title, "某县司法局2023年度法治政府建设情况报告");
    assert_eq!(report.breadcrumb, ["首页", "政务公开", "法治政府建设"]);
    assert_eq!(report.published.as_deref(), Some("2024-03-28"));
    assert_eq!(report.source.as_deref(), Some("某县司法局"));
    assert_eq!(report.author, None);
    assert_eq!(
        report.index_number.as_deref(),
        Some("11510000MB0000000X/2024-00012")
    );
    assert_eq!(
        outline(&report),
        expected_outline(&[
            ("1", 1, "一、", "2023年法治政府建设主要举措"),
            ("1.1", 2, "（一）", "加强组织领导"),
            ("1.1.1", 3, "1．", "健全工作机制"),
            ("1.1.2", 3, "2．", "压实工作责任"),
            ("1.2", 2, "（二）", "规范行政执法"),
            ("1.2.1", 3, "1．", "推行执法公示"),
            ("1.2.1.1", 4, "（1）", "事前公示"),
            ("1.2.1.2", 4, "（2）", "事后公示"),
            ("1.2.1.2.1", 4, "①", "行政处罚决定"),
            ("1.2.1.2.2", 4, "②", "行政许可决定"),
            ("1.2.2", 3, "2、", "落实执法全过程记录"),
            ("2", 1, "二、", "存在的问题"),
            ("3", 1, "三、", "下一步工作打算"),
        ])
    );
    // Enumerations stay paragraphs; the run-in body follows its title.
    let s = report.section(&"1.1.2".parse().unwrap()).unwrap();
    assert_eq!(
        s.paragraphs[0].text,
        "一是明确分工；二是定期督导；三是严格考核。"
    );
    assert_eq!(
        report
            .section(&"1.2.1".parse().unwrap())
            .unwrap()
            .title_end
            .as_deref(),
        Some("：")
    );
    let dashes = common::paragraph_texts(&report, "1.2.2");
    assert_eq!(dashes, ["——配备执法记录仪30台；", "——建立音像资料库。"]);
    assert_eq!(
        report.section(&"2".parse().unwrap()).unwrap().paragraphs[0].text,
        "第一，普法宣传覆盖面不够广。第二，执法人员专业水平有待提高。"
    );
    // The signature and its date are the report's text, not chrome.
    let closing = common::paragraph_texts(&report, "3");
    assert_eq!(
        closing,
        ["继续深化法治政府建设。", "某县司法局", "2024年3月28日"]
    );
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);

    let text = fs::read_to_string("tests/reports/county-justice-2023.txt").unwrap();
    let chrome = [
        "当前位置：首页 > 政务公开 > 法治政府建设",
        "发布时间：2024年3月28日 来源：某县司法局 浏览次数：1024 【字体：大 中 小】",
        "索引号：11510000MB0000000X/2024-00012",
        "打印本页 关闭窗口",
        "扫一扫在手机打开当前页",
    ];
    assert_eq!(reassembled(&report), body_of(&text, &chrome));
}

#[test]
fn parts_nest_their_sections_and_bom_and_crlf_are_read() {
    let report = read("tests/reports/parts-bom-crlf.txt");
    assert_eq!(report.title, "城市管理局法治政府建设年度报告");
    assert_eq!(
        outline(&report),
        expected_outline(&[
            ("1", 1, "第一部分", "2023年工作情况"),
            ("1.1", 1, "一、", "完善制度体系"),
            ("1.1.1", 2, "(一)", "修订规范性文件"),
            ("1.1.2", 2, "(二)", "开展合法性审查"),
            ("1.2", 1, "二、", "提升执法水平"),
            ("2", 1, "第二部分", "2024年工作安排"),
            ("2.1", 1, "一、", "持续优化营商环境"),
        ])
    );
    assert!(!report.title.starts_with('\u{feff}'));
    assert!(report.all_sections().all(|s| !s.title.contains('\r')));
}

#[test]
fn gbk_file_with_cr_line_ends_is_decoded() {
    let report = read("tests/reports/township-2022-gbk.txt");
    assert_eq!(report.title, "某镇人民政府关于2022年法治政府建设情况的报告");
    assert_eq!(
        report.breadcrumb,
        ["政务公开", "某镇人民政府", "法定主动公开内容"]
    );
    assert_eq!(report.published.as_deref(), Some("2023-02-10 09:15"));
    assert_eq!(report.author.as_deref(), Some("办公室"));
    assert_eq!(
        outline(&report),
        expected_outline(&[
            ("1", 1, "一、", "主要工作"),
            ("1.1", 2, "（一）", "深化“放管服”改革"),
            ("1.2", 2, "（二）", "强化依法决策"),
            ("2", 1, "二、", "存在问题"),
        ])
    );
}

#[test]
fn irregular_numbers_are_kept_with_a_warning_on_their_line() {
    let report = read("tests/reports/numbering-irregular.txt");
    assert_eq!(
        outline(&report),
        expected_outline(&[
            ("1", 1, "一、", "主要举措"),
            ("1.1", 2, "（一）", "第一组"),
            ("1.1.1", 3, "1.", "第一项"),
            ("1.1.2", 3, "2.", "第二项"),
            ("1.2", 2, "（二）", "第二组"),
            // Level-3 numbers running on across groups are normal, not a warning.
            ("1.2.1", 3, "3.", "第三项续编号"),
            ("1.2.2", 3, "4.", "第四项"),
            ("1.3", 2, "（三）", "第三组"),
            ("1.3.1", 3, "1.", "重新编号"),
            ("1.3.2", 3, "3.", "跳过了第二项"),
            ("1.3.3", 3, "3.", "重复的第三项"),
            ("2", 1, "三、", "跳过第二部分"),
        ])
    );
    let lines: Vec<usize> = report.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [11, 12, 13], "{:?}", report.warnings);
    assert!(report.warnings[1].message.contains("重复"));
    // Lines that open with a year or a figure are text.
    let texts = common::paragraph_texts(&report, "2");
    assert_eq!(
        texts,
        [
            "2023年，全年共办理案件56件。",
            "12345热线受理群众诉求233件。",
            "100%的案件按时办结。"
        ]
    );
}

#[test]
fn a_file_of_only_chrome_has_no_text_and_says_so() {
    let report = read("tests/reports/chrome-only.txt");
    assert_eq!(report.title, "");
    assert!(report.preamble.is_empty() && report.sections.is_empty());
    assert_eq!(report.warnings.len(), 1);
}

/// Found while fuzzing (profiling slow inputs): each header line looked ahead through all the
/// chrome after it, so 64,000 lines of 首页 took a second and a 20 MB file of them, by
/// extrapolation, half an hour. Large in the slow step.
#[test]
fn a_header_of_many_chrome_lines_is_read_in_one_pass() {
    let repeats = if common::slow_tests() {
        100_000
    } else {
        10_000
    };
    let text = format!(
        "{}某市某局2023年法治政府建设年度报告\n一、总体情况\n全年办理案件12件。\n",
        "首页\n【打印本页】\n".repeat(repeats)
    );
    let report = parse(&text);
    assert_eq!(report.title, "某市某局2023年法治政府建设年度报告");
    assert_eq!(report.sections.len(), 1);
    assert_eq!(report.sections[0].paragraphs[0].text, "全年办理案件12件。");
    assert_eq!(report.metrics.len(), 1);
}

#[test]
fn undecodable_bytes_are_an_error_naming_the_line() {
    let mut bytes = "标题\n第二行\n".as_bytes().to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe, 0xfd, 0x80, b'\n']);
    // 0xFF is not a lead byte in GB18030 either.
    let err = parse_bytes(&bytes[..]).err();
    let bytes2 = [b'a', b'\n', 0xff, 0xff];
    let err2 = parse_bytes(&bytes2).err();
    assert_eq!(err2.map(|e| e.line), Some(2));
    // The first one may decode as UTF-16 (FF FE is its byte-order mark) only at the start.
    assert_eq!(err.map(|e| e.line), Some(3));
}

/// Slow in a debug build (about 20 s): run by CI's slow step (`GONGKAI_SLOW_TESTS=1`).
#[test]
fn ten_thousand_headings_and_ten_megabytes_parse() {
    if !common::slow_tests() {
        return;
    }
    let mut text = String::from("标题\n");
    for i in 0..10_000 {
        text += &format!("{}.第{i}项。正文{i}。\n", i % 99 + 1);
    }
    let report = parse(&text);
    assert_eq!(report.sections.len(), 10_000);
    assert_eq!(reassembled(&report), body_of(&text, &[]));

    let line = "（一）依法行政。2023年全年办理案件1230件，按时办结率100%。\n";
    let big = format!("标题\n{}", line.repeat(10 * 1024 * 1024 / line.len()));
    let report = parse(&big);
    assert!(big.len() >= 10 * 1024 * 1024 - line.len());
    assert_eq!(report.sections.len(), big.lines().count() - 1);
}

/// Lines of report-like text: heading forms, enumerations, figures, years and plain text,
/// with indentation, but none of the portal chrome (which the parser drops on purpose).
fn report_line() -> impl Strategy<Value = String> {
    let prefix = prop_oneof![
        Just(""),
        Just("一、"),
        Just("十二、"),
        Just("(一)"),
        Just("（二）"),
        Just("（三)"),
        Just("1."),
        Just("2．"),
        Just("3、"),
        Just("4 ."),
        Just("(1)"),
        Just("（2）"),
        Just("①"),
        Just("第一部分"),
        Just("第二章"),
        Just("一是"),
        Just("——"),
        Just("第一，"),
        Just("2023年"),
        Just("1.2万"),
        Just("3、4月"),
        Just("100%"),
        Just("　　"),
        Just("\t"),
    ];
    let body = "[报告工作法治建设开展情况我局一二三十是。：，；1234567890()（）.、 　]{0,30}";
    (prefix, body).prop_map(|(p, b)| format!("{p}{b}"))
}

fn line_end() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just("\n"), Just("\r\n"), Just("\r")]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::proptest_cases()))]

    #[test]
    fn every_body_character_appears_once_in_order(
        lines in prop::collection::vec((report_line(), line_end()), 0..40)
    ) {
        let text: String = lines.iter().map(|(l, e)| format!("{l}{e}")).collect();
        let report = parse(&text);
        prop_assert_eq!(reassembled(&report), {
            let mut t = text.clone();
            t.retain(|c| !c.is_whitespace());
            t
        });
        // Ids are unique and every paragraph id is its section's.
        let mut ids: Vec<_> = report.all_sections().map(|s| s.id.clone()).collect();
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), count);
        for s in report.all_sections() {
            prop_assert!((1..=4).contains(&s.level));
            prop_assert!(s.paragraphs.iter().all(|p| p.id.section() == Some(&s.id)));
        }
    }

    #[test]
    fn never_panics_on_any_text(text in any::<String>()) {
        let _ = parse(&text);
    }

    #[test]
    fn never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = parse_bytes(&bytes);
    }
}

/// Found by fuzzing the published page (`fuzz/regressions/site/`): U+0000 cannot stand in a
/// web page (a browser reads it as U+FFFD or drops it), so the parser reads it as U+FFFD and
/// the page shows what the report holds.
#[test]
fn a_nul_character_is_read_as_the_replacement_character() {
    let report = parse("某局2023年工作\0报告\n一、工作\n正文\0。\n");
    assert_eq!(report.title, "某局2023年工作\u{fffd}报告");
    assert_eq!(report.sections[0].paragraphs[0].text, "正文\u{fffd}。");
}
