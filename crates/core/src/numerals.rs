//! Chinese numerals: 一 … 九, 十, 百, 千, 万, 亿, 两 and 〇/零, read into numbers.

/// The value of an Arabic digit, half- or full-width (`7`, `７`): the one place that knows
/// full-width digits, for every reader of numbers in reports.
pub fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Whether `c` is an Arabic digit, half- or full-width.
pub fn is_arabic_digit(c: char) -> bool {
    arabic_digit(c).is_some()
}

/// The value of a single digit character, 0–9.
pub fn digit(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The value of a unit character below 万.
fn small_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1_000,
        _ => return None,
    })
}

/// Whether `c` may appear in a Chinese numeral.
pub fn is_numeral_char(c: char) -> bool {
    digit(c).is_some() || small_unit(c).is_some() || c == '万' || c == '亿'
}

/// Reads a whole Chinese numeral (`十二`, `一百二十六`, `三千`, `两百`, `一万二千`, `二〇二三`).
/// Returns `None` for anything that is not entirely a well-formed numeral.
pub fn parse(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    // A run of bare digits with a 〇 (二〇二三) is read positionally.
    if s.contains('〇') && s.chars().all(|c| digit(c).is_some() && c != '两') {
        return s
            .chars()
            .try_fold(0u64, |acc, c| acc.checked_mul(10)?.checked_add(digit(c)?));
    }
    let mut total: u64 = 0; // completed 亿 and 万 groups
    let mut section: u64 = 0; // below 万
    let mut pending: Option<u64> = None; // a digit waiting for its unit
    let mut last_unit = u64::MAX;
    for c in s.chars() {
        if let Some(d) = digit(c) {
            if pending.is_some() && d != 0 {
                return None; // two digits in a row: not a numeral
            }
            pending = if d == 0 { pending } else { Some(d) };
        } else if let Some(unit) = small_unit(c) {
            if unit >= last_unit {
                return None; // 十百: units must fall
            }
            // 十 alone at the head means 10.
            section += pending.take().unwrap_or(1) * unit;
            last_unit = unit;
        } else if c == '万' || c == '亿' {
            let unit = if c == '万' { 10_000 } else { 100_000_000 };
            let group = section + pending.take().unwrap_or(0);
            if group == 0 && total == 0 {
                return None;
            }
            total = if c == '亿' {
                (total + group).checked_mul(unit)?
            } else {
                total.checked_add(group.checked_mul(unit)?)?
            };
            section = 0;
            last_unit = u64::MAX;
        } else {
            return None;
        }
    }
    Some(total + section + pending.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_common_numerals() {
        for (text, value) in [
            ("一", 1),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("五十", 50),
            ("一百二十六", 126),
            ("两百", 200),
            ("三千", 3000),
            ("一千零五", 1005),
            ("一万二千", 12_000),
            ("三亿", 300_000_000),
            ("二〇二三", 2023),
        ] {
            assert_eq!(parse(text), Some(value), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_numeral() {
        for text in ["", "一二三四五六七八九十一", "十百", "一是", "万", "三三"] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}
