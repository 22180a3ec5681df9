//! Search in a report: substring matches over its blocks (the report title, each section title,
//! each paragraph), insensitive to width, case and Traditional/Simplified, and pinyin.
//!
//! Plain Rust with no web dependency: the app builds a [`SearchIndex`] once and calls
//! [`SearchIndex::search`] on every keystroke.
//!
//! # Rules
//!
//! - **Folding.** Text and query are compared character by character after folding: full-width
//!   letters, digits and signs are their ASCII forms (`（一）` = `(一)`, `１００％` = `100%`),
//!   letters are lower case (ASCII, Latin-1, Greek, Cyrillic, Roman numerals), every space (the
//!   ideographic space too) and control character is a space, and Traditional characters are
//!   their Simplified forms (執法 = 执法; OpenCC's character table, first choice). Each rule maps
//!   one character to one, so the offsets of a match in the folded text are its offsets in the
//!   original text.
//! - **Words.** The query is split at spaces (half- or full-width); every word must occur in the
//!   same block, and the block's hits are all the occurrences of every word. Overlapping
//!   occurrences count (`aa` in `aaa` highlights all three letters).
//! - **Pinyin.** A word of 2 to [`MAX_PINYIN_LETTERS`] ASCII letters also matches as pinyin:
//!   each character takes its whole reading or its initial (`gengdi`, `gd`; `zf` or `zhf` for
//!   执法), the last one any start of a reading, a syllable still being typed (`gengd`, `gen`).
//!   A character has up to three readings, the usual one first (行 = xing or hang); `v` or `u`
//!   stand for `ü`. A single letter matches only literally. A query of several all-letter words
//!   (`geng di`) is first tried as one pinyin word with the spaces removed; when that matches,
//!   the results are its matches plus the blocks where every word occurs literally. Otherwise
//!   the word rule applies, each word matching literally or as pinyin.
//! - **Numbers** and everything else match as written, after folding.
//! - **Limits.** Only the first [`MAX_QUERY_CHARS`] characters of a query are read, and its
//!   first [`MAX_WORDS`] distinct words; no regular expression is ever built from a query.
//! - **Suggestions**, only when nothing matched: the Chinese text a pinyin query comes close to
//!   (every syllable may be cut short: `gend` → 耕地), the words of a several-word query that do
//!   match on their own, and the longest start and end of a one-word query that match.

mod pinyin_match;
pub mod shelf;
mod snippet;
#[cfg(feature = "tables")]
mod source;
mod tables;

use std::{borrow::Cow, sync::Arc};

use crate::{
    id::{BlockId, SectionId},
    report::Report,
};
use pinyin_match::Mode;
pub use snippet::{snippet, Snippet};
#[cfg(feature = "tables")]
pub use source::tables_for;
pub use tables::TableText;
use tables::Tables;

/// Characters of a query that are read; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 256;
/// Distinct words of a query that are read; the rest are ignored.
pub const MAX_WORDS: usize = 8;
/// Longest run of letters tried as pinyin (a phrase of a dozen characters or more).
pub const MAX_PINYIN_LETTERS: usize = 48;
/// Most suggestions offered.
pub const MAX_SUGGESTIONS: usize = 5;

/// Between blocks in the folded text; folding turns any `\0` of the text into a space and a
/// query word never holds one, so no match can run from one block into the next.
const SEPARATOR: char = '\0';
/// Relaxed pinyin matches looked at for suggestions.
const MAX_SUGGESTION_MATCHES: usize = 500;

/// A report's searchable text, folded, with the pinyin of every character.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    /// Every block's folded text, in document order, each followed by [`SEPARATOR`].
    text: String,
    /// For each character of `text`: `0` when it has no reading, else `1 +` the index of its
    /// readings in `tables.sets()`.
    readings: Vec<u16>,
    blocks: Vec<Block>,
    /// The section of each group of blocks; group 0 (`None`) is the title and preamble.
    sections: Vec<Option<SectionId>>,
    /// Shared by every report of a shelf ([`shelf::ShelfIndex`]): parsed once per site.
    tables: Arc<Tables>,
}

#[derive(Debug, Clone)]
struct Block {
    id: BlockId,
    group: usize,
    /// Offset of the block's first character in the index text, in characters.
    start: usize,
}

/// What a query found, in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchResults {
    pub groups: Vec<SectionHits>,
    /// Highlights in titles and paragraphs: the number of ranges, overlapping occurrences
    /// merged, i.e. the steps of next/previous.
    pub total: usize,
    /// When `total` is 0 for a query that is not blank: queries that do match.
    pub suggestions: Vec<String>,
}

