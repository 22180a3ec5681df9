//! Labels: the words of a figure's own clause that say what was counted.
//!
//! The clause runs from the last clause mark (，；。：！？) or the previous figure up to the
//! next mark or figure. A figure that quantifies the noun after it (召开1次专题会议,
//! 安排了3名专职人员) takes that noun, with the verb before it when both fit on a card;
//! otherwise the label is the verb-object before the figure (收缴罚款1230.01万元).

/// A card fits this many characters; longer labels are cut at a word boundary where one is
/// clear (after 的, a closing quote or bracket).
pub const MAX_LABEL_CHARS: usize = 16;
/// A cut never leaves fewer characters than this.
const MIN_LABEL_CHARS: usize = 3;

const CLAUSE_MARKS: &str = "，,；;。：:！!？?\n";

/// Words that open a clause without saying what was counted.
const LEADING_WORDS: &[&str] = &[
    // The reporting body as subject: a card says what was counted, not who counted it.
    "我单位",
    "我中心",
    "我局",
    "我委",
    "我办",
    "我厅",
    "我镇",
    "我乡",
    "我县",
    "我区",
    "我市",
    "全局",
    "全镇",
    "全乡",
    "全县",
    "全区",
    "全市",
    "全省",
    "其中",
    "同比",
    "累计",
    "共计",
    "合计",
    "总计",
    "全年",
    "年内",
    "先后",
    "此外",
    "另外",
    "同时",
    "今年",
    "去年",
    "当年",
    "目前",
    "截至目前",
    "已经",
    "分别",
    "全部",
    "均",
    "共",
    "已",
    "并",
    "另",
    "再",
    "还",
    "又",
];

/// Words that link a label to its figure and say nothing themselves.
const TRAILING_WORDS: &[&str] = &[
    "稳定在",
    "保持在",
    "控制在",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "增加到",
    "增加至",
    "分别为",
    "分别达",
    "分别",
    "达到",
    "共计",
    "累计",
    "合计",
    "总计",
    "约为",
    "达",
    "为",
    "是",
    "共",
    "有",
    "了",
    "等",
    "约",
    "计",
    "至",
];

/// Words that start what follows a figure without being a counted noun (3天内办结).
const NOT_A_NOUN: &[&str] = &[
    "以内", "以上", "以下", "左右", "以来", "之内", "内", "后", "前", "中", "里", "来", "的", "和",
    "与", "及", "或", "、", "（", "(",
];

/// Where the noun after a figure ends: verbs and adverbs that begin the rest of the clause.
const NOUN_ENDS: &[&str] = &[
    "具体", "负责", "进行", "开展", "用于", "参与", "参加", "完成", "实现", "全部", "已经", "均",
    "已", "共", "并", "等", "的",
];

