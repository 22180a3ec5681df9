//! What must hold for any input at each entry point, as checks that return the first broken
//! rule: shared by the fuzz targets (`fuzz/`, nightly) and by the replay of their saved crashes
//! in the normal test suite (`tests/fuzz_regressions.rs`, stable).
//!
//! Each `fuzz_*` function takes the raw bytes a fuzz target receives, so a saved input replays
//! exactly. They are plain Rust and cheap to keep in the crate: nothing calls them at run time.

use std::collections::HashSet;

use crate::{
    id::{BlockId, MetricId, SectionId},
    parse::{decode, parse},
    report::{Report, Section},
    route::{percent_decode, percent_encode, Address, AddressKey, Route},
    search::{SearchResults, MAX_QUERY_CHARS, MAX_SUGGESTIONS},
};

/// A broken rule, with what broke it.
pub type Check = Result<(), String>;

macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

/// A fuzz target's entry point: its input's bytes → the first rule they break.
pub type Target = fn(&[u8]) -> Check;

/// Every fuzz target by name, as the entry point its bytes go through. A saved input under
/// `fuzz/regressions/<name>/` is replayed through the function of the same name.
pub const TARGETS: &[(&str, Target)] = &[
    ("decode", fuzz_decode),
    ("parse_text", fuzz_parse_text),
    ("search", fuzz_search),
    ("route", fuzz_route),
    #[cfg(feature = "html")]
    ("html", fuzz_html),
    ("compare", fuzz_compare),
    ("unpack", fuzz_unpack),
];

// ---- entry points -------------------------------------------------------------------------

/// Bytes of a file → text: never panics; what it reads re-reads to the same text; an error
/// names a line of the file.
pub fn fuzz_decode(bytes: &[u8]) -> Check {
    match decode(bytes) {
        Ok(text) => {
            // With a UTF-8 byte-order mark the text reads back exactly, whatever it starts with.
            let marked = format!("\u{feff}{text}");
            let again = decode(marked.as_bytes()).map_err(|e| format!("re-decoding: {e}"))?;
            ensure!(
                again == text,
                "UTF-8 re-encoding with BOM reads back differently"
            );
            // Without one, too, unless the text itself starts with U+FEFF (then read as a BOM).
            if !text.starts_with('\u{feff}') {
                let again = decode(text.as_bytes()).map_err(|e| format!("re-decoding: {e}"))?;
                ensure!(again == text, "UTF-8 re-encoding reads back differently");
            }
            if let Ok(utf8) = std::str::from_utf8(bytes) {
                if !utf8.starts_with('\u{feff}') {
                    ensure!(text == utf8, "UTF-8 input changed by decoding");
                }
            }
            Ok(())
        }
        Err(e) => {
            let lines = 1 + bytes.iter().filter(|&&b| b == b'\n').count();
            ensure!(
                (1..=lines).contains(&e.line),
                "error line {} outside 1..={lines}",
                e.line
            );
            Ok(())
        }
    }
}

/// Packed bytes → text ([`crate::textpack`], the shelf's search file as the page reads it):
/// never panics and never gives more than [`MAX_PACKED_CHARS`] characters. Bytes starting
/// with `\x01` are a text (lossy UTF-8) that must pack and unpack to itself; with `\x02`, a
/// text packed and then damaged at one byte (the next input byte says where, the one after
/// what with), which must unpack to an error or to some text, never to a panic.
///
/// [`MAX_PACKED_CHARS`]: crate::textpack::MAX_PACKED_CHARS
pub fn fuzz_unpack(bytes: &[u8]) -> Check {
    use crate::textpack::{pack, unpack, MAX_PACKED_CHARS};
    match bytes.split_first() {
        Some((1, rest)) => {
            let text = String::from_utf8_lossy(rest);
            let back = unpack(&pack(&text)).map_err(|e| format!("packed text unpacks: {e}"))?;
            ensure!(back == text, "text changed by packing: {back:?}");
        }
        Some((2, [at, with, rest @ ..])) => {
            let mut packed = pack(&String::from_utf8_lossy(rest));
            let i = usize::from(*at) * packed.len() / 256;
            packed[i] ^= with | 1;
            let _ = unpack(&packed);
        }
        _ => {
            if let Ok(text) = unpack(bytes) {
                ensure!(
                    text.chars().count() as u64 <= MAX_PACKED_CHARS,
                    "{} characters unpacked",
                    text.chars().count()
                );
            }
        }
    }
    Ok(())
}

