//! Search: each matching rule, offsets, suggestions, hostile queries, recall against a plain
//! substring scan, snippets, and the tables build.rs generates for the wasm app.

use std::fs;

mod common;

use common::{real, real_text, test_reports};
use gongkai::{
    id::BlockId,
    parse::parse,
    report::Report,
    search::{
        snippet, tables_for, SearchIndex, SearchResults, SectionHits, Snippet, MAX_QUERY_CHARS,
    },
};

/// A short report: a title, a preamble paragraph, and one section holding `body`.
fn report_with(body: &str) -> Report {
    parse(&format!(
        "某局2023年法治政府建设工作报告\n前言段落。\n一、主要工作\n{body}\n"
    ))
}

/// Every block of the report in document order as text: (section, block id, text).
fn blocks(report: &Report) -> Vec<(Option<String>, String, String)> {
    common::blocks(report)
        .into_iter()
        .map(|(id, text)| (id.section().map(ToString::to_string), id.to_string(), text))
        .collect()
}

/// The text of the block with id `block`.
fn block_text(report: &Report, block: &str) -> Option<String> {
    let id: BlockId = block.parse().ok()?;
    report.block_text(&id).map(|text| text.into_owned())
}

/// The section of a group of results, as text.
fn section_of(group: &SectionHits) -> Option<String> {
    group.section.as_ref().map(ToString::to_string)
}

/// Every (block, range) of the results, flattened.
fn ranges(results: &SearchResults) -> Vec<(String, [usize; 2])> {
    results
        .groups
        .iter()
        .flat_map(|g| g.blocks.iter())
        .flat_map(|b| b.ranges.iter().map(move |r| (b.block.to_string(), *r)))
        .collect()
}

fn chars_of(text: &str, range: [usize; 2]) -> String {
    text.chars()
        .skip(range[0])
        .take(range[1] - range[0])
        .collect()
}

/// The text of every highlight.
fn highlighted(report: &Report, results: &SearchResults) -> Vec<String> {
    ranges(results)
        .into_iter()
        .map(|(block, range)| chars_of(&block_text(report, &block).unwrap(), range))
        .collect()
}

/// Every occurrence of `needle` in the blocks by a plain scan (overlapping ones too), merged
/// as the index merges them: what search must find at the least.
fn plain_scan(report: &Report, needle: &str) -> Vec<(String, [usize; 2])> {
    let needle: Vec<char> = needle.chars().collect();
    let mut out = Vec::new();
    for (_, id, text) in blocks(report) {
        let text: Vec<char> = text.chars().collect();
        let mut merged: Vec<[usize; 2]> = Vec::new();
        for start in 0..text.len() {
            if text[start..].starts_with(&needle) {
                let end = start + needle.len();
                match merged.last_mut() {
                    Some(last) if start < last[1] => last[1] = end,
                    _ => merged.push([start, end]),
                }
            }
        }
        out.extend(merged.into_iter().map(|r| (id.clone(), r)));
    }
    out
}

/// What every result must satisfy: groups and blocks in document order, each block in its
/// section, ranges sorted, non-empty, not overlapping and inside the text, `total` their count.
fn check_shape(report: &Report, results: &SearchResults) {
    let order = blocks(report);
    let mut last_position = None;
    let mut count = 0;
    for group in &results.groups {
        assert!(!group.blocks.is_empty());
        for block in &group.blocks {
            let position = order
                .iter()
                .position(|(_, id, _)| *id == block.block.to_string())
                .unwrap_or_else(|| panic!("unknown block {}", block.block));
            assert!(
                last_position < Some(position),
                "{} out of order",
                block.block
            );
            last_position = Some(position);
            let (section, _, text) = &order[position];
            assert_eq!(&section_of(group), section, "{}", block.block);
            let len = text.chars().count();
            assert!(!block.ranges.is_empty());
            for pair in block.ranges.windows(2) {
                assert!(pair[0][1] <= pair[1][0], "{:?} overlap", block.ranges);
            }
            for r in &block.ranges {
                assert!(r[0] < r[1] && r[1] <= len, "{r:?} in {} chars", len);
            }
            count += block.ranges.len();
        }
    }
    assert_eq!(results.total, count);
}

