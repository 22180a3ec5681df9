//! Pinyin matching: a run of letters against a run of characters, each character taking a piece
//! of the letters.
//!
//! Strict (what search uses): every piece is a whole reading (`geng`) or its initial (`g`, and
//! `zh`/`ch`/`sh` as well as `z`/`c`/`s`), and the last piece may be any start of a reading, for
//! a syllable still being typed. So `gengdi`, `gd`, `gengd`, `gdi` and `gen` find 耕地 (or 耕),
//! while `gend` does not: `gen` is neither 耕's reading nor its initial.
//!
//! Relaxed (what suggestions use): every piece may be any start of a reading, so `gend` comes
//! close to 耕地 and the reader is offered it.
//!
//! The letters reached after each character are kept as a bit set (at most
//! [`super::MAX_PINYIN_LETTERS`] letters, so it fits a `u64`): ambiguous splits (`xian` = 先 or
//! 西安) cost nothing extra and no input can make the work grow beyond characters × letters.

/// The readings of one or more characters that read alike.
#[derive(Debug, Clone)]
pub(crate) struct ReadingSet {
    readings: Box<[Box<[u8]>]>,
    /// Bit `n` set when some reading starts with letter `a + n`: most characters fail here.
    first_letters: u32,
}

impl ReadingSet {
    /// From readings separated by spaces (`di de`).
    pub(crate) fn new(list: &str) -> Self {
        let readings: Box<[Box<[u8]>]> = list
            .split(' ')
            .filter(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_lowercase()))
            .map(|r| r.as_bytes().into())
            .collect();
        let first_letters = readings.iter().fold(0, |mask, r| mask | letter_bit(r[0]));
        Self {
            readings,
            first_letters,
        }
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.readings.len() * std::mem::size_of::<Box<[u8]>>()
            + self.readings.iter().map(|r| r.len()).sum::<usize>()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Strict,
    Relaxed,
}

fn letter_bit(b: u8) -> u32 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        _ => 0,
    }
}

/// A reading's letter against a typed letter: `v` stands for `ü`, and people also type `u`.
fn same_letter(reading: u8, typed: u8) -> bool {
    reading == typed || (reading == b'v' && typed == b'u')
}

/// How many leading letters of `reading` and `typed` agree.
fn common_prefix(reading: &[u8], typed: &[u8]) -> usize {
    reading
        .iter()
        .zip(typed)
        .take_while(|(&r, &t)| same_letter(r, t))
        .count()
}

/// Length of a reading's initial: `zh`, `ch`, `sh` are two letters.
fn initial_len(reading: &[u8]) -> usize {
    match reading {
        [b'z' | b'c' | b's', b'h', ..] => 2,
        _ => 1,
    }
}

enum Step {
    /// The letters are used up: the match ends with this character.
    Done,
    /// The letter positions reachable after this character (none: no match).
    Next(u64),
}

/// One character: from each reachable letter position, every piece its readings allow.
fn step(set: &ReadingSet, typed: &[u8], reached: u64, mode: Mode) -> Step {
    let mut next = 0u64;
    let mut bits = reached;
    while bits != 0 {
        let at = bits.trailing_zeros() as usize;
        bits &= bits - 1;
        let rest = &typed[at..];
        for reading in set.readings.iter() {
            let common = common_prefix(reading, rest);
            if common == 0 {
                continue;
            }
            if common == rest.len() {
                // The rest is this whole reading, or the start of it (the last piece).
                return Step::Done;
            }
            match mode {
                Mode::Strict => {
                    if common == reading.len() {
                        next |= 1 << (at + common);
                    }
                    next |= 1 << (at + 1);
                    let initial = initial_len(reading);
                    if initial == 2 && common >= 2 {
                        next |= 1 << (at + 2);
                    }
                }
                Mode::Relaxed => {
                    for len in 1..=common {
                        next |= 1 << (at + len);
                    }
                }
            }
        }
    }
    Step::Next(next)
}

/// Every match of `typed` (lower-case ASCII letters, at most 48 of them) in the text whose
/// characters have the reading sets `chars` (`0` = no reading, else `1 +` index into `sets`).
/// Each match is reported once, shortest first from its start, as `[start, end)` in characters;
/// `hit` returns `false` to stop the scan.
pub(crate) fn find(
    chars: &[u16],
    sets: &[ReadingSet],
    typed: &[u8],
    mode: Mode,
    mut hit: impl FnMut(usize, usize) -> bool,
) {
    let Some(&first) = typed.first() else {
        return;
    };
    debug_assert!(typed.len() <= 63);
    let first = letter_bit(first);
    for start in 0..chars.len() {
        let id = chars[start];
        if id == 0 || sets[usize::from(id) - 1].first_letters & first == 0 {
            continue;
        }
        let mut reached = 1u64;
        for (at, &id) in chars.iter().enumerate().skip(start) {
            if id == 0 {
                break;
            }
            match step(&sets[usize::from(id) - 1], typed, reached, mode) {
                Step::Done => {
                    if !hit(start, at + 1) {
                        return;
                    }
                    break;
                }
                Step::Next(0) => break,
                Step::Next(next) => reached = next,
            }
        }
    }
}
