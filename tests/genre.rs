//! Real portal pages of the genre (issue #13): titles and metadata among page chrome, long
//! sentence headings, and figures with their labels, on test texts written in the style of
//! page copies from town, county, district, city and department portals.

use std::fs;

mod common;

use common::{metric_rows, read, MetricRow};
use gongkai::{metrics::MAX_LABEL_CHARS, parse::parse, report::Report};

/// `(id, number, title)` of every section in document order.
fn outline(report: &Report) -> Vec<(String, String, String)> {
    report
        .all_sections()
        .map(|s| (s.id.to_string(), s.number.clone(), s.title.clone()))
        .collect()
}

fn expected_outline(rows: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    rows.iter()
        .map(|&(id, n, t)| (id.into(), n.into(), t.into()))
        .collect()
}

/// The body text put back together without white space: preamble, then each heading's number,
/// title, closing mark and paragraphs. The title is left out (it may come from chrome).
fn body(report: &Report) -> String {
    let mut out = report.body_text();
    out.retain(|c| !c.is_whitespace());
    out
}

/// The file's lines from `first` to `last` (1-based, inclusive) without white space, skipping
/// the lines listed as chrome.
fn lines_of(path: &str, first: usize, last: usize, chrome: &[&str]) -> String {
    let text = fs::read_to_string(path).unwrap();
    text.lines()
        .skip(first - 1)
        .take(last + 1 - first)
        .filter(|l| !chrome.contains(&l.trim()))
        .flat_map(|l| l.chars().filter(|c| !c.is_whitespace()))
        .collect()
}

/// Every report of the genre: no empty section title, no empty label, labels fit a card.
fn check_invariants(report: &Report) {
    for s in report.all_sections() {
        assert!(!s.title.is_empty(), "empty title: {s:?}");
    }
    for m in &report.metrics {
        assert!(!m.label.is_empty(), "{m:?}");
        assert!(m.label.chars().count() <= MAX_LABEL_CHARS, "{m:?}");
    }
}

#[test]
fn glued_breadcrumb_share_widget_and_no_title_line() {
    let path = "tests/reports/genre-township-no-title-2022.txt";
    let report = read(path);
    check_invariants(&report);
    // No title line in the body: the attachment's name names the report; a warning says so.
    assert_eq!(report.title, "2022年法治建设情况报告");
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert!(report.warnings[0].message.contains("附件名"));
    assert_eq!(report.breadcrumb, ["首页", "政务公开", "部门文件"]);
    // Share buttons glued to the time line are not part of it.
    assert_eq!(report.published.as_deref(), Some("2023-04-02 09:15"));
    assert!(report.preamble[0].text.starts_with("2022年以来，全镇系统"));
    assert_eq!(
        outline(&report),
        expected_outline(&[
            ("1", "一、", "主要工作"),
            // A whole-sentence heading takes its first clause; the note stays text.
            ("1.1", "（一）", "加强干部职工法治教育学习"),
            ("1.2", "（二）", "规范行政执法"),
            ("1.3", "（三）", "化解矛盾纠纷"),
            ("2", "二、", "存在问题"),
        ])
    );
    assert_eq!(
        report.section(&"1.1".parse().unwrap()).unwrap().paragraphs[0].text,
        "提高全体干部职工尊法学法守法用法、依法行政的自觉性。（责任处室：党政办）"
    );
    // The sign-off stays text; trailing full-width spaces are trimmed.
    let closing = common::paragraph_texts(&report, "2");
    assert_eq!(
        closing,
        [
            "一是法治宣传形式单一；二是执法人员力量不足。",
            "某某镇人民政府",
            "2023年3月30日"
        ]
    );
    let expected: &[MetricRow] = &[
        ("12次", 12.0, "次", None, "组织集中学法"),
        ("458人次", 458.0, "人次", None, "参学干部"),
        ("3,200余份", 3200.0, "份", Some("余"), "发放宣传资料"),
        ("17 家", 17.0, "家", None, "开展联合执法检查"),
        ("26起", 26.0, "起", None, "立案查处违法案件"),
        ("8.6万元", 86_000.0, "元", None, "罚没款"),
        ("138件", 138.0, "件", None, "调处矛盾纠纷"),
        ("97.8％", 97.8, "%", None, "调处成功率"),
    ];
    assert_eq!(metric_rows(&report), expected);
    // Every body character from the first paragraph to the sign-off, once.
    assert_eq!(body(&report), lines_of(path, 6, 27, &[]));
}

