//! A compact form for Chinese text that the browser cannot shrink well by itself: the shelf's
//! search text (every report of a site) is sent packed with this and unpacked in the page.
//!
//! gzip codes bytes and finds repeats only within its last 32 KB, so UTF-8 Chinese (three
//! bytes a character, a character set of thousands) gzips to about 40 % of its size and a
//! site's reports hardly help each other. This is an order-2 PPM model over characters with
//! a range coder: each character is predicted from the two before it, falling back to one,
//! none, and then to the next character never seen before. Wording common to the genre
//! (法治政府建设, 行政执法, 依法行政) is learnt across every report of the site. On 100
//! report-sized extracts of 30 provinces' work reports it takes 57 % of gzip's size (README,
//! 全库检索).
//!
//! Format: `GKT1`, the number of characters (LEB128), the byte length of the alphabet
//! (LEB128), the alphabet (each distinct character once, in order of first appearance, UTF-8),
//! then the range coder's bytes. [`unpack`] checks everything and never reads or writes past
//! the limits it states.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

const MAGIC: &[u8; 4] = b"GKT1";
/// Most characters [`unpack`] produces: a hundred reports of the genre are half a million,
/// a thousand five million; a hostile header asking for more is refused before any work.
pub const MAX_PACKED_CHARS: u64 = 16 * 1024 * 1024;
/// A context's counts are halved when they sum past this: recent text weighs more, and the
/// coder's totals stay far below its 24 bits of precision.
const COUNT_LIMIT: u32 = 1 << 16;

/// Why packed bytes could not be unpacked. None of these happen to bytes [`pack`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnpackError {
    /// Not starting with `GKT1`.
    NotPacked,
    /// The header or the alphabet ends early, or a length is malformed.
    BadHeader,
    /// The alphabet is not UTF-8 or repeats a character.
    BadAlphabet,
    /// The header asks for more than [`MAX_PACKED_CHARS`].
    TooLong(u64),
    /// The coded bytes end before every character is decoded, or do not decode.
    Corrupt { at_char: u64 },
}

impl fmt::Display for UnpackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UnpackError::NotPacked => write!(f, "不是压缩文本（缺少 GKT1 标记）"),
            UnpackError::BadHeader => write!(f, "压缩文本的头部不完整"),
            UnpackError::BadAlphabet => write!(f, "压缩文本的字表无效"),
            UnpackError::TooLong(n) => {
                write!(f, "压缩文本声明 {n} 个字符，超过上限 {MAX_PACKED_CHARS} 个")
            }
            UnpackError::Corrupt { at_char } => {
                write!(f, "压缩文本在第 {} 个字符处损坏", at_char + 1)
            }
        }
    }
}

impl std::error::Error for UnpackError {}

/// `text` packed. [`unpack`] gives it back exactly.
pub fn pack(text: &str) -> Vec<u8> {
    let mut alphabet = String::new();
    let mut index: HashMap<char, u32, FastHash> = HashMap::default();
    let symbols: Vec<u32> = text
        .chars()
        .map(|c| {
            let next = index.len() as u32;
            *index.entry(c).or_insert_with(|| {
                alphabet.push(c);
                next
            })
        })
        .collect();
    let mut out = MAGIC.to_vec();
    write_leb128(&mut out, symbols.len() as u64);
    write_leb128(&mut out, alphabet.len() as u64);
    out.extend_from_slice(alphabet.as_bytes());
    let mut model = Model::new(index.len());
    let mut coder = Encoder::new(out);
    for &symbol in &symbols {
        model.encode(&mut coder, symbol);
    }
    coder.finish()
}

/// Whether `bytes` start as [`pack`]'s output does (JSON, for one, never does).
pub fn is_packed(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// The text [`pack`] packed into `bytes`.
pub fn unpack(bytes: &[u8]) -> Result<String, UnpackError> {
    let mut unpacking = Unpacking::new(bytes)?;
    while !unpacking.step(u64::MAX)? {}
    unpacking.finish()
}

/// Unpacking a few characters at a time, so that a page can let the reader's input in
/// between steps (a site's text takes a tenth of a second or more on a phone).
pub struct Unpacking<'a> {
    alphabet: Vec<char>,
    model: Model,
    decoder: Decoder<'a>,
    chars: u64,
    decoded: u64,
    text: String,
}