/// The hits in one section's title and paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionHits {
    /// The section; `None` for the report title and the preamble.
    pub section: Option<SectionId>,
    pub blocks: Vec<BlockHits>,
}

/// The hits in one block of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockHits {
    pub block: BlockId,
    /// `[start, end)` in characters (Unicode scalar values) of the block's text
    /// ([`Report::block_text`]), sorted and not overlapping.
    pub ranges: Vec<[usize; 2]>,
}

/// One highlight of the results: the `index`-th range of block `block`. Hits are numbered
/// within their block, so a new hit early in the report changes no later block's numbers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HitPlace {
    pub block: BlockId,
    pub index: usize,
}

impl SearchResults {
    /// Every highlight in document order: what next/previous step through.
    pub fn places(&self) -> impl Iterator<Item = HitPlace> + '_ {
        self.groups
            .iter()
            .flat_map(|group| &group.blocks)
            .flat_map(|block| {
                (0..block.ranges.len()).map(|index| HitPlace {
                    block: block.block.clone(),
                    index,
                })
            })
    }

    /// The `n`-th highlight in document order (0-based), if there are that many.
    pub fn place(&self, n: usize) -> Option<HitPlace> {
        let mut before = 0;
        for block in self.groups.iter().flat_map(|group| &group.blocks) {
            if n < before + block.ranges.len() {
                return Some(HitPlace {
                    block: block.block.clone(),
                    index: n - before,
                });
            }
            before += block.ranges.len();
        }
        None
    }

    /// The position of a highlight in document order: the inverse of [`Self::place`].
    pub fn position(&self, place: &HitPlace) -> Option<usize> {
        let mut before = 0;
        for block in self.groups.iter().flat_map(|group| &group.blocks) {
            if block.block == place.block {
                return (place.index < block.ranges.len()).then_some(before + place.index);
            }
            before += block.ranges.len();
        }
        None
    }

    /// The highlight after (or, with `back`, before) `current`, wrapping around; the first
    /// (or last) when nothing is current. `None` when there is nothing to step to.
    pub fn step(&self, current: Option<usize>, back: bool) -> Option<usize> {
        let total = self.total;
        if total == 0 {
            return None;
        }
        Some(match (current.filter(|&n| n < total), back) {
            (None, false) => 0,
            (None, true) => total - 1,
            (Some(n), false) => (n + 1) % total,
            (Some(n), true) => (n + total - 1) % total,
        })
    }
}

/// One occurrence: `[start, end)` in characters of block `block`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Hit {
    block: usize,
    start: usize,
    end: usize,
}

/// A word of the query.
struct Word<'q> {
    /// As typed, for suggestions.
    raw: &'q str,
    folded: String,
}

impl Word<'_> {
    /// Its letters, when the word is all ASCII letters (after folding).
    fn letters(&self) -> Option<&[u8]> {
        let bytes = self.folded.as_bytes();
        (!bytes.is_empty() && bytes.iter().all(u8::is_ascii_lowercase)).then_some(bytes)
    }

    /// Its letters, when it is long enough, and short enough, to try as pinyin.
    fn pinyin(&self) -> Option<&[u8]> {
        self.letters().filter(|l| pinyin_length(l.len()))
    }
}

fn pinyin_length(letters: usize) -> bool {
    (2..=MAX_PINYIN_LETTERS).contains(&letters)
}

impl SearchIndex {
    /// Indexes the report title, every section heading (number and title) and every paragraph.
    #[cfg(feature = "tables")]
    pub fn new(report: &Report) -> Self {
        let text: String = report.blocks().map(|(_, text)| text).collect();
        Self::with_tables(report, &tables_for(text.chars()))
    }

    /// Indexes `report` with search tables made for it beforehand ([`tables_for`] at build or
    /// publish time): how the viewer, which carries no pinyin data of its own, builds its index.
    pub fn with_tables(report: &Report, tables: &TableText) -> Self {
        Self::from_blocks(report.blocks(), Arc::new(Tables::from_text(tables)))
    }

