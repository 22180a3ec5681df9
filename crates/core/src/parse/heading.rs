//! Recognising the numbered headings of a report's outline (GB/T 9704-2012 §7.3.3 and the
//! forms seen on portals): `一、` → `(一)` → `1.` → `(1)`/`①`, and `第一部分`/`第一章`.

use crate::numerals::{arabic_digit, is_arabic_digit};

use crate::numerals;

/// A heading found at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading<'a> {
    /// The level of the form in the genre's table: 1 (`一、`, `第一部分`) to 4 (`(1)`).
    pub level: u8,
    /// Nesting rank: like `level`, but `第一部分`/`第一章` rank 0, above the `一、` they
    /// contain, and `①` ranks 5, below the `(1)` it is used under when a report has both.
    pub rank: u8,
    /// The number as written, with its brackets or mark (`（一）`, `1．`).
    pub number: &'a str,
    /// The ordinal the number stands for (一 → 1, ③ → 3).
    pub ordinal: u64,
    pub title: &'a str,
    /// The mark that closed a run-in title (`。` or `：`), if any.
    pub delimiter: Option<&'a str>,
    /// Text that follows a run-in title on the same line.
    pub body: Option<&'a str>,
}

/// Reads a heading from a trimmed line, or `None` when the line is body text.
pub fn recognise(line: &str) -> Option<Heading<'_>> {
    let (rank, number_len, ordinal) = number(line)?;
    let (number, rest) = line.split_at(number_len);
    let rest = rest.trim_start_matches(is_space);
    if rest.is_empty() {
        return None; // a bare number is not a heading
    }
    // A table flattened into text keeps its row labels' numbers (`（一）予以公开28`): a
    // "title" that ends in a bare figure with no mark is a row, not a heading.
    if !rest.contains(['。', '：']) && rest.ends_with(is_arabic_digit) {
        return None;
    }
    let (title, delimiter, body) = split_title(rest);
    Some(Heading {
        level: rank.clamp(1, 4),
        rank,
        number,
        ordinal,
        title,
        delimiter,
        body,
    })
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// The nesting rank, byte length and ordinal of the number that opens `line`.
fn number(line: &str) -> Option<(u8, usize, u64)> {
    let first = line.chars().next()?;
    // (一) / (1), half- or full-width brackets, possibly mixed.
    if first == '(' || first == '（' {
        let inner_start = first.len_utf8();
        let close = line[inner_start..].find([')', '）'])? + inner_start;
        let inner = line[inner_start..close].trim_matches(is_space);
        let end = close + line[close..].chars().next()?.len_utf8();
        if let Some(n) = chinese_ordinal(inner) {
            return Some((2, end, n));
        }
        if let Some(n) = arabic_ordinal(inner) {
            return Some((4, end, n));
        }
        return None;
    }
    // ① … ⑳
    if ('①'..='⑳').contains(&first) {
        return Some((5, first.len_utf8(), first as u64 - '①' as u64 + 1));
    }
    // 第一部分 / 第一章 / 第一节 (level 1)
    if let Some(rest) = line.strip_prefix('第') {
        let digits: usize = rest
            .chars()
            .take_while(|&c| numerals::is_numeral_char(c))
            .map(char::len_utf8)
            .sum();
        let n = chinese_ordinal(&rest[..digits])?;
        let after = &rest[digits..];
        let marker = ["部分", "章"].into_iter().find(|m| after.starts_with(m))?;
        let mut end = '第'.len_utf8() + digits + marker.len();
        // 第一部分、 — a trailing 、 belongs to the number.
        if line[end..].starts_with('、') {
            end += '、'.len_utf8();
        }
        return Some((0, end, n));
    }
    // 一、 (level 1)
    if numerals::digit(first).is_some() || first == '十' {
        let digits: usize = line
            .chars()
            .take_while(|&c| numerals::digit(c).is_some() || c == '十')
            .map(char::len_utf8)
            .sum();
        let n = chinese_ordinal(&line[..digits])?;
        if !line[digits..].starts_with('、') {
            return None;
        }
        return Some((1, digits + '、'.len_utf8(), n));
    }
    // 1. / 1． / 1、 / 1 . (level 3); 1.5 or 3、4月 are figures, not headings.
    if is_arabic_digit(first) {
        let digits: usize = line
            .chars()
            .take_while(|&c| is_arabic_digit(c))
            .map(char::len_utf8)
            .sum();
        let n = arabic_ordinal(&line[..digits])?;
        let after = &line[digits..];
        let spaces = after.len() - after.trim_start_matches([' ', '\u{3000}']).len();
        let mark = after[spaces..].chars().next()?;
        if !matches!(mark, '.' | '．' | '、') {
            return None;
        }
        let end = digits + spaces + mark.len_utf8();
        let next = line[end..].chars().next();
        if next.is_some_and(is_arabic_digit) {
            return None;
        }
        return Some((3, end, n));
    }
    None
}

