//! The `gongkai` command line (native only): export a report as JSON, check report files.

use std::{
    fs,
    io::{self, Write},
    path::Path,
    process::ExitCode,
};

use crate::{parse, report::Report};

const USAGE: &str = "\
gongkai — 政务公开报告阅读器的命令行工具

用法:
  gongkai parse FILE        把报告解析为 JSON（报告 JSON 约定），输出到标准输出
  gongkai metrics FILE      输出报告中的数据（数值、单位、修饰词、标签、位置），JSON 格式
  gongkai metrics FILE --csv
                            同上，CSV 格式（UTF-8 带 BOM，Excel 可直接打开）
  gongkai check FILE...     检查报告文件，逐条输出 文件:行: 警告
  gongkai site FILE... --out DIR [--base-url URL] [--viewer DIR]
                            发布为静态网站：每篇报告一页（无需脚本即可阅读，脚本加载后
                            成为完整阅读器），根目录为报告库页；DIR 可用任何网页服务器发布。
                            --base-url 为网站的公开地址（用于规范链接和分享）；
                            --viewer 为已构建的阅读器目录（默认 dist/）
  gongkai compare FILE FILE... [--json | --csv]
                            历年对比：识别各报告的年度和发布机关，把同一机关历年报告中
                            的同一项数据对齐成序列，输出 JSON（默认）或 CSV
  gongkai unpack FILE       输出网站检索文件（search-….bin，报告库全库检索读取的压缩文本）
                            中的 JSON，便于核对检索数据
  gongkai help              显示本说明

FILE 可以是纯文本，也可以是从门户网站保存的网页（.html/.htm），网页中的表格保留为表格。
纯文本 FILE 可以是 UTF-8（可带 BOM）、UTF-16（带 BOM）或 GBK/GB18030 编码，换行可为 LF、CRLF 或 CR。
退出码: 0 正常；1 有警告（check）；2 文件无法读取或用法错误。";

/// Runs the command line with `args` (without the program name).
pub fn run(args: &[String]) -> ExitCode {
    let stdout = io::stdout();
    let stderr = io::stderr();
    let (out, err): (&mut dyn Write, &mut dyn Write) = (&mut stdout.lock(), &mut stderr.lock());
    let result = match args.first().map(String::as_str) {
        Some("parse") if args.len() == 2 => parse_command(&args[1], out, err),
        Some("check") if args.len() >= 2 => check_command(&args[1..], out),
        Some("metrics") if args.len() == 2 => metrics_command(&args[1], false, out, err),
        Some("metrics") if args.len() == 3 && args[2] == "--csv" => {
            metrics_command(&args[1], true, out, err)
        }
        Some("site") => site_command(&args[1..], out),
        Some("compare") => compare_command(&args[1..], out, err),
        Some("unpack") if args.len() == 2 => unpack_command(&args[1], out, err),
        Some("help" | "-h" | "--help") => writeln!(out, "{USAGE}").map(|_| ExitCode::SUCCESS),
        _ => writeln!(err, "{USAGE}").map(|_| ExitCode::from(2)),
    };
    result.unwrap_or_else(|e| {
        // A reader that stopped early (`gongkai parse f | head`) is not an error.
        if e.kind() == io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
        let _ = writeln!(err, "gongkai: {e}");
        ExitCode::from(2)
    })
}

/// Reads and parses one file; the error names the file (and the line, when there is one), or
/// the limit the file goes beyond. A saved page (`.html`/`.htm`, or content that opens as HTML)
/// is read as a page.
pub fn read_report(path: &str) -> Result<Report, String> {
    let size = fs::metadata(Path::new(path))
        .map_err(|e| format!("{path}: 无法读取文件：{e}"))?
        .len();
    crate::limits::check_size(size).map_err(|e| format!("{path}: {e}"))?;
    let bytes = fs::read(Path::new(path)).map_err(|e| format!("{path}: 无法读取文件：{e}"))?;
    let by_name = Path::new(path)
        .extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| x.eq_ignore_ascii_case("html") || x.eq_ignore_ascii_case("htm"));
    let report = if by_name || crate::html::looks_like_html(&bytes) {
        crate::html::parse_html_bytes(&bytes)
    } else {
        parse::parse_bytes(&bytes).map_err(|e| format!("{path}:{e}"))?
    };
    crate::limits::check_report(&report).map_err(|e| format!("{path}: {e}"))?;
    Ok(report)
}

