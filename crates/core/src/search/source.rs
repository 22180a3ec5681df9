//! Where the search data comes from, cut down to the characters of a given text.
//!
//! Pinyin readings come from the `pinyin` crate (data: mozillazg/pinyin-data, MIT), Traditional
//! → Simplified characters from OpenCC's `TSCharacters` as shipped by the `hanconv` crate (code
//! MIT, data Apache-2.0). Only with the `tables` feature: natively the tables are cut here for
//! each report at run time, and at publish time for each page, so the wasm viewer carries
//! neither crate and reads the tables its page brings.

use std::collections::{BTreeMap, BTreeSet};

use pinyin::ToPinyinMulti;

use super::TableText;

/// The tables that matter for `chars`: every Traditional character whose Simplified form is one
/// of `chars` (or the Simplified form of one of them), so a Traditional query can reach the
/// text; and the readings of every character the text has once simplified.
pub fn tables_for(chars: impl IntoIterator<Item = char>) -> TableText {
    let pairs: BTreeMap<char, char> = traditional_pairs().collect();
    let simplified_text: BTreeSet<char> = chars
        .into_iter()
        .map(|c| pairs.get(&c).copied().unwrap_or(c))
        .collect();

    let mut simplified = String::new();
    for (&traditional, &target) in &pairs {
        if simplified_text.contains(&target) {
            simplified.push(traditional);
            simplified.push(target);
        }
    }

    let mut readings = String::new();
    for &c in &simplified_text {
        let list = readings_of(c);
        if !list.is_empty() {
            readings.push(c);
            for reading in list {
                readings.push(' ');
                readings.push_str(&reading);
            }
            readings.push('\n');
        }
    }
    TableText {
        simplified,
        readings,
    }
}

/// OpenCC's character table: the first (most usual) Simplified form of each Traditional
/// character. Only one-to-one pairs are kept, so that offsets carry over character for character.
fn traditional_pairs() -> impl Iterator<Item = (char, char)> {
    hanconv::RawDictionary::TSCharacters
        .iter()
        .filter_map(|(traditional, simplified)| {
            let traditional = single_char(traditional)?;
            let simplified = single_char(simplified)?;
            (traditional != simplified).then_some((traditional, simplified))
        })
}

fn single_char(s: &str) -> Option<char> {
    let mut chars = s.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

/// Readings kept per character. The data lists the usual reading first and then every other
/// one it knows, rare ones included (划 hua, guo; 告 gao, ju, gu): three keep the heteronyms that
/// matter (行 xing, hang; 着 zhe, zhao, zhuo) with less noise for initials (`gd` ≠ 划对).
const MAX_READINGS: usize = 3;

/// The readings of `c` without tones, `ü` written `v` as on a keyboard, usual first, without
/// repeats, at most [`MAX_READINGS`]. Readings that are not plain letters (`ê`, `m̄`) cannot be
/// typed as pinyin and are dropped.
fn readings_of(c: char) -> Vec<String> {
    let Some(multi) = c.to_pinyin_multi() else {
        return Vec::new();
    };
    let mut list: Vec<String> = Vec::new();
    for reading in multi {
        let plain = reading.plain().replace('ü', "v");
        if !plain.is_empty()
            && plain.bytes().all(|b| b.is_ascii_lowercase())
            && !list.contains(&plain)
        {
            list.push(plain);
            if list.len() == MAX_READINGS {
                break;
            }
        }
    }
    list
}