impl<'a> Unpacking<'a> {
    /// Checks the header and the alphabet of `bytes`; nothing is decoded yet.
    pub fn new(bytes: &'a [u8]) -> Result<Self, UnpackError> {
        let rest = bytes.strip_prefix(MAGIC).ok_or(UnpackError::NotPacked)?;
        let (chars, rest) = read_leb128(rest).ok_or(UnpackError::BadHeader)?;
        if chars > MAX_PACKED_CHARS {
            return Err(UnpackError::TooLong(chars));
        }
        let (alphabet_len, rest) = read_leb128(rest).ok_or(UnpackError::BadHeader)?;
        let alphabet_len = usize::try_from(alphabet_len).map_err(|_| UnpackError::BadHeader)?;
        if rest.len() < alphabet_len {
            return Err(UnpackError::BadHeader);
        }
        let (alphabet, coded) = rest.split_at(alphabet_len);
        let alphabet: Vec<char> = std::str::from_utf8(alphabet)
            .map_err(|_| UnpackError::BadAlphabet)?
            .chars()
            .collect();
        let mut seen: HashSet<char, FastHash> = HashSet::default();
        if alphabet.iter().any(|&c| !seen.insert(c)) {
            return Err(UnpackError::BadAlphabet);
        }
        Ok(Unpacking {
            model: Model::new(alphabet.len()),
            alphabet,
            decoder: Decoder::new(coded),
            chars,
            decoded: 0,
            // Room for the claimed characters, but never more than 3 MB before they are
            // decoded: the claim is not trusted.
            text: String::with_capacity(usize::try_from(chars.min(1 << 20)).unwrap_or(0) * 3),
        })
    }

    /// Decodes up to `count` more characters; `true` once every character is decoded.
    pub fn step(&mut self, count: u64) -> Result<bool, UnpackError> {
        let alphabet = self.alphabet.len() as u32;
        for _ in 0..count {
            let at_char = self.decoded;
            if at_char == self.chars {
                break;
            }
            let symbol = self
                .model
                .decode(&mut self.decoder, alphabet)
                .ok_or(UnpackError::Corrupt { at_char })?;
            self.text.push(self.alphabet[symbol as usize]);
            self.decoded += 1;
        }
        Ok(self.decoded == self.chars)
    }

    /// How many characters are decoded.
    pub fn decoded(&self) -> u64 {
        self.decoded
    }

    /// The text, once [`Unpacking::step`] has said every character is decoded.
    pub fn finish(self) -> Result<String, UnpackError> {
        // The decoder reads exactly the bytes the encoder wrote: fewer or more is damage.
        if self.decoded != self.chars || !self.decoder.at_end() {
            return Err(UnpackError::Corrupt {
                at_char: self.decoded,
            });
        }
        Ok(self.text)
    }
}

/// A context's list of counts, kept in [`Lists`]: where it starts, how many it holds, how
/// many it has room for, and their sum.
#[derive(Default, Clone, Copy)]
struct Counts {
    start: u32,
    len: u32,
    room: u32,
    total: u32,
}

/// Every context's counts, (symbol, count) most frequent first so that the common characters
/// are found after a short scan, in one buffer: a site's 200,000 contexts then cost no
/// allocation each, nor a free each when unpacking ends (with a `Vec` apiece unpacking took
/// 37 % longer). A list that outgrows its room moves to the end with twice the room; the room
/// it leaves is not reused (at most as much again as the lists hold).
#[derive(Default)]
struct Lists {
    slots: Vec<(u32, u32)>,
}