fn parse_command(path: &str, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<ExitCode> {
    match read_report(path) {
        Ok(report) => {
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(message) => {
            writeln!(err, "gongkai: {message}")?;
            Ok(ExitCode::from(2))
        }
    }
}

/// Prints the text a site's packed search file holds (the JSON the shelf's search reads).
fn unpack_command(path: &str, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<ExitCode> {
    let unpacked = fs::read(Path::new(path))
        .map_err(|e| format!("{path}: 无法读取文件：{e}"))
        .and_then(|bytes| crate::textpack::unpack(&bytes).map_err(|e| format!("{path}: {e}")));
    match unpacked {
        Ok(text) => {
            out.write_all(text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Err(message) => {
            writeln!(err, "gongkai: {message}")?;
            Ok(ExitCode::from(2))
        }
    }
}

fn metrics_command(
    path: &str,
    csv: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<ExitCode> {
    let report = match read_report(path) {
        Ok(report) => report,
        Err(message) => {
            writeln!(err, "gongkai: {message}")?;
            return Ok(ExitCode::from(2));
        }
    };
    if csv {
        write_metrics_csv(&report, out)?;
    } else {
        serde_json::to_writer_pretty(&mut *out, &report.metrics)?;
        writeln!(out)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the report's metrics as CSV for spreadsheets: UTF-8 with a BOM (so Excel reads the
/// Chinese correctly), CRLF line ends, one row per figure.
pub fn write_metrics_csv(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    let header = [
        "编号",
        "章节",
        "章节标题",
        "段落",
        "原文",
        "数值",
        "单位",
        "修饰词",
        "标签",
        "起",
        "止",
    ];
    write_csv_row(out, header.iter().map(|h| h.to_string()))?;
    for metric in &report.metrics {
        let section = metric.section.as_ref().and_then(|id| report.section(id));
        let value = serde_json::to_value(metric)
            .ok()
            .and_then(|v| v.get("value").map(ToString::to_string))
            .unwrap_or_default();
        write_csv_row(
            out,
            [
                metric.id.to_string(),
                metric
                    .section
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                section.map(|s| s.heading_text()).unwrap_or_default(),
                metric.paragraph.to_string(),
                metric.raw.clone(),
                value,
                metric.unit.clone(),
                metric.qualifier.clone().unwrap_or_default(),
                metric.label.clone(),
                metric.span[0].to_string(),
                metric.span[1].to_string(),
            ]
            .into_iter(),
        )?;
    }
    Ok(())
}

fn write_csv_row(out: &mut dyn Write, fields: impl Iterator<Item = String>) -> io::Result<()> {
    let row: Vec<String> = fields
        .map(|field| {
            if field.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", field.replace('"', "\"\""))
            } else {
                field
            }
        })
        .collect();
    write!(out, "{}\r\n", row.join(","))
}

fn check_command(paths: &[String], out: &mut dyn Write) -> io::Result<ExitCode> {
    let (mut warnings, mut failures) = (0, 0);
    for path in paths {
        match read_report(path) {
            Ok(report) => {
                for warning in &report.warnings {
                    writeln!(out, "{path}:{}: 警告：{}", warning.line, warning.message)?;
                }
                warnings += report.warnings.len();
                let sections = count_sections(&report.sections);
                writeln!(
                    out,
                    "{path}: 《{}》，{sections} 个章节，{} 条警告",
                    report.title,
                    report.warnings.len()
                )?;
            }
            Err(message) => {
                writeln!(out, "{message}")?;
                failures += 1;
            }
        }
    }
    writeln!(
        out,
        "共检查 {} 个文件：{failures} 个无法读取，{warnings} 条警告",
        paths.len()
    )?;
    Ok(match (failures, warnings) {
        (0, 0) => ExitCode::SUCCESS,
        (0, _) => ExitCode::from(1),
        _ => ExitCode::from(2),
    })
}

fn count_sections(sections: &[crate::report::Section]) -> usize {
    sections
        .iter()
        .map(|s| 1 + count_sections(&s.children))
        .sum()
}

/// `gongkai site FILE... --out DIR [--base-url URL] [--viewer DIR]`.
fn site_command(args: &[String], out: &mut dyn Write) -> io::Result<ExitCode> {
    let mut files = Vec::new();
    let (mut out_dir, mut options) = (None, crate::site::SiteOptions::default());
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |name: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| format!("{name} 后面缺少取值"))
        };
        let result = match arg.as_str() {
            "--out" => value("--out").map(|v| out_dir = Some(std::path::PathBuf::from(v))),
            "--base-url" => value("--base-url").map(|v| options.base_url = Some(v)),
            "--viewer" => value("--viewer").map(|v| options.viewer = Some(v.into())),
            flag if flag.starts_with("--") => Err(format!("不认识的选项 {flag}")),
            file => {
                files.push(file.to_string());
                Ok(())
            }
        };
        if let Err(message) = result {
            writeln!(out, "gongkai site: {message}\n\n{USAGE}")?;
            return Ok(ExitCode::from(2));
        }
    }
    let Some(out_dir) = out_dir.filter(|_| !files.is_empty()) else {
        writeln!(
            out,
            "gongkai site: 需要至少一个报告文件和 --out 目录\n\n{USAGE}"
        )?;
        return Ok(ExitCode::from(2));
    };
    let mut reports = Vec::new();
    for file in &files {
        match read_report(file) {
            Ok(report) => reports.push((std::path::PathBuf::from(file), report)),
            Err(message) => {
                writeln!(out, "{message}")?;
                return Ok(ExitCode::from(2));
            }
        }
    }
    match crate::site::write_site(reports, &out_dir, &options) {
        Ok(summary) => {
            for (source, slug) in &summary.reports {
                writeln!(
                    out,
                    "{} → {}/",
                    source.display(),
                    summary.out.join(slug).display()
                )?;
            }
            writeln!(
                out,
                "已发布 {} 篇报告到 {}（报告库：{}）",
                summary.reports.len(),
                summary.out.display(),
                summary.out.join("index.html").display()
            )?;
            if summary.offices > 0 {
                writeln!(
                    out,
                    "历年对比：{} 个机关（{}）",
                    summary.offices,
                    summary.out.join(crate::site::COMPARE).display()
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(message) => {
            writeln!(out, "gongkai site: {message}")?;
            Ok(ExitCode::from(2))
        }
    }
}

/// `gongkai compare FILE FILE... [--json | --csv]`: the reports' years and offices and their
/// figures lined up year over year ([`crate::compare`]).
fn compare_command(
    args: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<ExitCode> {
    let csv = args.iter().any(|a| a == "--csv");
    let json = args.iter().any(|a| a == "--json");
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let unknown = args
        .iter()
        .find(|a| a.starts_with("--") && !matches!(a.as_str(), "--csv" | "--json"));
    if let Some(option) = unknown {
        writeln!(err, "gongkai: compare 不认识选项 {option}\n\n{USAGE}")?;
        return Ok(ExitCode::from(2));
    }
    if (csv && json) || paths.len() < 2 {
        writeln!(
            err,
            "gongkai: compare 需要至少两份报告，且 --json 与 --csv 只能选一个\n\n{USAGE}"
        )?;
        return Ok(ExitCode::from(2));
    }
    let mut reports = Vec::with_capacity(paths.len());
    for path in paths {
        match read_report(path) {
            Ok(report) => reports.push((path.clone(), report)),
            Err(message) => {
                writeln!(err, "gongkai: {message}")?;
                return Ok(ExitCode::from(2));
            }
        }
    }
    let comparison = crate::compare::compare(&reports);
    if csv {
        write_comparison_csv(&comparison, out)?;
    } else {
        serde_json::to_writer_pretty(&mut *out, &comparison)?;
        writeln!(out)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes a comparison as CSV for spreadsheets, one row per figure of a series (UTF-8 with a
/// BOM and CRLF, like `metrics --csv`).
pub fn write_comparison_csv(
    comparison: &crate::compare::Comparison,
    out: &mut dyn Write,
) -> io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    let header = [
        "序列", "机关", "标签", "单位", "年度", "文件", "编号", "原文", "数值", "变化",
    ];
    write_csv_row(out, header.iter().map(|h| h.to_string()))?;
    for (k, series) in comparison.series.iter().enumerate() {
        let office = comparison.office_of(series);
        for (value, change) in series.values.iter().zip(series.changes()) {
            let number = serde_json::to_value(value)
                .ok()
                .and_then(|v| v.get("value").map(ToString::to_string))
                .unwrap_or_default();
            let file = comparison
                .reports
                .get(value.report)
                .map_or("", |r| r.file.as_str());
            write_csv_row(
                out,
                [
                    (k + 1).to_string(),
                    office.to_string(),
                    series.label.clone(),
                    series.unit.clone(),
                    value.year.map(|y| y.to_string()).unwrap_or_default(),
                    file.to_string(),
                    value.metric_id.to_string(),
                    value.raw.clone(),
                    number,
                    change.unwrap_or_default(),
                ]
                .into_iter(),
            )?;
        }
    }
    Ok(())
}
