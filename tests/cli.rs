//! The `gongkai` binary as a user runs it.

use std::process::{Command, Output};

mod common;

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

#[test]
fn reports_beyond_the_limits_are_refused_naming_the_file_and_the_limit() {
    use gongkai::limits::{MAX_REPORT_BLOCKS, MAX_REPORT_BYTES, MAX_REPORT_FIGURES};
    let dir = std::env::temp_dir().join(format!("gongkai-cli-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, text: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    // Every command reads through the same check; parsing a large file in a debug build is
    // slow, so those are tried with one command each.
    let refused = |path: &str, limit: String, commands: &[&str]| {
        for &command in commands {
            let output = gongkai(&[command, path]);
            assert_eq!(output.status.code(), Some(2), "{command} {path}");
            let said = String::from_utf8_lossy(&output.stderr).into_owned() + &stdout(&output);
            assert!(said.contains(path) && said.contains(&limit), "{said}");
        }
    };

    let big = write("big.txt", &vec![b'a'; MAX_REPORT_BYTES as usize + 1]);
    refused(
        &big,
        MAX_REPORT_BYTES.to_string(),
        &["parse", "metrics", "check"],
    );

    // Reports as large as the limits take seconds in a debug build: CI's slow step.
    if !common::slow_tests() {
        std::fs::remove_dir_all(dir).unwrap();
        return;
    }
    let paragraphs = format!("标题\n{}", "一段正文。\n".repeat(MAX_REPORT_BLOCKS + 1));
    let paragraphs = write("paragraphs.txt", paragraphs.as_bytes());
    refused(&paragraphs, MAX_REPORT_BLOCKS.to_string(), &["check"]);

    // At the limit a report is read; one figure more and it is refused.
    let figures = |n: usize| format!("标题\n{}", "办理案件12件，".repeat(n));
    let at_limit = write(
        "figures-at-limit.txt",
        figures(MAX_REPORT_FIGURES).as_bytes(),
    );
    let output = gongkai(&["metrics", &at_limit]);
    assert_eq!(output.status.code(), Some(0));
    let metrics: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(metrics.as_array().unwrap().len(), MAX_REPORT_FIGURES);
    let over = write("figures.txt", figures(MAX_REPORT_FIGURES + 1).as_bytes());
    refused(&over, MAX_REPORT_FIGURES.to_string(), &["parse"]);
    std::fs::remove_dir_all(dir).unwrap();
}