/// A Chinese ordinal as used in headings: 一 to 九十九.
fn chinese_ordinal(s: &str) -> Option<u64> {
    if s.is_empty()
        || s.chars().count() > 3
        || !s.chars().all(|c| numerals::digit(c).is_some() || c == '十')
    {
        return None;
    }
    numerals::parse(s).filter(|&n| (1..100).contains(&n))
}

/// An Arabic ordinal as used in headings: 1 to 99, half- or full-width digits.
fn arabic_ordinal(s: &str) -> Option<u64> {
    if s.is_empty() || s.chars().count() > 2 {
        return None;
    }
    let mut n = 0;
    for c in s.chars() {
        let d = arabic_digit(c)?;
        n = n * 10 + u64::from(d);
    }
    (n >= 1).then_some(n)
}

/// Longest title that may hold a clause mark (，；). Titles such as 加强组织领导，压实工作责任
/// are short; a longer heading that is one whole sentence takes its first clause as title.
const MAX_TITLE_WITH_CLAUSES: usize = 30;

/// Byte index of the first of `marks` outside brackets and quotes: the `：` of
/// `（责任处室：办公室）` does not end a title.
fn find_outside(rest: &str, marks: &[char]) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in rest.char_indices() {
        match c {
            '（' | '(' | '《' | '“' | '【' | '[' => depth += 1,
            '）' | ')' | '》' | '”' | '】' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 && marks.contains(&c) => return Some(i),
            _ => {}
        }
    }
    None
}

/// A bracketed note closing a title (`（责任处室：办公室）`, `（牵头单位：…）`): it stays text.
fn trailing_note(title: &str) -> Option<usize> {
    let close = title.strip_suffix(['）', ')'])?;
    let open = close.rfind(['（', '('])?;
    let note = &close[open..];
    (open > 0 && note.contains(['：', ':'])).then_some(open)
}