/// Text → report. Bytes starting with `\x01` spell a report-like text without portal chrome
/// ([`report_like`]) whose every character must be kept once, in order ([`check_preserved`]);
/// any other bytes are read as lossy UTF-8 and must keep [`check_parse`]. One parse per input:
/// parsing is most of the time a run takes.
pub fn fuzz_parse_text(bytes: &[u8]) -> Check {
    match bytes.split_first() {
        Some((1, rest)) => {
            check_preserved(&report_like(rest)).map_err(|e| format!("report-like text: {e}"))
        }
        _ => check_parse(&String::from_utf8_lossy(bytes)).map_err(|e| format!("text: {e}")),
    }
}

/// A query and a report: the bytes up to the first `\n` are the query, the rest the report's
/// text. Checks [`check_search`] for that query and for a piece of the report's own text.
pub fn fuzz_search(bytes: &[u8]) -> Check {
    let (query, text) = match bytes.iter().position(|&b| b == b'\n') {
        Some(at) => (&bytes[..at], &bytes[at + 1..]),
        None => (bytes, &[][..]),
    };
    let query = String::from_utf8_lossy(query);
    let report = parse(&String::from_utf8_lossy(text));
    let index = crate::search::SearchIndex::new(&report);
    check_search(&report, &index, &query).map_err(|e| format!("query {query:?}: {e}"))?;
    // A piece of a block's own text, chosen by the query's length, must be found there.
    let blocks: Vec<(BlockId, String)> = report
        .blocks()
        .map(|(id, text)| (id, text.into_owned()))
        .collect();
    if blocks.is_empty() {
        return Ok(());
    }
    let (id, block) = &blocks[query.len() % blocks.len()];
    let chars: Vec<char> = block.chars().collect();
    let start = chars.len() / 3;
    let piece: String = chars[start..].iter().take(1 + query.len() % 6).collect();
    let findable = !piece.is_empty()
        && piece.chars().count() <= MAX_QUERY_CHARS
        && !piece.chars().any(|c| c.is_whitespace() || c.is_control());
    if findable {
        let results = check_search(&report, &index, &piece)
            .map_err(|e| format!("query {piece:?} from {id}: {e}"))?;
        ensure!(
            results
                .groups
                .iter()
                .flat_map(|g| &g.blocks)
                .any(|b| &b.block == id),
            "{piece:?} is in {id} but search does not find it there"
        );
    }
    Ok(())
}

/// An address or URL as the page gives it: see [`check_route`].
pub fn fuzz_route(bytes: &[u8]) -> Check {
    check_route(&String::from_utf8_lossy(bytes))
}

/// A saved portal page. Bytes starting with `\x01` spell a report-like text ([`report_like`])
/// put in a page as a CMS would (each line a `<p>`, its text escaped, inside an article `div`
/// between navigation and a footer): the page must read as the text does, no character lost
/// or added. Any other bytes are a page as they are: [`check_report`] holds for what is read.
#[cfg(feature = "html")]
pub fn fuzz_html(bytes: &[u8]) -> Check {
    match bytes.split_first() {
        Some((1, rest)) => {
            let text = report_like(rest);
            check_page_reads_as_text(&text).map_err(|e| format!("page of {text:?}: {e}"))
        }
        _ => check_report(&crate::html::parse_html_bytes(bytes)).map_err(|e| format!("page: {e}")),
    }
}

/// `text` as a portal page whose article holds one `<p>` per line: the title and body the page
/// gives are the text's, white space aside — when the article holds more Chinese prose than
/// the page's navigation and footer (16 characters against their 10), as any report does; a
/// page whose footer outweighs its article is only held to [`check_report`], since the article
/// is found by weight.
#[cfg(feature = "html")]
pub fn check_page_reads_as_text(text: &str) -> Check {
    let mut page = String::from(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\
         <div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/xxgk/\">政务公开</a></div>\
         <div class=\"article\">",
    );
    for line in text.split(['\n', '\r']) {
        page.push_str("<p>");
        page.push_str(&crate::publish::escape_html(line));
        page.push_str("</p>");
    }
    page.push_str("</div><div class=\"footer\">版权所有</div></body></html>");
    let from_page = crate::html::parse_html(&page);
    check_report(&from_page)?;
    let chinese = text
        .chars()
        .filter(|c| matches!(c, '\u{4e00}'..='\u{9fff}'))
        .count();
    if chinese < 16 {
        return Ok(());
    }
    let from_text = parse(text);
    let read = |r: &Report| without_space(&(r.title.clone() + &r.body_text()));
    ensure!(
        read(&from_page) == read(&from_text),
        "the page reads {:?}, the text {:?}",
        read(&from_page),
        read(&from_text)
    );
    Ok(())
}

