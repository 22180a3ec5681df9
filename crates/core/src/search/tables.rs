//! Character folding (width, case, spaces, Traditional → Simplified) and pinyin readings.
//!
//! Every rule maps one character to one character, so an offset into folded text is the same
//! offset into the original text.

use super::pinyin_match::ReadingSet;

/// The search tables in their text form, cut to the characters of one report (or several):
/// what `gongkai site` puts in a page beside its report, and what [`Tables`] are read from.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TableText {
    /// Traditional, Simplified, Traditional, Simplified, … sorted by the Traditional character.
    pub simplified: String,
    /// One line per character: the character, then its readings separated by spaces.
    pub readings: String,
}

/// The data tables, parsed from their text form ([`TableText`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct Tables {
    /// (Traditional, Simplified), sorted by the first.
    simplified: Vec<(char, char)>,
    /// The characters that have readings, sorted; `sets` holds their readings, in step.
    chars: Vec<char>,
    sets: Vec<ReadingSet>,
}

impl Tables {
    pub(crate) fn from_text(text: &TableText) -> Self {
        Self::parse(&text.simplified, &text.readings)
    }

    /// Reads the text form, which `source::tables_for` writes sorted (sorting here would cost
    /// the bundle a sort routine for nothing). Malformed lines are skipped.
    pub(crate) fn parse(simplified: &str, readings: &str) -> Self {
        let all: Vec<char> = simplified.chars().collect();
        let simplified: Vec<(char, char)> = all.chunks_exact(2).map(|p| (p[0], p[1])).collect();
        let (mut chars, mut sets) = (Vec::new(), Vec::new());
        for line in readings.lines() {
            let mut line_chars = line.chars();
            if let Some(c) = line_chars.next() {
                chars.push(c);
                sets.push(ReadingSet::new(line_chars.as_str()));
            }
        }
        debug_assert!(simplified.windows(2).all(|p| p[0].0 < p[1].0));
        debug_assert!(chars.windows(2).all(|p| p[0] < p[1]));
        Self {
            simplified,
            chars,
            sets,
        }
    }

    /// The character as the index compares it: width, case and space folded, then simplified.
    pub(crate) fn fold(&self, c: char) -> char {
        let c = fold_width_case(c);
        if (c as u32) < 0x2E80 {
            // Below the CJK blocks there is nothing to simplify.
            return c;
        }
        match self.simplified.binary_search_by_key(&c, |p| p.0) {
            Ok(at) => self.simplified[at].1,
            Err(_) => c,
        }
    }

    /// `1 +` the index in [`Tables::sets`] of a folded character's readings; `0` for none.
    pub(crate) fn reading_id(&self, c: char) -> u16 {
        if (c as u32) < 0x2E80 {
            return 0;
        }
        match self.chars.binary_search(&c) {
            Ok(at) => u16::try_from(at + 1).unwrap_or(0),
            Err(_) => 0,
        }
    }

    /// The reading sets that [`Tables::reading_id`] numbers.
    pub(crate) fn sets(&self) -> &[ReadingSet] {
        &self.sets
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.simplified.capacity() * std::mem::size_of::<(char, char)>()
            + self.chars.capacity() * std::mem::size_of::<char>()
            + self.sets.capacity() * std::mem::size_of::<ReadingSet>()
            + self.sets.iter().map(ReadingSet::heap_bytes).sum::<usize>()
    }
}

/// Full-width forms → their ASCII (or ideographic) originals, letters to lower case, every
/// space or control character to a plain space.
pub(crate) fn fold_width_case(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '\0'..='\x7f' if c.is_ascii_control() => ' ',
        '\0'..='\x7f' => c,
        // Full-width ASCII: `Ａ１（％`.
        '\u{FF01}'..='\u{FF5E}' => {
            char::from_u32(c as u32 - 0xFEE0).map_or(c, |c| c.to_ascii_lowercase())
        }
        // Half-width CJK punctuation: `｡｢｣､`.
        '\u{FF61}' => '。',
        '\u{FF62}' => '「',
        '\u{FF63}' => '」',
        '\u{FF64}' => '、',
        // Full-width signs: `￠￡￢￣￤￥￦`.
        '\u{FFE0}' => '\u{A2}',
        '\u{FFE1}' => '\u{A3}',
        '\u{FFE2}' => '\u{AC}',
        '\u{FFE3}' => '\u{AF}',
        '\u{FFE4}' => '\u{A6}',
        '\u{FFE5}' => '\u{A5}',
        '\u{FFE6}' => '\u{20A9}',
        // The ideographic space U+3000 and the others.
        c if c.is_whitespace() || c.is_control() => ' ',
        c => lower_case(c),
    }
}

/// Lower case for the cased letters a Chinese report may hold besides ASCII: Latin-1, Greek,
/// Cyrillic, Roman numerals (Ⅱ) and circled letters (Ⓐ). Arithmetic instead of the full Unicode
/// tables, which would add about 6 KB (gzip) to the bundle for scripts these reports never use.
fn lower_case(c: char) -> char {
    let code = c as u32;
    let lower = match code {
        // À–Þ but ×.
        0xC0..=0xDE if code != 0xD7 => code + 0x20,
        // Α–Ω (U+03A2 is unassigned).
        0x391..=0x3A9 if code != 0x3A2 => code + 0x20,
        0x400..=0x40F => code + 0x50,
        0x410..=0x42F => code + 0x20,
        0x2160..=0x216F => code + 0x10,
        0x24B6..=0x24CF => code + 0x1A,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}