/// Splits what follows the number into the title, the mark that closes a run-in title, and the
/// body text after it. The title is never empty: a heading that is one long sentence of
/// clauses takes its first clause as title and the rest as its first paragraph.
fn split_title(rest: &str) -> (&str, Option<&str>, Option<&str>) {
    let title_end = find_outside(rest, &['。', '：'])
        .or_else(|| find_outside(rest, &['。']))
        .unwrap_or(rest.len());
    let candidate = &rest[..title_end];
    if candidate.chars().nth(MAX_TITLE_WITH_CLAUSES).is_some() {
        if let Some(at) = find_outside(candidate, &['，', '；', ',', ';']) {
            let mark_len = rest[at..].chars().next().map_or(1, char::len_utf8);
            let body = rest[at + mark_len..].trim_start_matches(is_space);
            if at > 0 {
                return (
                    &rest[..at],
                    Some(&rest[at..at + mark_len]),
                    (!body.is_empty()).then_some(body),
                );
            }
        }
    }
    if title_end == rest.len() {
        return match trailing_note(rest) {
            Some(at) => (
                rest[..at].trim_end_matches(is_space),
                None,
                Some(&rest[at..]),
            ),
            None => (rest, None, None),
        };
    }
    let mark_len = '。'.len_utf8(); // 。 and ： are both three bytes in UTF-8
    let (title, after) = (&rest[..title_end], &rest[title_end + mark_len..]);
    let delimiter = Some(&rest[title_end..title_end + mark_len]);
    let body = after.trim_start_matches(is_space);
    (title, delimiter, (!body.is_empty()).then_some(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level_number_title(line: &str) -> Option<(u8, &str, u64, &str)> {
        recognise(line).map(|h| (h.level, h.number, h.ordinal, h.title))
    }

    #[test]
    fn recognises_every_level_and_form() {
        let cases = [
            ("一、主要举措", (1, "一、", 1, "主要举措")),
            ("十一、其他", (1, "十一、", 11, "其他")),
            ("第二部分 工作打算", (1, "第二部分", 2, "工作打算")),
            ("第三章、总结", (1, "第三章、", 3, "总结")),
            ("(一)落实制度", (2, "(一)", 1, "落实制度")),
            ("（二）提升素养", (2, "（二）", 2, "提升素养")),
            ("（三)混合括号", (2, "（三)", 3, "混合括号")),
            ("1.提早部署", (3, "1.", 1, "提早部署")),
            ("2．全角点", (3, "2．", 2, "全角点")),
            ("3、顿号", (3, "3、", 3, "顿号")),
            ("4 .空格", (3, "4 .", 4, "空格")),
            ("１２．全角数字", (3, "１２．", 12, "全角数字")),
            ("(1)小项", (4, "(1)", 1, "小项")),
            ("（2）全角小项", (4, "（2）", 2, "全角小项")),
            ("③圈码", (4, "③", 3, "圈码")),
        ];
        for (line, expected) in cases {
            assert_eq!(level_number_title(line), Some(expected), "{line}");
        }
    }

    #[test]
    fn run_in_titles_end_at_the_first_full_stop_or_colon() {
        let h = recognise("(一)依法依规完善工作机制。局主要领导主动扛牢。").unwrap();
        assert_eq!(
            (h.title, h.delimiter, h.body),
            (
                "依法依规完善工作机制",
                Some("。"),
                Some("局主要领导主动扛牢。")
            )
        );
        let h = recognise("1.主要做法：一是加强学习。").unwrap();
        assert_eq!(
            (h.title, h.delimiter, h.body),
            ("主要做法", Some("："), Some("一是加强学习。"))
        );
        let h = recognise("2.标题以句号结束。").unwrap();
        assert_eq!(
            (h.title, h.delimiter, h.body),
            ("标题以句号结束", Some("。"), None)
        );
    }

    #[test]
    fn a_long_sentence_heading_takes_its_first_clause_as_title() {
        let line = "1.围绕主题日开展宣传活动十余场，发放资料三万余份，接受群众咨询约5600人次。";
        let h = recognise(line).unwrap();
        assert_eq!(
            (h.level, h.title, h.delimiter),
            (3, "围绕主题日开展宣传活动十余场", Some("，"))
        );
        assert_eq!(h.body, Some("发放资料三万余份，接受群众咨询约5600人次。"));
        // A responsibility note after the heading stays text.
        let h = recognise(
            "（一）加强干部职工法治教育学习，提高全体干部职工尊法学法守法用法、依法行政的自觉性。（责任处室：办公室）",
        )
        .unwrap();
        assert_eq!(h.title, "加强干部职工法治教育学习");
        assert_eq!(
            h.body,
            Some("提高全体干部职工尊法学法守法用法、依法行政的自觉性。（责任处室：办公室）")
        );
        let h = recognise("（二）规范行政执法行为（牵头单位：执法大队）").unwrap();
        assert_eq!(
            (h.title, h.body),
            ("规范行政执法行为", Some("（牵头单位：执法大队）"))
        );
        let h = recognise("（三）严格依法决策。（责任处室：法规科）").unwrap();
        assert_eq!(
            (h.title, h.body),
            ("严格依法决策", Some("（责任处室：法规科）"))
        );
        // A short title may still hold a comma.
        let h = recognise("（二）加强组织领导，压实工作责任。全年召开会议4次。").unwrap();
        assert_eq!(h.title, "加强组织领导，压实工作责任");
    }

    #[test]
    fn lines_that_only_look_numbered_are_body_text() {
        for line in [
            "2023年，共开展巡查约850人次。",
            "2023年我局法治政府建设工作取得了一定成效",
            "1.2万余件案件已办结。",
            "3、4月份开展专项行动。",
            "一是宣传教育工作有待加强。",
            "二是日常行政行为不够规范。",
            "——加强组织领导。",
            "第一，加强学习。",
            "第一责任人职责",
            "12345热线受理233件。",
            "100%按时办结。",
            "(2023)第5号文件",
            "一、",
            "(一)",
            "一二三、不是编号",
            "（一）予以公开28",
            "三、本年度办理结果 12 3 0",
        ] {
            assert_eq!(recognise(line), None, "{line}");
        }
    }
}