#[test]
fn government_work_report_with_letter_spaced_title_subtitle_and_speaker() {
    let path = "tests/reports/genre-district-work-report-2024.txt";
    let report = read(path);
    check_invariants(&report);
    assert_eq!(report.title, "政府工作报告");
    // Crumbs on lines of their own, around `>` lines.
    assert_eq!(report.breadcrumb, ["首页", "政务公开", "政府工作报告"]);
    assert_eq!(report.author.as_deref(), Some("王某某"));
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    // The subtitle is kept once, as the first paragraph; the repeated title and subtitle go.
    let preamble: Vec<&str> = report.preamble.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        preamble,
        [
            "——2024年1月8日在某某区第三届人民代表大会第四次会议上",
            "各位代表：",
            "现在，我代表区人民政府，向大会报告工作，请予审议，并请区政协委员提出意见。"
        ]
    );
    assert_eq!(
        outline(&report),
        expected_outline(&[
            ("1", "一、", "2023年工作回顾"),
            ("2", "二、", "“十五五”时期发展思路"),
            ("3", "三、", "2024年主要工作"),
            ("3.1", "（一）", "做强实体经济"),
            ("3.2", "（二）", "推进乡村振兴"),
        ])
    );
    // Bold lead-ins without a number and lines opening with a year are paragraphs.
    let texts = common::paragraph_texts(&report, "1");
    assert_eq!(texts.len(), 5);
    assert_eq!((texts[1], texts[3]), ("扩大有效投资。", "提升民生福祉。"));
    let expected: &[MetricRow] = &[
        (
            "1,250.37亿元",
            125_037_000_000.0,
            "元",
            None,
            "地区生产总值",
        ),
        ("6.2%", 6.2, "%", None, "增长"),
        ("3.2亿美元", 320_000_000.0, "美元", None, "实际利用外资"),
        ("1,408个", 1408.0, "个", None, "实施重点项目"),
        ("486.5亿元", 48_650_000_000.0, "元", None, "完成投资"),
        ("十二轮", 12.0, "轮", None, "开展“招商引资攻坚年”活动"),
        ("百件", 100.0, "件", Some("近"), "新签约亿元以上项目"),
        // 约 belongs to 签约: no qualifier, and the label keeps the word.
        ("12座", 12.0, "座", None, "签约充电站"),
        ("2,300亩", 2300.0, "亩", None, "新增建设用地"),
        ("560余个", 560.0, "个", Some("余"), "为企业解决问题"),
        ("1.2万人", 12_000.0, "人", None, "新增城镇就业"),
        ("4.5亿元", 450_000_000.0, "元", None, "发放创业担保贷款"),
        ("35家", 35.0, "家", None, "新培育规上工业企业"),
        ("52万亩以上", 520_000.0, "亩", Some("以上"), "粮食播种面积"),
        ("28万头", 280_000.0, "头", None, "生猪出栏"),
        ("3艘", 3.0, "艘", None, "新增渔船"),
    ];
    assert_eq!(metric_rows(&report), expected);
    assert_eq!(
        body(&report),
        lines_of(
            path,
            7,
            27,
            &[
                "区长　　王某某",
                "政 府 工 作 报 告",
                "——2024年1月8日在某某区第三届人民代表大会第四次会议上"
            ]
        )
        .replacen(
            "各位代表",
            "——2024年1月8日在某某区第三届人民代表大会第四次会议上各位代表",
            1
        )
    );
}