/// Several reports of one office compared: the bytes split at `\0` into up to four texts
/// (report-like when they start with `\x01`), each given a title naming the office and a year.
/// See [`check_comparison`].
pub fn fuzz_compare(bytes: &[u8]) -> Check {
    let reports: Vec<(String, Report)> = bytes
        .split(|&b| b == 0)
        .take(4)
        .enumerate()
        .map(|(i, part)| {
            let body = match part.split_first() {
                Some((1, rest)) => report_like(rest),
                _ => String::from_utf8_lossy(part).into_owned(),
            };
            let year = 2020 + i;
            let text = format!("某县司法局{year}年法治政府建设工作情况的报告\n{body}");
            (format!("{year}.txt"), parse(&text))
        })
        .collect();
    check_comparison(&reports)
}

/// What a comparison keeps for any reports: one entry per report; every series of at least two
/// values from different reports of one office, oldest first; every value a figure of its
/// report (the same `raw`, a finite value), used by one series only; and the same answer twice.
pub fn check_comparison(reports: &[(String, Report)]) -> Check {
    let comparison = crate::compare::compare(reports);
    ensure!(
        comparison.reports.len() == reports.len(),
        "{} reports compared, {} given",
        comparison.reports.len(),
        reports.len()
    );
    let mut used = HashSet::new();
    for series in &comparison.series {
        ensure!(
            series.values.len() >= 2,
            "series {:?} has one value",
            series.label
        );
        let offices: HashSet<&str> = series
            .values
            .iter()
            .map(|v| comparison.reports[v.report].office.as_str())
            .collect();
        ensure!(
            offices.len() == 1,
            "series {:?} spans offices {offices:?}",
            series.label
        );
        let from: HashSet<usize> = series.values.iter().map(|v| v.report).collect();
        ensure!(
            from.len() == series.values.len(),
            "series {:?} has two values of one report",
            series.label
        );
        let years: Vec<Option<i32>> = series.values.iter().map(|v| v.year).collect();
        ensure!(
            years.windows(2).all(|w| w[0] <= w[1]),
            "series {:?} not oldest first: {years:?}",
            series.label
        );
        for value in &series.values {
            ensure!(
                value.report < reports.len(),
                "value of report {}",
                value.report
            );
            let report = &reports[value.report].1;
            let Some(metric) = report.metric(&value.metric_id) else {
                return Err(format!(
                    "{} is no figure of report {}",
                    value.metric_id, value.report
                ));
            };
            ensure!(
                metric.raw == value.raw,
                "{}: raw {:?}, figure says {:?}",
                value.metric_id,
                value.raw,
                metric.raw
            );
            ensure!(
                value.value.is_finite(),
                "{}: value {}",
                value.metric_id,
                value.value
            );
            ensure!(
                used.insert((value.report, value.metric_id.clone())),
                "{} of report {} is in two series",
                value.metric_id,
                value.report
            );
        }
    }
    ensure!(
        crate::compare::compare(reports) == comparison,
        "comparing twice gives two answers"
    );
    serde_json::to_string(&comparison).map_err(|e| format!("comparison JSON: {e}"))?;
    Ok(())
}

// ---- reports ------------------------------------------------------------------------------