impl Lists {
    fn view(&self, counts: &Counts) -> Listed<'_> {
        let start = counts.start as usize;
        Listed {
            symbols: &self.slots[start..start + counts.len as usize],
            total: counts.total,
        }
    }

    fn add(&mut self, counts: &mut Counts, symbol: u32) {
        let start = counts.start as usize;
        let len = counts.len as usize;
        let i = match self.slots[start..start + len]
            .iter()
            .position(|&(s, _)| s == symbol)
        {
            Some(i) => i,
            None => {
                if counts.len == counts.room {
                    let moved = self.slots.len();
                    let room = (counts.room * 2).max(2);
                    self.slots.extend_from_within(start..start + len);
                    self.slots.resize(moved + room as usize, (0, 0));
                    counts.start = moved as u32;
                    counts.room = room;
                }
                self.slots[counts.start as usize + len] = (symbol, 0);
                counts.len += 1;
                len
            }
        };
        let start = counts.start as usize;
        let list = &mut self.slots[start..start + counts.len as usize];
        list[i].1 += 1;
        counts.total += 1;
        // Keep most frequent first: move up past smaller counts.
        let mut i = i;
        while i > 0 && list[i - 1].1 < list[i].1 {
            list.swap(i - 1, i);
            i -= 1;
        }
        if counts.total > COUNT_LIMIT {
            counts.total = 0;
            for (_, count) in list.iter_mut() {
                *count = count.div_ceil(2);
                counts.total += *count;
            }
        }
    }
}

/// What coding needs of a context: the escape is as likely as the number of distinct
/// characters seen after it (PPM method C), and comes after every character's range.
trait Context {
    fn is_empty(&self) -> bool;
    /// (total with the escape, the escape's frequency).
    fn totals(&self) -> (u32, u32);
    /// (cumulative frequency, frequency) of `symbol`, if seen here.
    fn find(&self, symbol: u32) -> Option<(u32, u32)>;
    /// (symbol, cumulative frequency, frequency) of the range holding `target`, or `None`
    /// for the escape.
    fn at(&self, target: u32) -> Option<(u32, u32, u32)>;
}

/// A context's counts as coding reads them.
struct Listed<'a> {
    symbols: &'a [(u32, u32)],
    total: u32,
}

impl Context for Listed<'_> {
    fn is_empty(&self) -> bool {
        self.total == 0
    }

    fn totals(&self) -> (u32, u32) {
        let escape = self.symbols.len() as u32;
        (self.total + escape, escape)
    }

    fn find(&self, symbol: u32) -> Option<(u32, u32)> {
        let mut cum = 0;
        for &(s, count) in self.symbols {
            if s == symbol {
                return Some((cum, count));
            }
            cum += count;
        }
        None
    }

    fn at(&self, target: u32) -> Option<(u32, u32, u32)> {
        if target >= self.total {
            return None;
        }
        let mut cum = 0;
        for &(s, count) in self.symbols {
            if target < cum + count {
                return Some((s, cum, count));
            }
            cum += count;
        }
        None
    }
}

/// The counts of every character, for the context of none: thousands of characters, so a
/// Fenwick tree finds a cumulative count in a dozen steps where a list would take hundreds.
struct AllCounts {
    counts: Vec<u32>,
    tree: Vec<u32>,
    total: u32,
    distinct: u32,
}

impl Context for AllCounts {
    fn is_empty(&self) -> bool {
        self.total == 0
    }

    fn totals(&self) -> (u32, u32) {
        (self.total + self.distinct, self.distinct)
    }

    fn find(&self, symbol: u32) -> Option<(u32, u32)> {
        let count = *self.counts.get(symbol as usize)?;
        (count > 0).then(|| (self.before(symbol), count))
    }

    fn at(&self, target: u32) -> Option<(u32, u32, u32)> {
        if target >= self.total {
            return None;
        }
        // Descend the tree to the first symbol whose range ends past `target`.
        let mut at = 0;
        let mut rest = target;
        let mut step = (self.tree.len() - 1).next_power_of_two();
        while step > 0 {
            let next = at + step;
            if next < self.tree.len() && self.tree[next] <= rest {
                rest -= self.tree[next];
                at = next;
            }
            step >>= 1;
        }
        let count = self.counts[at];
        Some((at as u32, target - rest, count))
    }
}

impl AllCounts {
    fn new(symbols: usize) -> Self {
        AllCounts {
            counts: vec![0; symbols],
            tree: vec![0; symbols + 1],
            total: 0,
            distinct: 0,
        }
    }

    /// Sum of the counts of the symbols before `symbol`.
    fn before(&self, symbol: u32) -> u32 {
        let mut i = symbol as usize;
        let mut sum = 0;
        while i > 0 {
            sum += self.tree[i];
            i &= i - 1;
        }
        sum
    }