#[test]
fn metadata_values_on_the_next_line_captions_and_irregular_numbers() {
    let path = "tests/reports/genre-county-sasac-2023.txt";
    let report = read(path);
    check_invariants(&report);
    assert_eq!(
        report.title,
        "某县国有资产监督管理局2023年国资监管工作情况报告"
    );
    assert_eq!(report.breadcrumb, ["首页", "信息公开", "国资监管"]);
    assert_eq!(report.published.as_deref(), Some("2024-01-15"));
    assert_eq!(report.source.as_deref(), Some("某县国资局"));
    assert_eq!(
        outline(&report),
        expected_outline(&[
            ("1", "一、", "国资监管工作开展情况"),
            ("1.1", "（一）", "完善制度体系"),
            ("1.2", "（一）", "加强投资监管"),
            ("1.3", "（三）", "推进国企改革"),
            ("1.4", "（十）", "加强党的建设"),
            ("2", "二、", "下一步工作打算"),
        ])
    );
    // Repeated and skipped numbers are kept, each with a warning on its line.
    let lines: Vec<usize> = report.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [11, 14, 15], "{:?}", report.warnings);
    let expected: &[MetricRow] = &[
        ("9项", 9.0, "项", None, "修订出台监管制度"),
        ("14件", 14.0, "件", None, "清理规范性文件"),
        ("23个", 23.0, "个", None, "审核企业投资项目"),
        ("15.6亿元", 1_560_000_000.0, "元", None, "涉及金额"),
        ("6户", 6.0, "户", None, "完成子企业整合重组"),
        ("8期", 8.0, "期", None, "开展专题培训"),
        ("650人次", 650.0, "人次", Some("约"), "培训国企干部职工"),
    ];
    assert_eq!(metric_rows(&report), expected);
    // The photo caption is dropped; everything else is kept once.
    assert_eq!(
        body(&report),
        lines_of(path, 8, 17, &["图为县国资局召开2023年度国企负责人述职会议"])
    );
}

#[test]
fn flattened_tables_and_figure_cards() {
    let report = read("tests/reports/genre-city-info-disclosure-2022.txt");
    check_invariants(&report);
    assert_eq!(report.title, "某市交通运输局2022年政府信息公开工作年度报告");
    assert_eq!(report.source.as_deref(), Some("某市交通运输局"));
    // Table rows flattened into text are neither headings nor figures.
    let titles: Vec<String> = report.all_sections().map(|s| s.title.clone()).collect();
    assert_eq!(titles.len(), 5, "{titles:?}");
    let expected: &[MetricRow] = &[
        ("1,562条", 1562.0, "条", None, "主动公开政府信息"),
        ("986条", 986.0, "条", None, "通过门户网站公开"),
        // Cards: the caption on the next line says what the figure counts.
        ("458 人次", 458.0, "人次", None, "参加政务公开培训"),
        ("2.3万件", 23_000.0, "件", None, "办理网上咨询"),
        ("45件", 45.0, "件", None, "收到政府信息公开申请"),
        ("100%", 100.0, "%", None, "办结率"),
        ("1,260辆次", 1260.0, "辆次", None, "检查营运车辆"),
        ("35艘", 35.0, "艘", None, "客运船舶"),
        ("92处", 92.0, "处", None, "整改隐患"),
        // Nothing in the clause says what: the section's title does, flagged.
        ("120次", 120.0, "次", None, "其他需要报告的事项"),
    ];
    assert_eq!(metric_rows(&report), expected);
    let inferred: Vec<&str> = report
        .metrics
        .iter()
        .filter(|m| m.label_inferred)
        .map(|m| m.raw.as_str())
        .collect();
    assert_eq!(inferred, ["458 人次", "2.3万件", "120次"]);
    // The flag is in the JSON only when set.
    let json = serde_json::to_value(&report.metrics).unwrap();
    assert_eq!(json[0].get("label_inferred"), None);
    assert_eq!(json[2]["label_inferred"], true);
}