/// Rules every parsed report keeps: ids unique, well placed and reading back from their text;
/// every block's text where its id says; every figure's span inside its block with `raw` the
/// text at the span; the JSON contract reading back to an equal report.
pub fn check_report(report: &Report) -> Check {
    let mut sections = HashSet::new();
    for section in report.all_sections() {
        let id = &section.id;
        ensure!(sections.insert(id.clone()), "section id {id} repeated");
        ensure!(
            (1..=4).contains(&section.level),
            "section {id} level {}",
            section.level
        );
        ensure!(
            report.section(id).is_some_and(|s| std::ptr::eq(s, section)),
            "section {id} is not where its id says"
        );
        round_trip(id)?;
        check_children(section)?;
    }
    for (n, p) in report.preamble.iter().enumerate() {
        ensure!(
            p.id == BlockId::Preamble(n as u32),
            "preamble paragraph {n} has id {}",
            p.id
        );
    }
    let mut blocks = HashSet::new();
    let mut order = Vec::new();
    for (id, text) in report.blocks() {
        ensure!(blocks.insert(id.clone()), "block id {id} repeated");
        round_trip(&id)?;
        ensure!(
            report.block_text(&id).as_deref() == Some(&*text),
            "block_text({id}) differs from the block's text"
        );
        order.push((id, text.chars().count()));
    }
    let position = |id: &BlockId| order.iter().position(|(b, _)| b == id);
    let mut metrics = HashSet::new();
    let mut last = None;
    for metric in &report.metrics {
        let id = &metric.id;
        ensure!(metrics.insert(id.clone()), "figure id {id} repeated");
        round_trip(id)?;
        ensure!(
            report.metric(id).is_some_and(|m| std::ptr::eq(m, metric)),
            "figure {id} is not found by its id"
        );
        ensure!(
            metric.id.block == metric.paragraph,
            "figure {id} names block {}",
            metric.paragraph
        );
        ensure!(
            metric.section.as_ref() == metric.paragraph.section(),
            "figure {id} names section {:?}",
            metric.section
        );
        let at =
            position(&metric.paragraph).ok_or_else(|| format!("figure {id} stands in no block"))?;
        let [start, end] = metric.span;
        ensure!(
            start < end && end <= order[at].1,
            "figure {id} span {start}..{end} outside its block"
        );
        let text = report.block_text(&metric.paragraph).unwrap_or_default();
        let raw: String = text.chars().skip(start).take(end - start).collect();
        ensure!(
            raw == metric.raw,
            "figure {id}: raw {:?} but the span holds {raw:?}",
            metric.raw
        );
        ensure!(
            metric.value.is_finite(),
            "figure {id} value {}",
            metric.value
        );
        ensure!(
            last <= Some((at, start)),
            "figure {id} out of document order"
        );
        last = Some((at, start));
    }
    let json = serde_json::to_string(report).map_err(|e| format!("to JSON: {e}"))?;
    let back: Report = serde_json::from_str(&json).map_err(|e| format!("from JSON: {e}"))?;
    ensure!(
        &back == report,
        "report JSON reads back to a different report"
    );
    Ok(())
}

fn check_children(section: &Section) -> Check {
    for (n, p) in section.paragraphs.iter().enumerate() {
        ensure!(
            p.id == section.id.paragraph(n as u32),
            "paragraph {n} of section {} has id {}",
            section.id,
            p.id
        );
    }
    for (n, child) in section.children.iter().enumerate() {
        ensure!(
            child.id == section.id.child(n as u32 + 1),
            "child {n} of section {} has id {}",
            section.id,
            child.id
        );
    }
    Ok(())
}

/// An id written as text reads back to itself.
fn round_trip<T>(id: &T) -> Check
where
    T: std::fmt::Display + std::str::FromStr + PartialEq,
{
    let text = id.to_string();
    ensure!(
        text.parse::<T>().ok().as_ref() == Some(id),
        "id {text} does not read back"
    );
    Ok(())
}

/// Parses any text: [`check_report`], line numbers inside the text, and nothing invented —
/// every block's text (white space aside) is a piece of the input.
pub fn check_parse(text: &str) -> Check {
    let report = parse(text);
    check_report(&report)?;
    let lines = text.split(['\n', '\r']).count().max(1);
    // The parser reads U+0000 as U+FFFD (`parse::parse`).
    let input = without_space(&text.replace('\0', "\u{fffd}"));
    for (id, block) in report.blocks() {
        let block = without_space(&block);
        ensure!(
            input.contains(&block),
            "block {id} {block:?} is not in the input"
        );
    }
    for p in report
        .preamble
        .iter()
        .chain(report.all_sections().flat_map(|s| &s.paragraphs))
    {
        ensure!(
            (1..=lines).contains(&p.line),
            "paragraph {} line {}",
            p.id,
            p.line
        );
    }
    for w in &report.warnings {
        ensure!((1..=lines).contains(&w.line), "warning line {}", w.line);
    }
    Ok(())
}

