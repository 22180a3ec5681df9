//! The packed form of the shelf's search text (`gongkai_core::textpack`): every text comes
//! back exactly, Chinese reports pack well below their UTF-8, and damaged bytes are errors.

use gongkai_core::textpack::{pack, unpack, UnpackError};
use proptest::prelude::*;

mod common;

#[test]
fn every_report_comes_back_exactly_and_packs_below_half_its_utf8() {
    let mut texts = vec![std::fs::read_to_string(common::REAL).unwrap()];
    for (path, _) in common::test_reports() {
        let bytes = std::fs::read(path).unwrap();
        // The GBK and UTF-16 files as the parser decodes them.
        texts.push(gongkai_core::parse::decode(&bytes).unwrap().into_owned());
    }
    // The whole shelf: every report in one text, as a site's search file holds them.
    texts.push(texts.concat());
    for text in &texts {
        let packed = pack(text);
        assert_eq!(unpack(&packed).as_deref(), Ok(text.as_str()));
        if text.len() > 4000 {
            assert!(
                packed.len() * 2 < text.len(),
                "{} bytes packed of {} ({})",
                packed.len(),
                text.len(),
                text.chars().take(20).collect::<String>()
            );
        }
    }
}

#[test]
fn every_cut_of_a_packed_report_is_an_error() {
    let text = std::fs::read_to_string(common::REAL).unwrap();
    let packed = pack(&text);
    for cut in (0..packed.len()).step_by(97) {
        assert!(unpack(&packed[..cut]).is_err(), "cut at {cut}");
    }
    let mut longer = packed.clone();
    longer.push(0);
    assert_eq!(
        unpack(&longer),
        Err(UnpackError::Corrupt {
            at_char: text.chars().count() as u64
        }),
        "a byte after the end"
    );
}

#[test]
fn a_long_text_comes_back_exactly() {
    let real = std::fs::read_to_string(common::REAL).unwrap();
    let times = if common::slow_tests() { 200 } else { 20 };
    // Repeated with a changing number in each copy, so the model keeps meeting new contexts.
    let text: String = (0..times).map(|i| format!("第{i}份：{real}")).collect();
    assert_eq!(unpack(&pack(&text)).as_deref(), Ok(text.as_str()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::proptest_cases()))]

    #[test]
    fn any_text_comes_back_exactly(text in any::<String>()) {
        prop_assert_eq!(unpack(&pack(&text)), Ok(text));
    }

    #[test]
    fn genre_text_comes_back_exactly(pieces in prop::collection::vec(prop::sample::select(vec![
        "法治政府建设", "行政执法", "，", "。", "\n", "一、", "（一）", "2023年", "52件", "9.4%",
        "依法行政", "复议", "𠀀", "🙂", "\"", "\\", "\u{2028}", "a", " ",
    ]), 0..400)) {
        let text = pieces.concat();
        prop_assert_eq!(unpack(&pack(&text)), Ok(text));
    }

    /// One byte changed anywhere: an error or some text, never a panic or a hang.
    #[test]
    fn a_damaged_byte_never_panics(at in any::<prop::sample::Index>(), with in 1u8..=255) {
        let text = "本年度，我局深入学习贯彻习近平法治思想，全面推进法治政府建设，依法行政水平不断提升。";
        let mut packed = pack(&text.repeat(4));
        let i = at.index(packed.len());
        packed[i] ^= with;
        let _ = unpack(&packed);
    }
}