    /// Indexes blocks given in document order (the title, the preamble, then each section's
    /// heading and paragraphs), as [`Report::blocks`] gives them.
    fn from_blocks<'a>(
        report_blocks: impl Iterator<Item = (BlockId, Cow<'a, str>)>,
        tables: Arc<Tables>,
    ) -> Self {
        // (group, block id, text), in document order; a group per section, group 0 the title
        // and the preamble.
        let mut sections: Vec<Option<SectionId>> = vec![None];
        let sources: Vec<_> = report_blocks
            .map(|(id, text)| {
                if let BlockId::Heading(section) = &id {
                    sections.push(Some(section.clone()));
                }
                (sections.len() - 1, id, text)
            })
            .collect();
        let bytes: usize = sources.iter().map(|s| s.2.len() + 1).sum();
        let mut text = String::with_capacity(bytes);
        let mut readings = Vec::with_capacity(bytes / 2);
        let mut blocks = Vec::with_capacity(sources.len());
        for (group, id, source) in sources {
            blocks.push(Block {
                id,
                group,
                start: readings.len(),
            });
            for c in source.chars() {
                let folded = tables.fold(c);
                text.push(folded);
                readings.push(tables.reading_id(folded));
            }
            text.push(SEPARATOR);
            readings.push(0);
        }
        text.shrink_to_fit();
        readings.shrink_to_fit();
        Self {
            text,
            readings,
            blocks,
            sections,
            tables,
        }
    }

    /// Everything `query` matches (see the module documentation for the rules). A blank query
    /// finds nothing and suggests nothing.
    pub fn search(&self, query: &str) -> SearchResults {
        let mut results = self.search_without_suggestions(query);
        if results.total == 0 {
            results.suggestions = self.suggestions(query);
        }
        results
    }

    /// What `query` matches, never with suggestions: what a search over many reports asks of
    /// each, suggesting only when none of them matches.
    pub(crate) fn search_without_suggestions(&self, query: &str) -> SearchResults {
        let words = self.words(query);
        if words.is_empty() {
            return SearchResults::default();
        }
        self.assemble(self.hits(&words))
    }

    /// Queries close to `query` that match in this report (see the module documentation).
    pub(crate) fn suggestions(&self, query: &str) -> Vec<String> {
        let words = self.words(query);
        if words.is_empty() {
            return Vec::new();
        }
        self.suggest(&words)
    }