fn without_space(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{feff}')
        .collect()
}

/// For a text without portal chrome: the title, preamble, headings (number, title, closing
/// mark) and paragraphs, put back together, are the text without white space — no character
/// lost, none repeated, the order kept (repeats of the title line aside, which portal pages
/// print and the parser drops).
pub fn check_preserved(text: &str) -> Check {
    let report = parse(text);
    check_report(&report)?;
    let mut out = without_space(&(report.title.clone() + &report.body_text()));
    let mut expected = without_space(text);
    // The one thing the parser drops on purpose even here: a line above the text repeating the
    // title, as portal pages print it (`resolve_header`). Its copies are left out of both sides.
    let title = without_space(&report.title);
    if title.chars().count() >= 5 {
        let rest = |s: &str| {
            s.strip_prefix(title.as_str())
                .map(|r| r.replace(title.as_str(), ""))
        };
        if let (Some(o), Some(e)) = (rest(&out), rest(&expected)) {
            (out, expected) = (o, e);
        }
    }
    ensure!(
        out == expected,
        "text put back together is {out:?}, not {expected:?}"
    );
    Ok(())
}

/// Report-like text spelt by `bytes`: each byte picks a piece — a heading number, an
/// enumeration, a figure, a word, punctuation, an indent or a line end — from the forms the
/// genre uses, without the portal chrome the parser drops on purpose. The fuzzer thereby
/// explores outlines rather than random characters.
pub fn report_like(bytes: &[u8]) -> String {
    const PIECES: &[&str] = &[
        "一、",
        "十二、",
        "(一)",
        "（二）",
        "（三)",
        "1.",
        "2．",
        "3、",
        "4 .",
        "(1)",
        "（2）",
        "①",
        "第一部分",
        "第二章",
        "一是",
        "第一，",
        "2023年",
        "1.2万",
        "3、4月",
        "100%",
        "　　",
        "\t",
        " ",
        "报告",
        "工作",
        "法治",
        "建设",
        "开展",
        "情况",
        "我局",
        "一",
        "二",
        "三",
        "十",
        "是",
        "。",
        "：",
        "，",
        "；",
        "1",
        "2",
        "3",
        "0",
        "9",
        "(",
        ")",
        "（",
        "）",
        ".",
        "、",
        "元",
        "万元",
        "件",
        "亿",
        "平方米",
        "余",
        "约",
        "共",
        "收缴罚款",
        "\n",
        "\r\n",
        "\r",
        "\n",
        "\n",
    ];
    bytes
        .iter()
        .map(|&b| PIECES[usize::from(b) % PIECES.len()])
        .collect()
}

// ---- search -------------------------------------------------------------------------------

/// One query against a report: every range inside its block's text, sorted and apart; groups
/// and blocks in document order, each block in its section's group; `total` the number of
/// ranges; suggestions only when nothing matched, each of which matches.
pub fn check_search(
    report: &Report,
    index: &crate::search::SearchIndex,
    query: &str,
) -> Result<SearchResults, String> {
    let results = index.search(query);
    let order: Vec<(BlockId, usize)> = report
        .blocks()
        .map(|(id, text)| (id, text.chars().count()))
        .collect();
    let mut last_block = None;
    let mut count = 0;
    for group in &results.groups {
        ensure!(!group.blocks.is_empty(), "an empty group");
        for hits in &group.blocks {
            let id = &hits.block;
            ensure!(
                hits.block.section() == group.section.as_ref(),
                "block {id} in the group of {:?}",
                group.section
            );
            let at = order
                .iter()
                .position(|(b, _)| b == id)
                .ok_or_else(|| format!("hit in block {id}, which the report lacks"))?;
            ensure!(last_block < Some(at), "block {id} out of document order");
            last_block = Some(at);
            ensure!(!hits.ranges.is_empty(), "block {id} without ranges");
            let mut end_before = 0;
            for &[start, end] in &hits.ranges {
                ensure!(start < end, "empty range {start}..{end} in {id}");
                ensure!(end <= order[at].1, "range {start}..{end} beyond block {id}");
                ensure!(
                    start >= end_before,
                    "range {start}..{end} in {id} overlaps or unsorted"
                );
                end_before = end;
            }
            count += hits.ranges.len();
        }
    }
    ensure!(
        results.total == count,
        "total {} but {count} ranges",
        results.total
    );
    if query.chars().all(|c| c.is_whitespace() || c.is_control()) {
        ensure!(
            results == SearchResults::default(),
            "a blank query found something"
        );
    }
    if !results.suggestions.is_empty() {
        ensure!(
            results.total == 0,
            "suggestions although {} hits",
            results.total
        );
        ensure!(
            results.suggestions.len() <= MAX_SUGGESTIONS,
            "{} suggestions",
            results.suggestions.len()
        );
        for suggestion in &results.suggestions {
            ensure!(
                index.search(suggestion).total > 0,
                "suggestion {suggestion:?} finds nothing"
            );
        }
    }
    Ok(results)
}