fn search(report: &Report, query: &str) -> SearchResults {
    let results = SearchIndex::new(report).search(query);
    check_shape(report, &results);
    results
}

/// Full-width ASCII to half-width, lower case: the test's own view of width and case.
fn narrow(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap(),
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[test]
fn blocks_are_the_title_section_titles_and_paragraphs() {
    let report = real();
    let results = search(&report, "法治");
    let first = &results.groups[0];
    assert_eq!(first.section, None);
    assert_eq!(first.blocks[0].block.to_string(), "title");
    // 巴中市自然资源和规划局巴州分局关于2023年法治政府建设…: 法治 at characters 22–24.
    assert_eq!(first.blocks[0].ranges[0], [22, 24]);
    let sections: Vec<_> = results.groups.iter().map(section_of).collect();
    assert!(sections.contains(&Some("1".to_string())));
    let section_one = results
        .groups
        .iter()
        .find(|g| section_of(g).as_deref() == Some("1"))
        .unwrap();
    // 一、主要负责人履行法治建设第一责任人职责情况: a heading is searched with its number.
    assert_eq!(section_one.blocks[0].block.to_string(), "1.t");
    assert_eq!(section_one.blocks[0].ranges, vec![[9, 11]]);
    let numbered = search(&report, "（一）");
    assert!(numbered
        .groups
        .iter()
        .flat_map(|g| &g.blocks)
        .any(|b| b.block.to_string() == "1.1.t" && b.ranges == vec![[0, 3]]));
    let paragraph = results
        .groups
        .iter()
        .flat_map(|g| &g.blocks)
        .find(|b| b.block.to_string() == "2.1.2.p0");
    assert!(paragraph.is_some(), "section paragraphs are searched");
    let preamble = search(&report, "区法治办");
    assert_eq!(ranges(&preamble), vec![("p0".to_string(), [2, 6])]);
}

#[test]
fn highlights_are_character_offsets_across_multibyte_text() {
    let report = report_with("😀Ａ耕地ab耕地耕地");
    let results = search(&report, "耕地");
    assert_eq!(
        ranges(&results),
        vec![
            ("1.p0".to_string(), [2, 4]),
            ("1.p0".to_string(), [6, 8]),
            ("1.p0".to_string(), [8, 10]),
        ]
    );
    assert_eq!(results.total, 3);
    assert_eq!(highlighted(&report, &results), vec!["耕地"; 3]);
    // Overlapping occurrences merge into one highlight.
    let report = report_with("啊啊啊，啊啊");
    assert_eq!(
        ranges(&search(&report, "啊啊")),
        vec![("1.p0".to_string(), [0, 3]), ("1.p0".to_string(), [4, 6])]
    );
}

#[test]
fn width_is_folded_in_text_and_query() {
    let report = report_with("受理１２３４５热线，（一）项，ＡＢＣ系统，完成率100％。");
    for (query, expected) in [
        ("12345", "１２３４５"),
        ("１２３４５", "１２３４５"),
        ("(一)", "（一）"),
        ("（一)", "（一）"),
        ("abc", "ＡＢＣ"),
        ("100%", "100％"),
        ("１００％", "100％"),
    ] {
        assert_eq!(
            highlighted(&report, &search(&report, query)),
            vec![expected],
            "{query}"
        );
    }
    let real = real();
    let index = SearchIndex::new(&real);
    assert_eq!(index.search("１００％"), index.search("100%"));
    assert_eq!(index.search("１２３４５").total, 1);
}

#[test]
fn case_is_folded() {
    let report = report_with("开发APP和App及app。符号ΑΒΓ、ДЖ，第Ⅱ类Ⓐ级。");
    let index = SearchIndex::new(&report);
    let lower = index.search("app");
    assert_eq!(lower.total, 3);
    assert_eq!(index.search("APP"), lower);
    assert_eq!(index.search("aPp"), lower);
    // Greek, Cyrillic, Roman numerals and circled letters too.
    for (query, expected) in [("αβγ", "ΑΒΓ"), ("дж", "ДЖ"), ("ⅱ", "Ⅱ"), ("ⓐ", "Ⓐ")]
    {
        assert_eq!(
            highlighted(&report, &index.search(query)),
            vec![expected],
            "{query}"
        );
    }
}

#[test]
fn traditional_query_finds_simplified_text() {
    let report = real();
    let index = SearchIndex::new(&report);
    for (traditional, simplified) in [("執法", "执法"), ("罰款", "罚款"), ("辦結率", "办结率")]
    {
        let results = index.search(traditional);
        assert!(results.total > 0, "{traditional}");
        assert_eq!(results, index.search(simplified), "{traditional}");
    }
    assert_eq!(index.search("執法").total, 24);
}

#[test]
fn simplified_query_finds_traditional_text() {
    let report = report_with("依法執法，收繳罰款。");
    assert_eq!(highlighted(&report, &search(&report, "执法")), vec!["執法"]);
    assert_eq!(highlighted(&report, &search(&report, "罚款")), vec!["罰款"]);
}

#[test]
fn full_pinyin_finds_gengdi() {
    let report = real();
    let index = SearchIndex::new(&report);
    let hanzi = index.search("耕地");
    assert_eq!(hanzi.total, 5);
    for query in ["gengdi", "GengDi", "ｇｅｎｇｄｉ", "geng di", "geng　di"] {
        let results = index.search(query);
        check_shape(&report, &results);
        assert_eq!(ranges(&results), ranges(&hanzi), "{query}");
    }
}

#[test]
fn pinyin_initials_and_mixed_find_gengdi() {
    let report = real();
    let index = SearchIndex::new(&report);
    let expected = ranges(&index.search("耕地"));
    for query in ["gd", "gengd", "gdi", "g d"] {
        let results = index.search(query);
        check_shape(&report, &results);
        let found = ranges(&results);
        for hit in &expected {
            assert!(found.contains(hit), "{query} misses {hit:?}");
        }
        // Every other hit reads the same way: two characters.
        for text in highlighted(&report, &results) {
            assert_eq!(text.chars().count(), 2, "{query}: {text}");
        }
    }
    // A syllable being typed: `gen` is the start of geng.
    assert!(highlighted(&report, &index.search("gen")).contains(&"耕".to_string()));
    // `zhf` and `zf` both abbreviate 执法 (zh is an initial).
    for query in ["zf", "zhf", "zhifa"] {
        assert_eq!(
            highlighted(&report, &index.search(query))
                .iter()
                .filter(|t| *t == "执法")
                .count(),
            24,
            "{query}"
        );
    }
}

#[test]
fn pinyin_is_strict_inside_a_word_and_suggests_when_loose() {
    let report = real();
    let index = SearchIndex::new(&report);
    // `gen` is neither 耕's reading (geng) nor its initial, and is not the last syllable.
    let results = index.search("gend");
    assert!(!highlighted(&report, &results).contains(&"耕地".to_string()));
    assert_eq!(results.total, 0);
    assert_eq!(
        results.suggestions.first().map(String::as_str),
        Some("耕地")
    );
}

#[test]
fn pinyin_knows_heteronyms_and_v() {
    let report = report_with("银行依照法律，增长较快。");
    let index = SearchIndex::new(&report);
    for (query, expected) in [
        ("yinhang", "银行"),
        ("yh", "银行"),
        ("falv", "法律"),
        ("falu", "法律"),
        ("flv", "法律"),
        ("zengzhang", "增长"),
        ("zz", "增长"),
    ] {
        // The paragraph only: the title has its own `zz` (治政).
        let in_paragraph: Vec<String> = ranges(&index.search(query))
            .into_iter()
            .filter(|(block, _)| block == "1.p0")
            .map(|(block, range)| chars_of(&block_text(&report, &block).unwrap(), range))
            .collect();
        assert_eq!(in_paragraph, vec![expected], "{query}");
    }
}

#[test]
fn a_single_letter_matches_only_literally() {
    let report = report_with("采用PDF格式，共计3个。");
    let index = SearchIndex::new(&report);
    assert_eq!(highlighted(&report, &index.search("p")), vec!["P"]);
    // No literal `g` here, and a single letter is never pinyin (格 = ge).
    assert_eq!(index.search("g").total, 0);
}

#[test]
fn several_words_must_share_a_block() {
    let report = real();
    let index = SearchIndex::new(&report);
    let both = index.search("法治 执法");
    assert!(both.total > 0);
    let blocks_with = |word: &str| -> Vec<String> {
        blocks(&report)
            .into_iter()
            .filter(|(_, _, text)| text.contains(word))
            .map(|(_, id, _)| id)
            .collect()
    };
    let (with_fz, with_zf) = (blocks_with("法治"), blocks_with("执法"));
    let expected: Vec<&String> = with_fz.iter().filter(|b| with_zf.contains(b)).collect();
    assert!(
        expected.len() < with_fz.len(),
        "some blocks hold one word only"
    );
    let found: Vec<String> = both
        .groups
        .iter()
        .flat_map(|g| g.blocks.iter().map(|b| b.block.to_string()))
        .collect();
    assert_eq!(found.iter().collect::<Vec<_>>(), expected);
    // The hits in each block are the occurrences of each word.
    for (block, range) in ranges(&both) {
        let text = chars_of(&block_text(&report, &block).unwrap(), range);
        assert!(text == "法治" || text == "执法", "{text}");
    }
    let plain: usize = ["法治", "执法"]
        .iter()
        .map(|w| {
            plain_scan(&report, w)
                .iter()
                .filter(|(b, _)| expected.contains(&b))
                .count()
        })
        .sum();
    assert_eq!(both.total, plain);
    // A full-width space separates words too; the order of words does not matter.
    assert_eq!(index.search("法治　执法"), both);
    assert_eq!(index.search("执法 法治"), both);
    assert_eq!(index.search("法治 执法 不在报告里的词").total, 0);
}

#[test]
fn numbers_match_as_written() {
    let report = real();
    let index = SearchIndex::new(&report);
    for query in ["1230.01", "100%", "12345", "2023", "20"] {
        let results = index.search(query);
        assert!(results.total > 0, "{query}");
        assert_eq!(ranges(&results), plain_scan(&report, query), "{query}");
    }
}

#[test]
fn every_plain_occurrence_is_found_with_its_offsets() {
    const QUERIES: &[&str] = &[
        "罚款",
        "办结率",
        "耕地",
        "12345",
        "执法",
        "100%",
        "(一)",
        "（一）",
        "法治政府",
        "一岗双责",
        "万元",
        "2023年",
        "。",
        "法",
        "的",
        "1",
        "12315",
        "3·15",
        "“",
        "放管服",
        "a",
    ];
    let mut reports = vec![("real".to_string(), real())];
    reports.extend(test_reports());
    // A corpus: every report concatenated ten times and parsed as one (ten times only in the
    // slow step; once in a developer's run).
    let mut corpus = String::new();
    for _ in 0..if common::slow_tests() { 10 } else { 1 } {
        corpus += &real_text();
        for path in fs::read_dir("tests/reports").unwrap() {
            let bytes = fs::read(path.unwrap().path()).unwrap();
            corpus += &gongkai::parse::decode(&bytes).unwrap();
            corpus.push('\n');
        }
    }
    reports.push(("corpus".to_string(), parse(&corpus)));

    let mut checked = 0;
    for (name, report) in &reports {
        let index = SearchIndex::new(report);
        for query in QUERIES {
            let results = index.search(query);
            check_shape(report, &results);
            let found = ranges(&results);
            let plain = plain_scan(report, query);
            for hit in &plain {
                assert!(found.contains(hit), "{name}: {query} misses {hit:?}");
            }
            checked += plain.len();
            // Anything else found is the same text in another width (`（一）` for `(一)`).
            for (block, range) in &found {
                let text = chars_of(&block_text(report, block).unwrap(), *range);
                assert!(
                    narrow(&text).contains(&narrow(query)),
                    "{name}: {query} found {text}"
                );
            }
        }
    }
    assert!(checked > 1000, "the scan found {checked} occurrences only");
}

#[test]
fn suggestions_are_offered_only_when_nothing_matches_and_do_match() {
    let report = real();
    let index = SearchIndex::new(&report);
    assert!(index.search("耕地").suggestions.is_empty());
    for (query, expected) in [
        ("耕地保护不存在", "耕地保护"),
        ("不存在的耕地", "耕地"),
        ("耕地 不存在的词", "耕地"),
        ("gend", "耕地"),
        ("gengdix", "gengdi"),
    ] {
        let results = index.search(query);
        assert_eq!(results.total, 0, "{query}");
        assert!(
            results.suggestions.iter().any(|s| s == expected),
            "{query}: {:?}",
            results.suggestions
        );
        assert!(results.suggestions.len() <= 5);
        for suggestion in &results.suggestions {
            assert!(index.search(suggestion).total > 0, "{query}: {suggestion}");
        }
    }
    // Two words that each match, but never in the same block.
    let apart = index.search("耕地 12345");
    assert_eq!(apart.total, 0);
    assert!(apart.suggestions.contains(&"耕地".to_string()));
    assert!(apart.suggestions.contains(&"12345".to_string()));
    // Nothing to suggest from a lone bracket or letter.
    assert!(index.search("【】").suggestions.is_empty());
    assert!(index.search("q").suggestions.is_empty());
}

#[test]
fn hostile_queries_are_safe_and_fast() {
    let report = real();
    let index = SearchIndex::new(&report);
    let long_mixed = "法治<script>.*+?[](){}|^$\\😀\u{0}\u{7}a\u{301}\u{202e}".repeat(500);
    let hostile: Vec<String> = vec![
        String::new(),
        " ".into(),
        "\u{3000}\t\n\r ".into(),
        "\u{0}\u{1}\u{7f}".into(),
        "<script>alert(1)</script>".into(),
        ".*".into(),
        "[a-z]+".into(),
        "\\".into(),
        "(?i)".into(),
        "😀👨‍👩‍👧".into(),
        "\u{301}\u{200d}\u{fe0f}".into(),
        "\u{feff}\u{202e}".into(),
        "a".repeat(10_000),
        "法".repeat(10_000),
        "gd ".repeat(3_400),
        "shi".repeat(3_400),
        long_mixed.chars().take(10_000).collect(),
    ];
    // How long they take is measured in `benches/search.rs`, not asserted here.
    for query in &hostile {
        let results = index.search(query);
        check_shape(&report, &results);
        for suggestion in &results.suggestions {
            assert!(index.search(suggestion).total > 0);
        }
    }
    for blank in ["", "  ", "\u{3000}", "\t\n", "\u{0}\u{1}"] {
        assert_eq!(index.search(blank), SearchResults::default(), "{blank:?}");
    }
    // Metacharacters are text: `.*` is not in the report, and `(` is found as written.
    assert_eq!(index.search(".*"), SearchResults::default());
    let bracket = index.search("(");
    assert!(bracket.total > 0);
    assert!(highlighted(&report, &bracket)
        .iter()
        .all(|t| t == "(" || t == "（"));
    // A long query is read up to MAX_QUERY_CHARS characters.
    let long: String = "依法行政".repeat(1_000);
    let cut: String = long.chars().take(MAX_QUERY_CHARS).collect();
    assert_eq!(index.search(&long), index.search(&cut));
}

#[test]
fn snippets_cut_by_characters_and_clamp() {
    let text = "😀一二三四五耕地六七八九十";
    assert_eq!(
        snippet(text, [6, 8], 3),
        Snippet {
            before: "三四五".into(),
            hit: "耕地".into(),
            after: "六七八".into(),
            clipped_start: true,
            clipped_end: true,
        }
    );
    let whole = snippet(text, [6, 8], 100);
    assert_eq!(whole.before, "😀一二三四五");
    assert_eq!(whole.after, "六七八九十");
    assert!(!whole.clipped_start && !whole.clipped_end);
    // Offsets past the end, reversed or on an empty text never panic.
    assert_eq!(snippet(text, [50, 60], 2).hit, "");
    assert_eq!(snippet(text, [50, 60], 2).before, "九十");
    assert_eq!(snippet(text, [8, 6], 1).hit, "");
    assert_eq!(snippet("", [0, 5], 10), Snippet::default());
    assert_eq!(
        snippet(text, [0, usize::MAX], usize::MAX).hit,
        text.to_string()
    );
    // The real report: a hit's snippet is its text.
    let report = real();
    let results = SearchIndex::new(&report).search("罚款");
    let (block, range) = ranges(&results)[0].clone();
    let cut = snippet(&block_text(&report, &block).unwrap(), range, 10);
    assert_eq!(cut.hit, "罚款");
    assert_eq!(cut.before.chars().count(), 10);
}

#[test]
fn block_text_finds_every_block() {
    let report = real();
    for (id, text) in common::blocks(&report) {
        assert_eq!(
            report.block_text(&id).as_deref(),
            Some(text.as_str()),
            "{id}"
        );
    }
    for missing in ["9.t", "p99", "1.1.p9", "9.p0"] {
        let id: BlockId = missing.parse().unwrap();
        assert_eq!(report.block_text(&id), None, "{missing}");
    }
}

#[test]
fn the_gbk_report_is_searchable() {
    let (_, report) = test_reports()
        .into_iter()
        .find(|(name, _)| name.contains("gbk"))
        .unwrap();
    let index = SearchIndex::new(&report);
    assert_eq!(
        highlighted(&report, &index.search("放管服")),
        vec!["放管服"]
    );
    assert_eq!(
        highlighted(&report, &index.search("fangguanfu")),
        vec!["放管服"]
    );
}

#[test]
fn tables_cut_for_a_report_hold_its_characters_only() {
    let tables = tables_for(real_text().chars());
    // 執 → 执 (执法 is in the report), 耕 reads geng, 行 both xing and hang.
    assert!(tables.simplified.contains("執执"));
    assert!(tables.readings.contains("耕 geng\n"));
    assert!(tables.readings.contains("行 xing hang"));
    // 龍/龙 and 鑫 are not in the report.
    let all = format!("{}{}", tables.simplified, tables.readings);
    assert!(!all.contains('龍') && !all.contains('鑫'));
    // Small enough to travel with the report's page.
    assert!(all.len() < 40_000, "{} bytes", all.len());
    // An index built from them finds what the native one finds.
    let report = real();
    let from_tables = SearchIndex::with_tables(&report, &tables);
    let native = SearchIndex::new(&report);
    for query in ["gengdi", "執法", "罚款", "zf", "xingzheng"] {
        assert_eq!(from_tables.search(query), native.search(query), "{query}");
    }
}

#[test]
fn hits_are_stepped_through_in_document_order_and_wrap() {
    let report = real();
    let results = search(&report, "法治");
    let total = results.total;
    assert!(total >= 2);
    let places: Vec<_> = results.places().collect();
    assert_eq!(places.len(), total);
    for (n, place) in places.iter().enumerate() {
        assert_eq!(results.place(n).as_ref(), Some(place));
        assert_eq!(results.position(place), Some(n));
    }
    assert_eq!(results.place(total), None);
    assert_eq!(results.step(None, false), Some(0));
    assert_eq!(results.step(None, true), Some(total - 1));
    assert_eq!(results.step(Some(total - 1), false), Some(0));
    assert_eq!(results.step(Some(0), true), Some(total - 1));
    assert_eq!(results.step(Some(0), false), Some(1));
    assert_eq!(SearchResults::default().step(None, false), None);
}