    fn add(&mut self, symbol: u32) {
        let s = symbol as usize;
        if self.counts[s] == 0 {
            self.distinct += 1;
        }
        self.counts[s] += 1;
        self.total += 1;
        let mut i = s + 1;
        while i < self.tree.len() {
            self.tree[i] += 1;
            i += i & i.wrapping_neg();
        }
        if self.total > COUNT_LIMIT {
            self.total = 0;
            self.tree.fill(0);
            for (s, count) in self.counts.iter_mut().enumerate() {
                *count = count.div_ceil(2);
                self.total += *count;
                self.tree[s + 1] = *count;
            }
            // Build the tree in place from the counts.
            for i in 1..self.tree.len() {
                let parent = i + (i & i.wrapping_neg());
                if parent < self.tree.len() {
                    self.tree[parent] += self.tree[i];
                }
            }
        }
    }
}

/// The contexts: the last two characters, the last one, none.
struct Model {
    order2: HashMap<u64, Counts, FastHash>,
    order1: HashMap<u32, Counts, FastHash>,
    lists: Lists,
    order0: AllCounts,
    /// How many distinct characters have appeared: the next new one is this index.
    seen: u32,
    history: [Option<u32>; 2],
}

impl Model {
    fn new(symbols: usize) -> Self {
        Model {
            order2: HashMap::default(),
            order1: HashMap::default(),
            lists: Lists::default(),
            order0: AllCounts::new(symbols),
            seen: 0,
            history: [None, None],
        }
    }

    /// The contexts after the last two characters, made when first met.
    fn contexts(&mut self) -> Contexts<'_> {
        let (key2, key1) = match self.history {
            [Some(a), Some(b)] => (Some((u64::from(a) << 32) | u64::from(b)), Some(b)),
            [_, Some(b)] => (None, Some(b)),
            _ => (None, None),
        };
        Contexts {
            order2: key2.map(|k| self.order2.entry(k).or_default()),
            order1: key1.map(|k| self.order1.entry(k).or_default()),
            lists: &mut self.lists,
            order0: &mut self.order0,
        }
    }

    fn encode(&mut self, coder: &mut Encoder, symbol: u32) {
        let contexts = self.contexts();
        let mut found_at = NOT_FOUND;
        for (order, tried) in contexts.tried() {
            let counts = tried.context();
            let (total, escape) = counts.totals();
            match counts.find(symbol) {
                Some((cum, freq)) => {
                    coder.encode(cum, freq, total);
                    found_at = order;
                    break;
                }
                None => coder.encode(total - escape, escape, total),
            }
        }
        contexts.learn(symbol, found_at);
        self.advance(symbol);
    }

    /// The next symbol, or `None` when the bytes do not decode (a hostile or cut file).
    fn decode(&mut self, decoder: &mut Decoder, alphabet: u32) -> Option<u32> {
        let next_new = self.seen;
        let contexts = self.contexts();
        let mut found = None;
        for (order, tried) in contexts.tried() {
            let counts = tried.context();
            let (total, escape) = counts.totals();
            let target = decoder.target(total)?;
            match counts.at(target) {
                Some((symbol, cum, freq)) => {
                    decoder.consume(cum, freq);
                    found = Some((symbol, order));
                    break;
                }
                None => decoder.consume(total - escape, escape),
            }
        }
        let (symbol, found_at) = match found {
            Some(found) => found,
            None if next_new < alphabet => (next_new, NOT_FOUND),
            None => return None,
        };
        contexts.learn(symbol, found_at);
        self.advance(symbol);
        Some(symbol)
    }

    fn advance(&mut self, symbol: u32) {
        if symbol == self.seen {
            self.seen += 1;
        }
        self.history = [self.history[1], Some(symbol)];
    }
}

/// `found_at` for a character no context predicted: a new one.
const NOT_FOUND: usize = 3;

/// The contexts one character is coded in.
struct Contexts<'a> {
    order2: Option<&'a mut Counts>,
    order1: Option<&'a mut Counts>,
    lists: &'a mut Lists,
    order0: &'a mut AllCounts,
}

/// A context as coding tries it: a list of counts, or every character's.
enum Tried<'a> {
    List(Listed<'a>),
    All(&'a AllCounts),
}

impl Tried<'_> {
    fn context(&self) -> &dyn Context {
        match self {
            Tried::List(listed) => listed,
            Tried::All(all) => *all,
        }
    }
}