    /// Approximate heap memory held by the index, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + self.readings.capacity() * std::mem::size_of::<u16>()
            + self.blocks.capacity() * std::mem::size_of::<Block>()
            + self
                .blocks
                .iter()
                .filter_map(|b| b.id.section())
                .map(SectionId::heap_bytes)
                .sum::<usize>()
            + self.sections.capacity() * std::mem::size_of::<Option<SectionId>>()
            + self
                .sections
                .iter()
                .flatten()
                .map(SectionId::heap_bytes)
                .sum::<usize>()
            + self.tables.heap_bytes()
    }

    /// The query's words: cut to [`MAX_QUERY_CHARS`], split at spaces and control characters,
    /// folded, without repeats, at most [`MAX_WORDS`].
    fn words<'q>(&self, query: &'q str) -> Vec<Word<'q>> {
        let query = match query.char_indices().nth(MAX_QUERY_CHARS) {
            Some((end, _)) => &query[..end],
            None => query,
        };
        let mut words: Vec<Word<'q>> = Vec::new();
        for raw in query
            .split(|c: char| c.is_whitespace() || c.is_control())
            .filter(|w| !w.is_empty())
        {
            let folded = self.fold(raw);
            if words.iter().all(|w| w.folded != folded) {
                words.push(Word { raw, folded });
                if words.len() == MAX_WORDS {
                    break;
                }
            }
        }
        words
    }

    fn fold(&self, s: &str) -> String {
        s.chars().map(|c| self.tables.fold(c)).collect()
    }

    /// Every occurrence the words make, by the rules of the module documentation.
    fn hits(&self, words: &[Word]) -> Vec<Hit> {
        if words.len() > 1 {
            if let Some(joined) = joined_letters(words) {
                let mut hits = Vec::new();
                self.pinyin(&joined, Mode::Strict, &mut hits);
                if !hits.is_empty() {
                    let literal = words
                        .iter()
                        .map(|w| {
                            let mut found = Vec::new();
                            self.literal(&w.folded, &mut found);
                            found
                        })
                        .collect();
                    hits.extend(all_in_one_block(literal));
                    return hits;
                }
            }
        }
        let per_word = words
            .iter()
            .map(|word| {
                let mut found = Vec::new();
                self.literal(&word.folded, &mut found);
                if let Some(letters) = word.pinyin() {
                    self.pinyin(letters, Mode::Strict, &mut found);
                    found.sort_unstable();
                }
                found
            })
            .collect();
        all_in_one_block(per_word)
    }

    /// Every occurrence of `needle` (folded), overlapping ones included.
    fn literal(&self, needle: &str, out: &mut Vec<Hit>) {
        let Some(first) = needle.chars().next() else {
            return;
        };
        let len = needle.chars().count();
        let (mut from, mut counted_bytes, mut counted_chars, mut block) = (0, 0, 0, 0);
        // One character: the char searcher (memchr) is several times faster than the substring one.
        let next = |rest: &str| match len {
            1 => rest.find(first),
            _ => rest.find(needle),
        };
        while let Some(at) = next(&self.text[from..]) {
            let byte = from + at;
            counted_chars += self.text[counted_bytes..byte].chars().count();
            counted_bytes = byte;
            out.push(self.locate(&mut block, counted_chars, counted_chars + len));
            from = byte + first.len_utf8();
        }
    }

    /// Every pinyin match of `letters`.
    fn pinyin(&self, letters: &[u8], mode: Mode, out: &mut Vec<Hit>) {
        let mut block = 0;
        pinyin_match::find(
            &self.readings,
            self.tables.sets(),
            letters,
            mode,
            |start, end| {
                out.push(self.locate(&mut block, start, end));
                true
            },
        );
    }

    /// Whether a word (as typed) matches anywhere, literally or as pinyin.
    fn matches_anywhere(&self, raw: &str) -> bool {
        let word = Word {
            raw,
            folded: self.fold(raw),
        };
        if word.folded.is_empty() {
            return false;
        }
        if self.text.contains(&word.folded) {
            return true;
        }
        let mut found = false;
        if let Some(letters) = word.pinyin() {
            pinyin_match::find(
                &self.readings,
                self.tables.sets(),
                letters,
                Mode::Strict,
                |_, _| {
                    found = true;
                    false
                },
            );
        }
        found
    }

    /// The block holding the index character `start`, searching on from `block` (hits come in
    /// order), and the hit's offsets inside it.
    fn locate(&self, block: &mut usize, start: usize, end: usize) -> Hit {
        while *block + 1 < self.blocks.len() && self.blocks[*block + 1].start <= start {
            *block += 1;
        }
        let base = self.blocks.get(*block).map_or(0, |b| b.start);
        Hit {
            block: *block,
            start: start - base,
            end: end - base,
        }
    }

    /// Sorts, merges overlaps and groups by section.
    fn assemble(&self, mut hits: Vec<Hit>) -> SearchResults {
        hits.sort_unstable();
        // (block, ranges), in document order.
        let mut per_block: Vec<(usize, Vec<[usize; 2]>)> = Vec::new();
        for hit in hits {
            match per_block.last_mut() {
                Some((block, ranges)) if *block == hit.block => match ranges.last_mut() {
                    Some(last) if hit.start < last[1] => last[1] = last[1].max(hit.end),
                    _ => ranges.push([hit.start, hit.end]),
                },
                _ => per_block.push((hit.block, vec![[hit.start, hit.end]])),
            }
        }
        let total = per_block.iter().map(|(_, r)| r.len()).sum();
        let mut groups: Vec<SectionHits> = Vec::new();
        let mut current_group = None;
        for (block, ranges) in per_block {
            let block = &self.blocks[block];
            let hits = BlockHits {
                block: block.id.clone(),
                ranges,
            };
            match groups.last_mut() {
                Some(group) if current_group == Some(block.group) => group.blocks.push(hits),
                _ => {
                    current_group = Some(block.group);
                    groups.push(SectionHits {
                        section: self.sections[block.group].clone(),
                        blocks: vec![hits],
                    });
                }
            }
        }
        SearchResults {
            groups,
            total,
            suggestions: Vec::new(),
        }
    }

    /// Queries close to one that found nothing, each of which does match.
    fn suggest(&self, words: &[Word]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if let Some(letters) = joined_letters(words) {
            out.extend(self.pinyin_neighbours(&letters));
        }
        if words.len() > 1 {
            let matching: Vec<&str> = words
                .iter()
                .filter(|w| self.matches_anywhere(w.raw))
                .map(|w| w.raw)
                .collect();
            if matching.len() > 1 {
                let fewer = matching.join(" ");
                if !self.hits(&self.words(&fewer)).is_empty() {
                    out.push(fewer);
                }
            }
            out.extend(matching.iter().map(|w| w.to_string()));
        } else if let [word] = words {
            let chars: Vec<(usize, char)> = word.raw.char_indices().collect();
            let prefix = longest(chars.len(), |n| {
                let end = chars.get(n).map_or(word.raw.len(), |c| c.0);
                self.matches_anywhere(&word.raw[..end])
            });
            let end = chars.get(prefix).map_or(word.raw.len(), |c| c.0);
            if worth_suggesting(&word.raw[..end]) {
                out.push(word.raw[..end].to_string());
            }
            // Pinyin is typed from its start: the end of a run of letters means little.
            if word.letters().is_none() {
                let suffix = longest(chars.len(), |n| {
                    self.matches_anywhere(&word.raw[chars[chars.len() - n].0..])
                });
                let start = chars
                    .get(chars.len() - suffix)
                    .map_or(word.raw.len(), |c| c.0);
                let tail = &word.raw[start..];
                if worth_suggesting(tail) && !tail.bytes().all(|b| b.is_ascii_alphabetic()) {
                    out.push(tail.to_string());
                }
            }
        }
        let mut unique: Vec<String> = Vec::new();
        for suggestion in out {
            if !unique.contains(&suggestion) {
                unique.push(suggestion);
            }
        }
        unique.truncate(MAX_SUGGESTIONS);
        unique
    }

    /// The commonest texts that `letters` matches when every syllable may be cut short.
    fn pinyin_neighbours(&self, letters: &[u8]) -> Vec<String> {
        let mut spans: Vec<(usize, usize)> = Vec::new();
        pinyin_match::find(
            &self.readings,
            self.tables.sets(),
            letters,
            Mode::Relaxed,
            |start, end| {
                spans.push((start, end));
                spans.len() < MAX_SUGGESTION_MATCHES
            },
        );
        // Spans come in order of their start: walk the text once to cut them out.
        // (text, times found); in order of first occurrence.
        let mut counts: Vec<(String, usize)> = Vec::new();
        let (mut char_at, mut byte_at) = (0, 0);
        for &(start, end) in &spans {
            for c in self.text[byte_at..].chars() {
                if char_at == start {
                    break;
                }
                char_at += 1;
                byte_at += c.len_utf8();
            }
            let span: String = self.text[byte_at..].chars().take(end - start).collect();
            match counts.iter_mut().find(|(text, _)| *text == span) {
                Some((_, count)) => *count += 1,
                None => counts.push((span, 1)),
            }
        }
        // The three commonest, the shorter and then the earlier first among equals.
        let mut best = Vec::new();
        for _ in 0..3 {
            let mut pick: Option<usize> = None;
            for (at, (text, count)) in counts.iter().enumerate() {
                let better = match pick {
                    None => true,
                    Some(p) => {
                        let (best_text, best_count) = &counts[p];
                        *count > *best_count
                            || (*count == *best_count
                                && text.chars().count() < best_text.chars().count())
                    }
                };
                if better && *count > 0 {
                    pick = Some(at);
                }
            }
            let Some(at) = pick else { break };
            best.push(std::mem::take(&mut counts[at].0));
            counts[at].1 = 0;
        }
        best
    }
}

