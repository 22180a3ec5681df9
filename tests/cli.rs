//! The `gongkai` binary as a user runs it.

use std::process::{Command, Output};

fn gongkai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .output()
        .expect("run gongkai")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn parse_prints_the_report_json_for_utf8_gbk_and_crlf_files() {
    for (path, title) in [
        (
            "reports/bazhou-natural-resources-2023.txt",
            "巴中市自然资源和规划局巴州分局关于2023年法治政府建设工作情况的报告",
        ),
        (
            "tests/reports/township-2022-gbk.txt",
            "某镇人民政府关于2022年法治政府建设情况的报告",
        ),
        (
            "tests/reports/parts-bom-crlf.txt",
            "城市管理局法治政府建设年度报告",
        ),
    ] {
        let output = gongkai(&["parse", path]);
        assert!(output.status.success(), "{path}: {output:?}");
        let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        assert_eq!(json["title"], title, "{path}");
        for key in [
            "breadcrumb",
            "published",
            "source",
            "author",
            "preamble",
            "sections",
            "warnings",
        ] {
            assert!(json.get(key).is_some(), "{path}: no {key}");
        }
    }
}

#[test]
fn check_prints_warnings_with_file_and_line_and_exits_1() {
    let path = "tests/reports/numbering-irregular.txt";
    let output = gongkai(&["check", path, "reports/bazhou-natural-resources-2023.txt"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    for line in [11, 12, 13] {
        assert!(text.contains(&format!("{path}:{line}: 警告：")), "{text}");
    }
    assert!(text.contains("3 条警告"), "{text}");
}

#[test]
fn unreadable_files_are_errors_naming_file_and_line() {
    let dir = std::env::temp_dir().join(format!("gongkai-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"title\nline two\n\xff\xff\xff\n").unwrap();
    let bad = bad.to_str().unwrap();

    let output = gongkai(&["parse", bad]);
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(err.contains(&format!("{bad}:3:")), "{err}");

    let output = gongkai(&["parse", "no/such/file.txt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .contains("no/such/file.txt"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn usage_errors_exit_2_with_help() {
    let output = gongkai(&["frobnicate"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .contains("gongkai parse FILE"));
}

#[test]
fn metrics_csv_has_a_bom_a_header_and_a_row_per_figure() {
    let output = gongkai(&[
        "metrics",
        "reports/bazhou-natural-resources-2023.txt",
        "--csv",
    ]);
    assert!(output.status.success());
    let text = stdout(&output);
    let body = text.strip_prefix('\u{feff}').expect("UTF-8 BOM for Excel");
    let rows: Vec<&str> = body.split("\r\n").filter(|r| !r.is_empty()).collect();
    assert!(rows[0].starts_with("编号,章节,章节标题,段落,原文,数值,单位,修饰词,标签"));
    assert_eq!(rows.len(), 1 + 46);
    assert!(
        rows.iter()
            .any(|r| r.contains(",1230.01万元,12300100,元,,收缴罚款,")),
        "{body}"
    );
    assert!(
        rows.iter().any(|r| r.contains(",三千余户,3000,户,余,")),
        "{body}"
    );

    let json = gongkai(&["metrics", "tests/reports/township-2022-gbk.txt"]);
    let metrics: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(metrics[0]["raw"], "3000余件");
    assert_eq!(metrics[0]["qualifier"], "余");
}