impl<'a> Contexts<'a> {
    /// The contexts that have seen anything, longest first, each with its place in that
    /// order (for [`Contexts::learn`]): one that has not seen the character codes an escape.
    fn tried(&self) -> impl Iterator<Item = (usize, Tried<'_>)> {
        [
            self.order2
                .as_deref()
                .map(|c| Tried::List(self.lists.view(c))),
            self.order1
                .as_deref()
                .map(|c| Tried::List(self.lists.view(c))),
            Some(Tried::All(&*self.order0)),
        ]
        .into_iter()
        .enumerate()
        .filter_map(|(order, tried)| {
            tried
                .filter(|t| !t.context().is_empty())
                .map(|t| (order, t))
        })
    }

    /// Counts `symbol` in the context that predicted it (`found_at`, its place in
    /// [`Contexts::tried`]) and the longer ones that escaped, not in the shorter ones (PPM's
    /// update exclusion): they then count what longer contexts miss, which codes tighter
    /// (2.5 % on the benchmark's text) and runs faster.
    fn learn(self, symbol: u32, found_at: usize) {
        if let Some(counts) = self.order2 {
            self.lists.add(counts, symbol);
        }
        if found_at >= 1 {
            if let Some(counts) = self.order1 {
                self.lists.add(counts, symbol);
            }
        }
        if found_at >= 2 {
            self.order0.add(symbol);
        }
    }
}

/// The range coder's renormalisation point: 8 bits are shifted out whenever the range falls
/// below 2^24 (LZMA's coder, with its carry handling, over frequencies instead of bits).
const TOP: u32 = 1 << 24;

struct Encoder {
    out: Vec<u8>,
    low: u64,
    range: u32,
    cache: u8,
    cache_size: u64,
}

impl Encoder {
    fn new(out: Vec<u8>) -> Self {
        Encoder {
            out,
            low: 0,
            range: u32::MAX,
            cache: 0,
            cache_size: 1,
        }
    }

    fn encode(&mut self, cum: u32, freq: u32, total: u32) {
        let r = self.range / total;
        self.low += u64::from(r) * u64::from(cum);
        self.range = r * freq;
        while self.range < TOP {
            self.range <<= 8;
            self.shift_low();
        }
    }

    fn shift_low(&mut self) {
        if self.low < 0xFF00_0000 || self.low >= 1 << 32 {
            let carry = (self.low >> 32) as u8;
            let mut byte = self.cache;
            loop {
                self.out.push(byte.wrapping_add(carry));
                byte = 0xFF;
                self.cache_size -= 1;
                if self.cache_size == 0 {
                    break;
                }
            }
            self.cache = (self.low >> 24) as u8;
        }
        self.cache_size += 1;
        self.low = (self.low & 0x00FF_FFFF) << 8;
    }

    fn finish(mut self) -> Vec<u8> {
        for _ in 0..5 {
            self.shift_low();
        }
        self.out
    }
}

struct Decoder<'a> {
    bytes: &'a [u8],
    at: usize,
    code: u32,
    range: u32,
    /// Set by [`Decoder::target`]: `range / total` for the symbol being decoded.
    step: u32,
}

impl<'a> Decoder<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let mut decoder = Decoder {
            bytes,
            at: 0,
            code: 0,
            range: u32::MAX,
            step: 1,
        };
        for _ in 0..5 {
            decoder.code = (decoder.code << 8) | u32::from(decoder.next_byte());
        }
        decoder
    }

    fn next_byte(&mut self) -> u8 {
        let byte = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        byte
    }

    /// Whether more bytes were read than there are: the stream was cut.
    fn overrun(&self) -> bool {
        self.at > self.bytes.len()
    }

    fn at_end(&self) -> bool {
        self.at == self.bytes.len()
    }

    /// Which frequency the code points at, out of `total`; `None` outside the coded range.
    fn target(&mut self, total: u32) -> Option<u32> {
        self.step = self.range / total;
        let target = self.code / self.step;
        (target < total && !self.overrun()).then_some(target)
    }

    fn consume(&mut self, cum: u32, freq: u32) {
        self.code -= self.step * cum;
        self.range = self.step * freq;
        while self.range < TOP {
            self.range <<= 8;
            self.code = (self.code << 8) | u32::from(self.next_byte());
        }
    }
}

