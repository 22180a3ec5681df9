//! The metric extractor: the real report's 46 figures exactly, an invented report of the
//! genre, each rule and each trap in sentences of our own, and invariants under random text.

use std::fs;

mod common;

use common::read;

use gongkai::{
    metrics::MAX_LABEL_CHARS,
    parse::parse,
    report::{Metric, Report},
};
use proptest::prelude::*;
use serde_json::Value;

/// The metrics of one sentence, as a paragraph of a report.
fn metrics_of(sentence: &str) -> Vec<Metric> {
    parse(&format!("标题\n{sentence}\n")).metrics
}

/// `(raw, value, unit, qualifier)` of each metric of a sentence.
fn figures(sentence: &str) -> Vec<(String, f64, String, Option<String>)> {
    metrics_of(sentence)
        .into_iter()
        .map(|m| (m.raw, m.value, m.unit, m.qualifier))
        .collect()
}

fn one(sentence: &str) -> Metric {
    let mut metrics = metrics_of(sentence);
    assert_eq!(metrics.len(), 1, "{sentence}: {metrics:#?}");
    metrics.remove(0)
}

#[test]
fn real_report_yields_exactly_the_fixture_metrics() {
    let report = read("reports/bazhou-natural-resources-2023.txt");
    let fixture: Value = serde_json::from_str(
        &fs::read_to_string("tests/fixtures/bazhou-natural-resources-2023.expected.json").unwrap(),
    )
    .unwrap();
    let expected = fixture["metrics"].as_array().unwrap();
    assert_eq!(report.metrics.len(), expected.len());
    for (got, want) in report.metrics.iter().zip(expected) {
        let context = format!("{got:?} vs {want}");
        assert_eq!(
            got.section.as_ref().map(ToString::to_string).as_deref(),
            want["section"].as_str(),
            "{context}"
        );
        assert_eq!(got.raw, want["raw"].as_str().unwrap(), "{context}");
        assert_eq!(got.value, want["value"].as_f64().unwrap(), "{context}");
        assert_eq!(got.unit, want["unit"].as_str().unwrap(), "{context}");
        assert_eq!(
            got.qualifier.as_deref(),
            want["qualifier"].as_str(),
            "{context}"
        );
        assert!(
            got.label.contains(want["label_has"].as_str().unwrap()),
            "{context}"
        );
    }
}

#[test]
fn an_invented_report_of_the_genre() {
    let report = read("tests/reports/market-regulation-2023.txt");
    let got = common::metric_rows(&report);
    let expected: &[(&str, f64, &str, Option<&str>, &str)] = &[
        ("1,286件", 1286.0, "件", None, "查办各类案件"),
        ("2,350.5万元", 23_505_000.0, "元", None, "罚没款"),
        ("12.5%", 12.5, "%", None, "增长"),
        ("两万三千户", 23_000.0, "户", None, "新登记市场主体"),
        ("99.8%", 99.8, "%", None, "办结率"),
        ("1.5个工作日", 1.5, "个工作日", None, "平均办理时间压缩"),
        ("200家", 200.0, "家", Some("超过"), "约谈企业"),
        ("3000条", 3000.0, "条", Some("近"), "公示行政处罚信息"),
        ("1.2万余家次", 12_000.0, "家次", Some("余"), "修复信用"),
        ("十余场", 10.0, "场", Some("余"), "主题日开展宣传活动"),
        ("三万余份", 30_000.0, "份", Some("余"), "发放资料"),
        ("5600人次", 5600.0, "人次", Some("约"), "接受咨询"),
        ("一百二十六人", 126.0, "人", None, "组织执法人员培训"),
        ("100%", 100.0, "%", None, "考试合格率"),
        ("6期", 6.0, "期", None, "组织专题讲座"),
        ("320余卷", 320.0, "卷", Some("余"), "评查案卷"),
        ("4.6万件", 46_000.0, "件", None, "受理12315热线投诉举报"),
        (
            "860万元",
            8_600_000.0,
            "元",
            Some("逾"),
            "为消费者挽回经济损失",
        ),
        ("100%", 100.0, "%", None, "按时办结率"),
    ];
    assert_eq!(got, expected);
    // Figures in a heading's title are found too, and point at the title.
    let in_title = &report.metrics[12];
    assert_eq!(
        (
            in_title.section.as_ref().map(ToString::to_string),
            in_title.paragraph.to_string()
        ),
        (Some("2.2".to_string()), "2.2.t".to_string())
    );
}

