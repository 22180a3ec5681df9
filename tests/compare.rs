//! Year-over-year comparison: the series in `tests/series` scored against the gold line-ups
//! of `tests/series/gold.json`, each matching rule on sentences of its own, and
//! `gongkai compare` as a user runs it.

mod common;

use std::{
    collections::BTreeSet,
    process::{Command, Output},
};

use gongkai::{
    compare::{compare, Comparison},
    parse::parse,
    report::Report,
};

const SERIES_DIR: &str = "tests/series";

fn series_reports() -> Vec<(String, Report)> {
    let mut names: Vec<String> = std::fs::read_dir(SERIES_DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let report = common::read(&format!("{SERIES_DIR}/{n}"));
            (n, report)
        })
        .collect()
}

fn gold() -> serde_json::Value {
    let text = std::fs::read_to_string(format!("{SERIES_DIR}/gold.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A figure as the gold file names it: (file, metric id).
type Figure = (String, String);

fn figure(v: &serde_json::Value) -> Figure {
    (
        v["file"].as_str().unwrap().to_string(),
        v["metric_id"].as_str().unwrap().to_string(),
    )
}

fn unordered(a: Figure, b: Figure) -> (Figure, Figure) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

/// Every pair of figures a comparison lines up in one series.
fn predicted_pairs(comparison: &Comparison) -> BTreeSet<(Figure, Figure)> {
    let mut pairs = BTreeSet::new();
    for series in &comparison.series {
        let figures: Vec<Figure> = series
            .values
            .iter()
            .map(|v| {
                (
                    comparison.reports[v.report].file.clone(),
                    v.metric_id.to_string(),
                )
            })
            .collect();
        for (i, a) in figures.iter().enumerate() {
            for b in &figures[i + 1..] {
                pairs.insert(unordered(a.clone(), b.clone()));
            }
        }
    }
    pairs
}

#[test]
fn gold_ids_name_the_figures_the_extractor_finds() {
    let reports = series_reports();
    let gold = gold();
    let mut entries: Vec<&serde_json::Value> = gold["series"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s.as_array().unwrap())
        .collect();
    for pair in gold["lookalikes"].as_array().unwrap() {
        entries.push(&pair["a"]);
        entries.push(&pair["b"]);
    }
    for entry in entries {
        let (file, id) = figure(entry);
        let (_, report) = reports.iter().find(|(n, _)| *n == file).expect(&file);
        let metric = report
            .metric(&id.parse().unwrap())
            .unwrap_or_else(|| panic!("{file}: no figure {id}"));
        assert_eq!(metric.raw, entry["raw"].as_str().unwrap(), "{file} {id}");
    }
}

#[test]
fn series_match_the_gold_line_ups_with_high_precision_and_recall() {
    let comparison = compare(&series_reports());
    let predicted = predicted_pairs(&comparison);
    let mut expected = BTreeSet::new();
    for series in gold()["series"].as_array().unwrap() {
        let figures: Vec<Figure> = series.as_array().unwrap().iter().map(figure).collect();
        for (i, a) in figures.iter().enumerate() {
            for b in &figures[i + 1..] {
                expected.insert(unordered(a.clone(), b.clone()));
            }
        }
    }
    let right = predicted.intersection(&expected).count() as f64;
    let precision = right / predicted.len() as f64;
    let recall = right / expected.len() as f64;
    let wrong: Vec<_> = predicted.difference(&expected).collect();
    let missed: Vec<_> = expected.difference(&predicted).collect();
    println!(
        "pairs: {} lined up, {} in gold, {right} right; precision {precision:.3}, recall {recall:.3}",
        predicted.len(),
        expected.len()
    );
    println!("wrong: {wrong:?}\nmissed: {missed:?}");
    assert!(precision >= 0.95, "precision {precision:.3}: {wrong:?}");
    assert!(recall >= 0.80, "recall {recall:.3}: {missed:?}");
}

#[test]
fn no_look_alike_pair_is_lined_up() {
    let predicted = predicted_pairs(&compare(&series_reports()));
    let lookalikes = gold()["lookalikes"].as_array().unwrap().clone();
    assert!(lookalikes.len() >= 10);
    for pair in lookalikes {
        let key = unordered(figure(&pair["a"]), figure(&pair["b"]));
        assert!(!predicted.contains(&key), "{}: {key:?}", pair["why"]);
    }
}

#[test]
fn each_series_report_gets_its_year_and_office() {
    let comparison = compare(&series_reports());
    let mut offices = BTreeSet::new();
    for info in &comparison.reports {
        // The year is the file name's last part; the office must be the same for one slug.
        let year: i32 = info.file[info.file.len() - 8..info.file.len() - 4]
            .parse()
            .unwrap();
        assert_eq!(info.year, Some(year), "{}", info.file);
        let slug = &info.file[..info.file.len() - 9];
        offices.insert((slug.to_string(), info.office.clone()));
        assert!(!info.office.is_empty(), "{}", info.file);
    }
    let slugs: BTreeSet<_> = offices.iter().map(|(s, _)| s).collect();
    let names: BTreeSet<_> = offices.iter().map(|(_, o)| o).collect();
    assert_eq!(
        slugs.len(),
        offices.len(),
        "one office per slug: {offices:?}"
    );
    assert_eq!(
        names.len(),
        offices.len(),
        "offices kept apart: {offices:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// The rules, each on sentences of its own.

fn report(title: &str, body: &str) -> Report {
    parse(&format!("{title}\n发布时间：2024-03-01\n{body}\n"))
}

/// The series of a comparison as (label, [raw…]).
fn lined_up(reports: &[Report]) -> Vec<Vec<String>> {
    let named: Vec<(String, Report)> = reports
        .iter()
        .enumerate()
        .map(|(k, r)| (format!("r{k}.txt"), r.clone()))
        .collect();
    compare(&named)
        .series
        .into_iter()
        .map(|s| s.values.into_iter().map(|v| v.raw).collect())
        .collect()
}

#[test]
fn verb_synonyms_reordered_words_and_units_line_up() {
    let a = report(
        "某区市场监管局关于2022年法治政府建设情况的报告",
        "一、执法办案\n全年受理投诉举报案件1,204件，为消费者挽回经济损失3,180,000元。\n二、其他\n举办食品安全培训班9期。",
    );
    let b = report(
        "某区市场监管局关于2023年法治政府建设情况的报告",
        "一、执法办案\n投诉举报案件办理1,530件。\n二、消费维权\n挽回消费者经济损失405.6万元，开展食品安全培训班十二期。",
    );
    let series = lined_up(&[a, b]);
    for expected in [
        ["1,204件", "1,530件"],
        ["3,180,000元", "405.6万元"],
        ["9期", "十二期"],
    ] {
        assert!(
            series.contains(&expected.map(String::from).to_vec()),
            "{expected:?} in {series:?}"
        );
    }
}

#[test]
fn look_alikes_with_the_same_unit_stay_apart() {
    let a = report(
        "某镇人民政府关于2022年法治政府建设工作的报告",
        "一、普法\n开展法治讲座14场。复议纠错率12.5%。",
    );
    let b = report(
        "某镇人民政府关于2023年法治政府建设工作的报告",
        "一、普法\n举办法治培训班9场，复议维持率80.0%。",
    );
    assert!(lined_up(&[a, b]).is_empty());
}

#[test]
fn two_counts_of_one_paragraph_do_not_both_take_one_figure() {
    // 2022 states only what was received; 2023 states received and closed in one sentence.
    let a = report(
        "某县人民法院关于2022年法治建设情况的报告",
        "一、审判执行\n全年新收各类案件8,650件。",
    );
    let b = report(
        "某县人民法院关于2023年法治建设情况的报告",
        "一、审判执行\n全年新收各类案件9,120件，审结各类案件8,970件。",
    );
    let series = lined_up(&[a, b]);
    assert_eq!(series, [["8,650件", "9,120件"]]);
}

#[test]
fn ambiguous_figures_stay_unmatched() {
    // 2023 has two counts that fit 2022's one equally well: neither is chosen.
    let a = report(
        "某县人民法院关于2022年法治建设情况的报告",
        "一、审判执行\n全年办结案件8,650件。",
    );
    let b = report(
        "某县人民法院关于2023年法治建设情况的报告",
        "一、审判执行\n民事庭办结案件5,020件；刑事庭办结案件1,130件。",
    );
    let series = lined_up(&[a, b]);
    assert!(series.is_empty(), "{series:?}");
}

#[test]
fn a_figure_stated_twice_is_not_its_own_rival() {
    let a = report(
        "某区司法局关于2022年法治政府建设情况的报告",
        "2022年，全区办理法律援助案件230件。\n一、公共法律服务\n办理法律援助案件230件。",
    );
    let b = report(
        "某区司法局关于2023年法治政府建设情况的报告",
        "一、公共法律服务\n受理法律援助案件268件。",
    );
    assert_eq!(lined_up(&[a, b]), [["230件", "268件"]]);
}

#[test]
fn a_short_label_borrows_the_figure_before_it_in_its_sentence() {
    let a = report(
        "某市人力资源和社会保障局关于2022年法治政府建设情况的报告",
        "一、仲裁\n受理劳动人事争议案件1,020件，审结986件。办理信访件88件，审结80件。",
    );
    let b = report(
        "某市人力资源和社会保障局关于2023年法治政府建设情况的报告",
        "一、仲裁\n办理劳动人事争议案件1,135件，审结1,101件。",
    );
    let series = lined_up(&[a, b]);
    assert!(
        series.contains(&vec!["986件".into(), "1,101件".into()]),
        "{series:?}"
    );
    assert!(
        !series.iter().any(|s| s.contains(&"80件".to_string())),
        "{series:?}"
    );
}

#[test]
fn different_offices_are_never_lined_up() {
    let a = report(
        "某区民政局关于2022年法治政府建设情况的报告",
        "一、普法\n开展普法讲座20场。",
    );
    let b = report(
        "某区水务局关于2023年法治政府建设情况的报告",
        "一、普法\n开展普法讲座25场。",
    );
    assert!(lined_up(&[a, b]).is_empty());
}

#[test]
fn reports_of_unknown_office_join_only_each_other() {
    let unknown = |year: u32, n: u32| {
        report(
            &format!("{year}年法治政府建设年度报告"),
            &format!("一、普法\n开展普法讲座{n}场。"),
        )
    };
    let known = report(
        "某区民政局关于2021年法治政府建设情况的报告",
        "一、普法\n开展普法讲座20场。",
    );
    // Nothing names an office: the user's choice of files is taken as one office.
    assert_eq!(lined_up(&[unknown(2022, 25), unknown(2023, 31)]).len(), 1);
    // One report names its office: the unknown ones stay alone.
    assert!(lined_up(&[known, unknown(2022, 25), unknown(2023, 31)]).is_empty());
}

// ---------------------------------------------------------------------------------------------
// The command line.

fn gongkai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .output()
        .expect("run gongkai")
}

const CITY: [&str; 3] = [
    "tests/series/city-urban-management-2021.txt",
    "tests/series/city-urban-management-2022.txt",
    "tests/series/city-urban-management-2023.txt",
];

#[test]
fn compare_json_has_reports_and_series_with_metric_ids() {
    let output = gongkai(&["compare", CITY[0], CITY[1], CITY[2], "--json"]);
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["reports"].as_array().unwrap().len(), 3);
    assert_eq!(json["reports"][1]["file"], CITY[1]);
    assert_eq!(json["reports"][1]["year"], 2022);
    let series = json["series"].as_array().unwrap();
    assert!(!series.is_empty());
    for s in series {
        assert!(s["label"].is_string() && s["unit"].is_string());
        for v in s["values"].as_array().unwrap() {
            let report = v["report"].as_u64().unwrap() as usize;
            let path = CITY[report];
            let id = v["metric_id"].as_str().unwrap();
            let metric = common::read(path)
                .metric(&id.parse().unwrap())
                .cloned()
                .unwrap_or_else(|| panic!("{path}: {id}"));
            assert_eq!(v["raw"], metric.raw.as_str());
            assert_eq!(v["year"], json["reports"][report]["year"]);
        }
    }
}

#[test]
fn compare_csv_is_excel_ready_with_changes() {
    let output = gongkai(&["compare", CITY[0], CITY[1], "--csv"]);
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with('\u{feff}'));
    let mut lines = text.trim_start_matches('\u{feff}').split("\r\n");
    assert_eq!(
        lines.next(),
        Some("序列,机关,标签,单位,年度,文件,编号,原文,数值,变化")
    );
    // 826.3万元 → 913.7万元: +10.6%.
    assert!(
        text.contains(&format!(
            "2022,{},1.p0.m2,913.7万元,9137000,+10.6%",
            CITY[1]
        )),
        "{text}"
    );
}

#[test]
fn compare_names_an_unreadable_file_and_needs_two_reports() {
    let output = gongkai(&["compare", CITY[0], "tests/series/no-such-report.txt"]);
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(err.contains("tests/series/no-such-report.txt"), "{err}");
    let output = gongkai(&["compare", CITY[0]]);
    assert_eq!(output.status.code(), Some(2));
    let output = gongkai(&["compare", CITY[0], CITY[1], "--xml"]);
    assert_eq!(output.status.code(), Some(2));
}