/// Whether a part of the query says enough to offer: one Chinese character does, one letter or
/// one bracket does not.
fn worth_suggesting(part: &str) -> bool {
    let mut chars = part.chars();
    match (chars.next(), chars.next()) {
        (None, _) => false,
        (Some(c), None) => is_ideograph(c),
        _ => true,
    }
}

/// A Chinese character (the CJK blocks, their extensions and compatibility forms).
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// The letters of a query whose words are all letters, spaces removed, when they can be pinyin.
fn joined_letters(words: &[Word]) -> Option<Vec<u8>> {
    let mut joined = Vec::new();
    for word in words {
        joined.extend_from_slice(word.letters()?);
    }
    pinyin_length(joined.len()).then_some(joined)
}

/// The hits of every word, in the blocks where every word has one. Each list is sorted.
fn all_in_one_block(per_word: Vec<Vec<Hit>>) -> Vec<Hit> {
    let mut common: Option<Vec<usize>> = None;
    for hits in &per_word {
        let mut blocks: Vec<usize> = hits.iter().map(|h| h.block).collect();
        blocks.dedup();
        common = Some(match common {
            None => blocks,
            Some(mut common) => {
                common.retain(|b| blocks.binary_search(b).is_ok());
                common
            }
        });
    }
    let common = common.unwrap_or_default();
    if common.is_empty() {
        return Vec::new();
    }
    per_word
        .into_iter()
        .flatten()
        .filter(|h| common.binary_search(&h.block).is_ok())
        .collect()
}

/// The largest `n` in `0..len` with `matches(n)`, assuming that shorter ones match whenever a
/// longer one does (a part of a match matches): about log₂(len) calls.
fn longest(len: usize, matches: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, len.saturating_sub(1));
    while low < high {
        let mid = (low + high).div_ceil(2);
        if matches(mid) {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    low
}