#[test]
fn crumbs_one_per_line_repeated_title_and_a_clause_heading() {
    let path = "tests/reports/genre-department-rule-of-law-2023.txt";
    let report = read(path);
    check_invariants(&report);
    assert_eq!(report.title, "某市生态环境局2023年法治政府建设年度报告");
    assert_eq!(report.breadcrumb, ["首页", "政务公开", "法治政府建设"]);
    assert_eq!(report.published.as_deref(), Some("2024-03-25 16:30"));
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert_eq!(
        outline(&report),
        expected_outline(&[
            ("1", "一、", "2023年推进法治政府建设的主要举措和成效"),
            ("1.1", "（一）", "健全依法决策机制"),
            ("1.2", "（二）", "严格规范公正文明执法"),
            ("2", "二、", "存在的不足"),
            ("3", "三、", "2024年工作安排"),
        ])
    );
    assert_eq!(
        report
            .section(&"1.2".parse().unwrap())
            .unwrap()
            .title_end
            .as_deref(),
        Some("，")
    );
    let expected: &[MetricRow] = &[
        ("41份", 41.0, "份", None, "审查合同协议"),
        (
            "1,150家次",
            1150.0,
            "家次",
            None,
            "开展“双随机、一公开”抽查检查",
        ),
        ("87件", 87.0, "件", None, "办理环境违法案件"),
        (
            "632.5万元",
            6_325_000.0,
            "元",
            None,
            "下达处罚决定书罚款金额",
        ),
        ("5起", 5.0, "起", None, "移送公安机关涉嫌环境犯罪案件"),
        ("30家", 30.0, "家", None, "预约服务企业"),
        ("12万元", 120_000.0, "元", None, "节约办公经费"),
    ];
    assert_eq!(metric_rows(&report), expected);
    assert_eq!(body(&report), lines_of(path, 8, 16, &[]));
}

#[test]
fn a_page_with_no_title_anywhere_leaves_it_empty_with_a_warning() {
    let report = parse("当前位置：首页 > 通知公告\n分享到： 微信 微博\n2023年，我局共办理案件56件，按时办结率100%。\n");
    assert_eq!(report.title, "");
    assert_eq!(report.warnings.len(), 1);
    assert!(report.warnings[0].message.contains("题目留空"));
    assert_eq!(report.preamble.len(), 1);
    // A heading first, and no title: empty too, never a heading's text.
    let report = parse("一、主要工作\n办理案件56件。\n");
    assert_eq!(report.title, "");
    assert_eq!(report.warnings.len(), 1);
}

#[test]
fn figures_of_new_units_and_false_units() {
    let rows = |s: &str| -> Vec<(String, f64, String)> {
        parse(&format!("标题\n{s}\n"))
            .metrics
            .into_iter()
            .map(|m| (m.raw, m.value, m.unit))
            .collect()
    };
    for (sentence, raw, value, unit) in [
        ("收购粮食500万斤。", "500万斤", 5_000_000.0, "斤"),
        ("投票选举收回选票320票。", "320票", 320.0, "票"),
        ("新建公厕6座。", "6座", 6.0, "座"),
        ("存栏肉牛1.5万头。", "1.5万头", 15_000.0, "头"),
        ("新增光伏装机12万千瓦。", "12万千瓦", 120_000.0, "千瓦"),
        ("检查船舶42艘次。", "42艘次", 42.0, "艘次"),
        ("新建农房120栋。", "120栋", 120.0, "栋"),
        ("改造老旧小区住房3,200套。", "3,200套", 3200.0, "套"),
    ] {
        assert_eq!(
            rows(sentence),
            [(raw.to_string(), value, unit.to_string())],
            "{sentence}"
        );
    }
    // A unit character that starts another word is not a unit.
    for sentence in [
        "服务3人民群众。",
        "其中5头条新闻。",
        "完成3列入计划项目。",
        "第 3 次会议审议通过。",
        "最近3年来持续推进。",
    ] {
        let found = rows(sentence);
        assert!(
            found
                .iter()
                .all(|(_, _, u)| u != "头" && u != "列" && u != "人"),
            "{sentence}: {found:?}"
        );
    }
    assert_eq!(rows("第 3 次会议审议通过。"), []);
}