#[test]
fn arabic_numbers_with_decimals_separators_and_full_width_digits() {
    assert_eq!(figures("罚没款2,350.5万元。")[0].1, 23_505_000.0);
    assert_eq!(figures("收缴罚款1230.01万元。")[0].1, 12_300_100.0);
    assert_eq!(figures("获得贷款37.24亿元。")[0].1, 3_724_000_000.0);
    assert_eq!(
        figures("拆除建筑物0.32万平方米。")[0],
        ("0.32万平方米".into(), 3200.0, "平方米".into(), None)
    );
    assert_eq!(
        figures("受理案件１２３件。")[0],
        ("１２３件".into(), 123.0, "件".into(), None)
    );
    assert_eq!(figures("办理业务50796件。")[0].1, 50796.0);
    // A comma between figures is a list, not a thousands separator.
    assert_eq!(figures("分别办理12件,345件。").len(), 2);
}

#[test]
fn chinese_numerals_with_multipliers() {
    for (sentence, value, unit) in [
        ("涉及居民三千余户。", 3000.0, "户"),
        ("参与五十余部电梯协调工作。", 50.0, "部"),
        ("培训干部两百人。", 200.0, "人"),
        ("考核一百二十六人。", 126.0, "人"),
        ("配备十二名执法人员。", 12.0, "名"),
        ("新登记市场主体两万三千户。", 23_000.0, "户"),
        ("办理案件1.2万余件。", 12_000.0, "件"),
    ] {
        let m = one(sentence);
        assert_eq!((m.value, m.unit.as_str()), (value, unit), "{sentence}");
    }
}

#[test]
fn qualifiers_before_inside_and_after_the_figure() {
    for (sentence, raw, qualifier) in [
        ("开展巡查约850人次。", "850人次", "约"),
        ("退还土地12万余平方米。", "12万余平方米", "余"),
        ("涉及居民三千余户。", "三千余户", "余"),
        ("公示信息近3000条。", "3000条", "近"),
        ("约谈企业超过200家。", "200家", "超过"),
        ("覆盖企业超500家。", "500家", "超"),
        ("挽回损失逾860万元。", "860万元", "逾"),
        ("培训干部100人以上。", "100人以上", "以上"),
        ("平均用时3天左右。", "3天左右", "左右"),
        ("召开会议60多次。", "60多次", "多"),
        ("开展宣传十余场。", "十余场", "余"),
    ] {
        let m = one(sentence);
        assert_eq!(
            (m.raw.as_str(), m.qualifier.as_deref()),
            (raw, Some(qualifier)),
            "{sentence}"
        );
    }
}

#[test]
fn percentages_keep_their_figure() {
    assert_eq!(
        figures("按时办结率100%。"),
        [("100%".into(), 100.0, "%".into(), None)]
    );
    assert_eq!(
        figures("群众满意率99.8％。"),
        [("99.8％".into(), 99.8, "%".into(), None)]
    );
}

#[test]
fn dates_times_and_theme_days_are_not_metrics() {
    for sentence in [
        "2023年，我局继续推进依法行政。",
        "2024-03-06 10:40发布。",
        "6月16日，省厅表彰我局。",
        "2023年6月16日召开会议。",
        "利用“4·22”“12·4”等主题日开展宣传。",
        "围绕3·15开展宣传。",
        "2024年3月底前完成。",
    ] {
        assert_eq!(figures(sentence), [], "{sentence}");
    }
}

#[test]
fn numbers_inside_titles_and_names_are_not_metrics() {
    for sentence in [
        "印发《2023年全区自然资源工作要点》。",
        "开展“强安2023”专项行动。",
        "畅通12315热线。",
        "学习贯彻党的二十大精神。",
        "实施三年行动计划。",
        "谋划“十四五”规划。",
        "印发《关于做好100件民生实事的通知》。",
    ] {
        assert_eq!(figures(sentence), [], "{sentence}");
    }
    // The count after a quoted name is a metric; the name's digits are not.
    let m = one("受理“12345”政务服务热线233件。");
    assert_eq!(
        (m.raw.as_str(), m.label.as_str()),
        ("233件", "受理“12345”政务服务热线")
    );
}

#[test]
fn set_phrases_enumerators_and_ordinals_are_not_metrics() {
    for sentence in [
        "落实“一岗双责”。",
        "落实一岗双责，严格执行三重一大制度。",
        "推行最多跑一次、一次办改革。",
        "履行第一责任人职责。",
        "推行双随机、一公开监管。",
        "一是加强学习；二是强化监督。",
        "第一，加强学习。第二，强化监督。",
        "第5次会议审议通过。",
        "走进千家万户宣传。",
        "打造一批高素质队伍。",
        "做到一家管，大家用。",
    ] {
        assert_eq!(figures(sentence), [], "{sentence}");
    }
}