// ---- addresses ----------------------------------------------------------------------------

/// An address or URL: reading never panics; whatever reads as an address writes back to a
/// hash or URL that reads as the same address (an unknown one as the start); a search for any
/// text survives the URL; ids read from text write back to that text.
pub fn check_route(text: &str) -> Check {
    // What an address becomes once written: an unknown one is written as the start.
    let written = |a: &Address| match a.route {
        Route::Unknown(_) => Address {
            route: Route::Start,
            ..a.clone()
        },
        _ => a.clone(),
    };
    if let Some(address) = Address::from_hash(text) {
        let hash = address.to_hash();
        ensure!(hash.starts_with("#/"), "hash {hash:?}");
        ensure!(
            Address::from_hash(&hash) == Some(written(&address)),
            "{address:?} written as {hash:?} reads back as {:?}",
            Address::from_hash(&hash)
        );
    }
    let search = Address {
        route: Route::Search(text.to_string()),
        embed: false,
        at: None,
    };
    for key in [AddressKey::Hash, AddressKey::query(None)] {
        let mounted = key.is_mounted();
        let mut addresses = vec![search.clone(), Address::default()];
        addresses.extend(key.read(text));
        for address in addresses {
            let url = key.write(text, &address);
            let mut expected = written(&address);
            if mounted {
                expected.embed = false;
            }
            ensure!(
                key.read(&url) == Some(expected.clone()),
                "{key:?}: {address:?} written into {text:?} as {url:?} reads back as {:?}",
                key.read(&url)
            );
        }
    }
    ensure!(
        percent_decode(&percent_encode(text)) == text,
        "percent-encoding round trip"
    );
    ids_read_back::<SectionId>(text)?;
    ids_read_back::<BlockId>(text)?;
    ids_read_back::<MetricId>(text)
}

/// An id read from text writes back to exactly that text (one spelling per id).
fn ids_read_back<T>(text: &str) -> Check
where
    T: std::fmt::Display + std::str::FromStr,
{
    if let Ok(id) = text.parse::<T>() {
        ensure!(
            id.to_string() == text,
            "{text:?} reads as an id written {id}"
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_target_accepts_empty_and_sample_input() {
        let sample =
            "罚款\n标题\n一、总体情况\n收缴罚款1230.01万元，办理案件12件。\n（一）执法\n正文。";
        for (name, target) in TARGETS {
            for input in [
                &b""[..],
                sample.as_bytes(),
                b"#/s/1.2?embed=1",
                &[0xff, 0xfe, 0x00],
                &[0x01, 0x00, 0x3b, 0x07, 0x3c, 0x39],
            ] {
                if let Err(e) = target(input) {
                    panic!("{name} on {input:?}: {e}");
                }
            }
        }
    }

    #[test]
    fn report_like_text_is_made_of_the_genres_pieces() {
        assert_eq!(report_like(&[0, 22, 1, 59]), "一、 十二、\n");
    }

    #[test]
    fn checks_catch_a_broken_report() {
        let mut report = parse("标题\n一、总体情况\n收缴罚款1230万元。");
        check_report(&report).unwrap();
        assert!(!report.metrics.is_empty());
        let mut shifted = report.clone();
        shifted.metrics[0].span[0] += 1;
        assert!(check_report(&shifted).unwrap_err().contains("raw"));
        report.sections[0].paragraphs[0].id = BlockId::Preamble(0);
        assert!(check_report(&report).is_err());
    }
}