fn write_leb128(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7F) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn read_leb128(bytes: &[u8]) -> Option<(u64, &[u8])> {
    let mut value = 0u64;
    for (i, &byte) in bytes.iter().enumerate().take(10) {
        value |= u64::from(byte & 0x7F).checked_shl(7 * i as u32)?;
        if byte & 0x80 == 0 {
            return Some((value, &bytes[i + 1..]));
        }
    }
    None
}

/// Multiply-shift hashing for the contexts' small integer keys: std's SipHash costs more
/// than the model in wasm, and no key here comes from an adversary choosing collisions
/// that matter (a slow unpack of a hostile file is bounded by its length).
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        // The product's high bits are the well-mixed ones; the table indexes by the low.
        self.0.rotate_left(26)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

type FastHash = BuildHasherDefault<KeyHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) {
        let packed = pack(text);
        assert_eq!(unpack(&packed).as_deref(), Ok(text), "{text:?}");
    }

    #[test]
    fn gives_back_what_it_packed() {
        round_trip("");
        round_trip("法");
        round_trip("法治政府建设法治政府建设法治政府建设");
        round_trip("一、2023年工作情况\n（一）行政复议案件52件，同比增长9.4%。\u{2028}𠀀🙂\"\\<>&");
        round_trip(&"ab".repeat(200_000));
        let rare: String = (0x4E00u32..0x9FFF).filter_map(char::from_u32).collect();
        round_trip(&rare);
    }

    #[test]
    fn chinese_text_packs_well_below_its_utf8() {
        let text =
            "本年度，我局深入学习贯彻习近平法治思想，全面推进法治政府建设，依法行政水平不断提升。"
                .repeat(20);
        let packed = pack(&text);
        assert!(
            packed.len() * 10 < text.len(),
            "{} of {}",
            packed.len(),
            text.len()
        );
    }

    #[test]
    fn rejects_what_it_did_not_write() {
        assert_eq!(unpack(b""), Err(UnpackError::NotPacked));
        assert_eq!(unpack(b"GKT1"), Err(UnpackError::BadHeader));
        assert_eq!(unpack(b"GKT1\x02\x09ab"), Err(UnpackError::BadHeader));
        assert_eq!(unpack(b"GKT1\x01\x02aa"), Err(UnpackError::BadAlphabet));
        assert_eq!(unpack(b"GKT1\x01\x01\xff"), Err(UnpackError::BadAlphabet));
        let huge = [b"GKT1".as_slice(), &[0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0]].concat();
        assert!(matches!(unpack(&huge), Err(UnpackError::TooLong(_))));
    }

    #[test]
    fn a_cut_file_is_an_error_not_a_shorter_text() {
        let text = "全面推进法治政府建设，行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。"
            .repeat(30);
        let packed = pack(&text);
        for cut in [packed.len() - 1, packed.len() - 5, packed.len() / 2, 20] {
            assert!(
                unpack(&packed[..cut]).is_err(),
                "cut at {cut} of {}",
                packed.len()
            );
        }
    }

    #[test]
    fn unpacking_in_steps_gives_the_same_text() {
        let text = "本年度，我局深入学习贯彻习近平法治思想，全面推进法治政府建设。".repeat(10);
        let packed = pack(&text);
        let mut unpacking = Unpacking::new(&packed).unwrap();
        let mut steps = 0;
        while !unpacking.step(7).unwrap() {
            steps += 1;
            assert_eq!(unpacking.decoded(), steps * 7);
        }
        assert_eq!(unpacking.finish().as_deref(), Ok(text.as_str()));
        // Finishing early is an error, not a shorter text.
        let mut early = Unpacking::new(&packed).unwrap();
        early.step(5).unwrap();
        assert_eq!(early.finish(), Err(UnpackError::Corrupt { at_char: 5 }));
    }

    #[test]
    fn claimed_lengths_beyond_the_bytes_are_errors() {
        let mut packed = pack("法治政府");
        // Claim 100 characters where 4 were coded.
        packed[4] = 100;
        assert!(matches!(unpack(&packed), Err(UnpackError::Corrupt { .. })));
    }
}