#[test]
fn labels_come_from_the_figure_s_own_clause() {
    for (sentence, label) in [
        ("收缴罚款1230.01万元。", "收缴罚款"),
        ("2023年，共开展常态化巡查约850人次。", "开展常态化巡查"),
        ("累计受理投诉56件。", "受理投诉"),
        ("其中新申请行政执法证人员15人。", "新申请行政执法证人员"),
        ("考试合格率为100%。", "考试合格率"),
        ("按时办结率达98%。", "按时办结率"),
        ("一是非立案查处违法用地11宗。", "非立案查处违法用地"),
        ("审查文件、合同等70余份。", "审查文件、合同"),
        ("2023年受理不动产各类业务50796件。", "受理不动产各类业务"),
        ("安排了3名专职人员具体负责各项工作。", "安排专职人员"),
        ("完成227部电梯设计方案的规划审查工作。", "完成电梯设计方案"),
        ("办理用时3天内办结。", "办理用时"),
    ] {
        assert_eq!(one(sentence).label, label, "{sentence}");
    }
    // Figures in one clause each take their own words.
    let labels: Vec<String> =
        metrics_of("受理各类业务995件，办结995件，按时办结率100%，群众满意率100%。")
            .into_iter()
            .map(|m| m.label)
            .collect();
    assert_eq!(labels, ["受理各类业务", "办结", "按时办结率", "群众满意率"]);
}

#[test]
fn long_labels_are_cut_at_a_word_boundary() {
    let m = one("受理来信来访以及各单位交办的信访事项96件。");
    assert_eq!(m.label, "信访事项");
    let m = one("带有审批性质的权力事项“最多跑一次”“全程网办”“一次办”“就近办”覆盖率100%。");
    assert_eq!(m.label, "覆盖率");
    for m in read("reports/bazhou-natural-resources-2023.txt").metrics {
        assert!(!m.label.is_empty(), "{m:?}");
        assert!(m.label.chars().count() <= MAX_LABEL_CHARS + 4, "{m:?}");
    }
}

#[test]
fn metrics_have_stable_ids_and_point_at_their_text() {
    let report = read("reports/bazhou-natural-resources-2023.txt");
    let fine = report
        .metrics
        .iter()
        .find(|m| m.raw == "1230.01万元")
        .unwrap();
    assert_eq!(
        (
            fine.id.to_string(),
            fine.section.as_ref().map(ToString::to_string)
        ),
        ("2.3.3.p0.m8".to_string(), Some("2.3.3".to_string()))
    );
    let paragraph = &report
        .section(&"2.3.3".parse().unwrap())
        .unwrap()
        .paragraphs[0]
        .text;
    let text: String = paragraph
        .chars()
        .skip(fine.span[0])
        .take(fine.span[1] - fine.span[0])
        .collect();
    assert_eq!(text, "1230.01万元");
    let json = serde_json::to_value(fine).unwrap();
    assert_eq!(json["value"], serde_json::json!(12_300_100));
}

/// The text a metric points at: a paragraph's, or a section heading's (number and title).
fn block_text(report: &Report, metric: &Metric) -> String {
    report
        .block_text(&metric.paragraph)
        .unwrap_or_else(|| panic!("{} points at no block", metric.id))
        .into_owned()
}

fn sentence() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("受理".to_string()),
        Just("约".to_string()),
        Just("余".to_string()),
        Just("万".to_string()),
        Just("亿".to_string()),
        Just("元".to_string()),
        Just("件".to_string()),
        Just("%".to_string()),
        Just("，".to_string()),
        Just("。".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("《".to_string()),
        Just("三千".to_string()),
        Just("十".to_string()),
        Just("第".to_string()),
        Just("年".to_string()),
        Just("·".to_string()),
        Just(",".to_string()),
        Just(".".to_string()),
        Just("平方米".to_string()),
        "[0-9０-９]{1,6}",
        "[一二三四五六七八九十百千两〇]{1,4}",
        "\\PC{0,3}",
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::proptest_cases()))]

    #[test]
    fn spans_lie_in_their_paragraph_and_show_the_figure(text in sentence()) {
        let report = parse(&format!("标题\n{text}\n（一）{text}\n"));
        for metric in &report.metrics {
            let block = block_text(&report, metric);
            let [start, end] = metric.span;
            prop_assert!(start < end && end <= block.chars().count(), "{:?}", metric);
            let shown: String = block.chars().skip(start).take(end - start).collect();
            prop_assert_eq!(&shown, &metric.raw);
            prop_assert!(metric.value.is_finite() && metric.value >= 0.0);
        }
    }
}