fn chars_of(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn starts_with(chars: &[char], word: &str) -> bool {
    let w = chars_of(word);
    chars.len() >= w.len() && chars[..w.len()] == w[..]
}

fn ends_with(chars: &[char], word: &str) -> bool {
    let w = chars_of(word);
    chars.len() >= w.len() && chars[chars.len() - w.len()..] == w[..]
}

fn is_digit_like(c: char) -> bool {
    crate::numerals::is_arabic_digit(c)
}

/// Drops enumerators (一是), dates (2023年, 2023年度, 6月), connectives (共, 其中) and trailing
/// linkers (达, 为, 等) until none is left.
fn clean_before(mut s: &[char]) -> &[char] {
    loop {
        let before = s.len();
        // 一是 … 十是, 第一，
        if s.len() >= 2 && crate::numerals::digit(s[0]).is_some() && s[1] == '是' {
            s = &s[2..];
        }
        // 2023年, 2023年度, 2023年上半年, 1-6月
        let digits = s.iter().take_while(|&&c| is_digit_like(c)).count();
        if digits > 0 && s.get(digits) == Some(&'年') {
            s = &s[digits + 1..];
            if s.first() == Some(&'度') {
                s = &s[1..];
            }
        } else if digits > 0 && s.get(digits) == Some(&'月') {
            s = &s[digits + 1..];
        }
        for word in ["上半年", "下半年", "全年", "以来"] {
            if starts_with(s, word) {
                s = &s[chars_of(word).len()..];
            }
        }
        for word in LEADING_WORDS {
            if starts_with(s, word) && s.len() > chars_of(word).len() {
                s = &s[chars_of(word).len()..];
                break;
            }
        }
        for word in TRAILING_WORDS {
            // 签约, 预约: the 约 belongs to the word.
            let in_word =
                *word == "约" && s.len() >= 2 && super::figure::yue_in_word(s[s.len() - 2]);
            if ends_with(s, word) && !in_word {
                s = &s[..s.len() - chars_of(word).len()];
                break;
            }
        }
        while let Some((first, rest)) = s.split_first() {
            if first.is_whitespace() || "、，,".contains(*first) {
                s = rest;
            } else {
                break;
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

/// The noun that follows a figure, or nothing when what follows is not one.
fn noun_after(s: &[char]) -> &[char] {
    if NOT_A_NOUN.iter().any(|w| starts_with(s, w)) {
        return &[];
    }
    let end = (1..s.len())
        .find(|&i| NOUN_ENDS.iter().any(|w| starts_with(&s[i..], w)))
        .unwrap_or(s.len());
    &s[..end]
}

/// Cuts a long label to at most [`MAX_LABEL_CHARS`], at the earliest clear word boundary that
/// fits: after 的 or 等, or after a closing quote or bracket that no other quote follows.
fn shorten(label: &[char]) -> &[char] {
    if label.len() <= MAX_LABEL_CHARS {
        return label;
    }
    let boundary =
        |i: usize| "的等”》)）".contains(label[i - 1]) && !"“《(（等的和与及、".contains(label[i]);
    (label.len() - MAX_LABEL_CHARS..=label.len() - MIN_LABEL_CHARS)
        .filter(|&i| i > 0)
        .find(|&i| boundary(i))
        .map_or(label, |i| &label[i..])
}

/// The whole clause around a figure, less the figure and the clause's marks, when the words
/// before and after it say too little to be a label on their own (`共计458人次` → `共计`
/// is dropped as a connective; the clause fallback keeps what there is).
pub fn clause(
    text: &[char],
    lead: usize,
    end: usize,
    previous_end: usize,
    next_start: usize,
) -> Option<String> {
    let (clause_start, clause_end) = clause_bounds(text, lead, end, previous_end, next_start);
    let mut words: Vec<char> = text[clause_start..lead].to_vec();
    words.extend_from_slice(&text[end..clause_end]);
    let words: Vec<char> = words
        .into_iter()
        .filter(|c| !c.is_whitespace() && !CLAUSE_MARKS.contains(*c))
        .collect();
    // A label says what is counted: a single connective or particle does not.
    let meaningful = words.len() >= 2
        && !LEADING_WORDS
            .iter()
            .chain(TRAILING_WORDS)
            .chain(NOT_A_NOUN)
            .any(|w| chars_of(w) == words);
    meaningful.then(|| shorten(&words).iter().collect())
}

/// A section or report title cut to fit a card.
pub fn shorten_text(title: &str) -> String {
    let chars: Vec<char> = title.chars().collect();
    let cut = shorten(&chars);
    if cut.len() <= MAX_LABEL_CHARS {
        cut.iter().collect()
    } else {
        chars[..MAX_LABEL_CHARS].iter().collect()
    }
}

fn clause_bounds(
    text: &[char],
    lead: usize,
    end: usize,
    previous_end: usize,
    next_start: usize,
) -> (usize, usize) {
    let clause_start = text[..lead]
        .iter()
        .rposition(|c| CLAUSE_MARKS.contains(*c))
        .map_or(0, |i| i + 1)
        .max(previous_end);
    let clause_end = text[end..next_start]
        .iter()
        .position(|c| CLAUSE_MARKS.contains(*c))
        .map_or(next_start, |i| end + i);
    (clause_start, clause_end)
}

/// The label of the figure at `lead..end` in `text` (char indices), given where the previous
/// figure ended and where the next one starts. A percentage is a rate of what precedes it
/// (按时办结率100%), never of what follows.
pub fn label(
    text: &[char],
    lead: usize,
    end: usize,
    previous_end: usize,
    next_start: usize,
    is_rate: bool,
) -> String {
    let (clause_start, clause_end) = clause_bounds(text, lead, end, previous_end, next_start);
    let before = clean_before(&text[clause_start..lead]);
    let after = if is_rate {
        &[][..]
    } else {
        noun_after(&text[end..clause_end])
    };
    let chosen: Vec<char> = if after.len() >= 2 {
        // The figure counts the noun after it; keep the verb before when the card has room.
        let verb = before;
        if !verb.is_empty() && verb.len() + after.len() <= MAX_LABEL_CHARS {
            [verb, after].concat()
        } else {
            after.to_vec()
        }
    } else {
        before.to_vec()
    };
    shorten(&chosen).iter().collect()
}
