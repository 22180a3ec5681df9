//! Finding the figures in a paragraph: a number (Arabic or Chinese), its multiplier (万/亿),
//! its qualifier (余/多/约/近/超/超过/以上/左右/逾) and its unit or measure word.

use crate::numerals;

/// A figure found in a paragraph; positions are char indices into the paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Start of the figure as written (after a leading qualifier such as 约).
    pub start: usize,
    pub end: usize,
    /// Start including a leading qualifier: where the label's text stops.
    pub lead: usize,
    pub value: f64,
    pub unit: String,
    pub qualifier: Option<&'static str>,
}

/// Units and measure words; the longest that matches wins (平方公里 over 公里, 人次 over 人).
/// Grouped by what they measure; a unit that runs on into a word is refused by
/// [`unit_continues`].
pub(crate) const UNITS: &[&str] = &[
    // time
    "个工作日",
    "工作日",
    "个月",
    "小时",
    "分钟",
    "课时",
    "学时",
    "天",
    "周",
    // areas, volumes, lengths
    "平方公里",
    "平方千米",
    "平方米",
    "立方米",
    "公顷",
    "亩",
    "公里",
    "千米",
    "延米",
    "米",
    // weights and energy
    "公斤",
    "千克",
    "吨",
    "斤",
    "千瓦时",
    "千瓦",
    "兆瓦",
    // money
    "美元",
    "港元",
    "欧元",
    "元",
    // rates
    "个百分点",
    "%",
    "％",
    "倍",
    // counts of visits and trips
    "人次",
    "户次",
    "件次",
    "台次",
    "车次",
    "辆次",
    "架次",
    "艘次",
    "航次",
    "班次",
    "场次",
    "批次",
    "宗次",
    "家次",
    "余人",
    // people, households, bodies
    "人",
    "名",
    "位",
    "户",
    "家",
    "个",
    "所",
    "支",
    "组",
    // cases, documents, events
    "件",
    "宗",
    "项",
    "份",
    "本",
    "部",
    "册",
    "卷",
    "篇",
    "条",
    "款",
    "例",
    "封",
    "票",
    "单",
    "笔",
    "起",
    "批",
    "次",
    "场",
    "期",
    "轮",
    "堂",
    "节",
    "届",
    "版",
    "类",
    "种",
    // buildings, sites, equipment, vehicles, vessels
    "座",
    "栋",
    "幢",
    "间",
    "层",
    "处",
    "套",
    "台",
    "辆",
    "艘",
    "架",
    "列",
    "趟",
    "盏",
    "枚",
    "块",
    "张",
    "幅",
    "根",
    "口",
    // plants and livestock
    "株",
    "棵",
    "头",
    "只",
    "羽",
    "匹",
    "尾",
];

/// Qualifiers written before a figure, longest first.
/// Longest run of numeral characters tried as one number: beyond any quantity written out
/// (九千九百九十九亿九千九百九十九万九千九百九十九 has 23), and it keeps a long run (a line
/// of 一二三…) linear to read instead of cubic.
const MAX_NUMERAL_CHARS: usize = 32;

const LEADING: &[&str] = &["超过", "约", "近", "超", "逾"];
/// Qualifiers written after the unit.
const TRAILING: &[&str] = &["以上", "左右", "多"];

fn is_digit(c: char) -> bool {
    crate::numerals::is_arabic_digit(c)
}

fn digit_value(c: char) -> u32 {
    crate::numerals::arabic_digit(c).unwrap_or(0)
}

/// Regions a figure must not come from: inside 《》 titles and “” or "" names.
fn quoted(chars: &[char]) -> Vec<bool> {
    let mut inside = vec![false; chars.len()];
    let pairs = [
        ('《', '》'),
        ('“', '”'),
        ('〈', '〉'),
        ('「', '」'),
        ('"', '"'),
    ];
    let mut i = 0;
    while i < chars.len() {
        let open = chars[i];
        if let Some(&(_, close)) = pairs.iter().find(|(o, _)| *o == open) {
            // Only a closed pair is a quotation; a stray mark quotes nothing.
            if let Some(len) = chars[i + 1..].iter().position(|&c| c == close) {
                for flag in &mut inside[i..=i + 1 + len] {
                    *flag = true;
                }
                i += len + 2;
                continue;
            }
        }
        i += 1;
    }
    inside
}

fn starts_with_at(chars: &[char], at: usize, word: &str) -> bool {
    let mut rest = chars.get(at..).unwrap_or_default().iter();
    word.chars().all(|w| rest.next() == Some(&w))
}

fn ends_with_at(chars: &[char], end: usize, word: &str) -> bool {
    let len = word.chars().count();
    end >= len && starts_with_at(chars, end - len, word)
}

/// A number read at `at`: (end, mantissa, decimals) for Arabic; value for Chinese.
enum Number {
    Arabic {
        end: usize,
        mantissa: u128,
        decimals: u32,
    },
    Chinese {
        end: usize,
        value: u64,
        magnitude: bool,
        digits: bool,
    },
}

fn arabic(chars: &[char], at: usize) -> Option<Number> {
    let mut i = at;
    let mut mantissa: u128 = 0;
    let mut digits = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_digit(c) {
            mantissa = mantissa
                .checked_mul(10)?
                .checked_add(u128::from(digit_value(c)))?;
            digits += 1;
            i += 1;
        } else if c == ','
            && digits > 0
            && (1..=3).all(|k| chars.get(i + k).copied().is_some_and(is_digit))
            && !chars.get(i + 4).copied().is_some_and(is_digit)
        {
            i += 1; // a thousands separator: exactly three digits follow
        } else {
            break;
        }
        if digits > 24 {
            return None; // an identifier, not a quantity
        }
    }
    let mut decimals = 0;
    if matches!(chars.get(i), Some('.' | '．')) && chars.get(i + 1).copied().is_some_and(is_digit)
    {
        i += 1;
        while i < chars.len() && is_digit(chars[i]) && decimals < 12 {
            mantissa = mantissa
                .checked_mul(10)?
                .checked_add(u128::from(digit_value(chars[i])))?;
            decimals += 1;
            i += 1;
        }
        if chars.get(i).copied().is_some_and(is_digit) {
            return None;
        }
    }
    Some(Number::Arabic {
        end: i,
        mantissa,
        decimals,
    })
}

fn chinese(chars: &[char], at: usize) -> Option<Number> {
    let len = chars[at..]
        .iter()
        .take_while(|&&c| numerals::is_numeral_char(c))
        .take(MAX_NUMERAL_CHARS)
        .count();
    // Try the longest run first, then shorter ones (三千余户: 三千; 二十大: 二十).
    (1..=len).rev().find_map(|n| {
        let text: String = chars[at..at + n].iter().collect();
        let value = numerals::parse(&text)?;
        let magnitude = text.chars().any(|c| "十百千万亿".contains(c));
        let digits = text.chars().any(|c| numerals::digit(c).is_some());
        Some(Number::Chinese {
            end: at + n,
            value,
            magnitude,
            digits,
        })
    })
}

/// Every figure in `text`, in order.
pub fn figures(text: &str) -> Vec<Figure> {
    let chars: Vec<char> = text.chars().collect();
    let quoted = quoted(&chars);
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match figure_at(&chars, &quoted, i) {
            Some(figure) => {
                i = figure.end;
                found.push(figure);
            }
            None => {
                // Skip the rest of a number so that 2023 is not read again as 023.
                let c = chars[i];
                i += 1;
                if is_digit(c) || numerals::is_numeral_char(c) {
                    while i < chars.len()
                        && (is_digit(chars[i])
                            || numerals::is_numeral_char(chars[i])
                            || matches!(chars[i], '.' | '．' | ','))
                    {
                        i += 1;
                    }
                }
            }
        }
    }
    found
}

fn figure_at(chars: &[char], quoted: &[bool], at: usize) -> Option<Figure> {
    let c = chars[at];
    if quoted[at] {
        return None;
    }
    let prev = at.checked_sub(1).map(|p| chars[p]);
    // 第 3 次: an ordinal with spaces.
    if prev.is_some_and(char::is_whitespace) && at >= 2 && chars[at - 2] == '第' {
        return None;
    }
    // 第一, 第5次: ordinals. Letters or marks before: codes, versions, dates, ranges and
    // theme days (LED1, V2.0, 2024-03-06, 3-5天, 4·22).
    if prev.is_some_and(|p| p == '第' || p.is_ascii_alphanumeric() || "._·-—~～/:：".contains(p))
    {
        return None;
    }
    let number = if is_digit(c) {
        arabic(chars, at)?
    } else if numerals::is_numeral_char(c) && c != '万' && c != '亿' {
        chinese(chars, at)?
    } else {
        return None;
    };
    let mut i = match number {
        Number::Arabic { end, .. } | Number::Chinese { end, .. } => end,
    };
    // Dates, times, theme days and ranges are not quantities: 2023年, 6月16日, 4·22, 10:40.
    if chars
        .get(skip_space(chars, i))
        .is_some_and(|&n| "年月日时号点·:：-—~～/．.".contains(n))
    {
        return None;
    }
    let mut exponent: u32 = 0;
    if let Number::Arabic { .. } = number {
        match chars.get(i) {
            Some('万') if chars.get(i + 1) == Some(&'亿') => {
                exponent = 12;
                i += 2;
            }
            Some('万') => {
                exponent = 4;
                i += 1;
            }
            Some('亿') => {
                exponent = 8;
                i += 1;
            }
            _ => {}
        }
    }
    let mut qualifier = None;
    i = skip_space(chars, i);
    if matches!(chars.get(i), Some('余' | '多')) {
        qualifier = Some(if chars[i] == '余' { "余" } else { "多" });
        i += 1;
    }
    let unit = UNITS
        .iter()
        .filter(|u| starts_with_at(chars, i, u))
        .max_by_key(|u| u.chars().count())?;
    // 余人 is 余 + 人.
    let (unit, unit_len) = if *unit == "余人" {
        qualifier = qualifier.or(Some("余"));
        ("人", 2)
    } else {
        (*unit, unit.chars().count())
    };
    i += unit_len;
    // A unit must end where a word ends: 3人民 or 5台湾 are not counts.
    if chars.get(i).is_some_and(|&n| unit_continues(unit, n)) {
        return None;
    }
    if let Some(t) = TRAILING.iter().find(|t| starts_with_at(chars, i, t)) {
        if qualifier.is_none() {
            qualifier = Some(t);
            i += t.chars().count();
        }
    }
    let value = match number {
        Number::Arabic {
            mantissa, decimals, ..
        } => scale(mantissa, exponent, decimals),
        Number::Chinese {
            value,
            magnitude,
            digits,
            ..
        } => {
            // Chinese numerals in set phrases far outnumber counts (一岗双责, 一次办, 三重一大,
            // 千家万户, 百家): a figure needs a digit with a magnitude (三千, 五十, 十二) or a
            // qualifier (十余次, 三人以上).
            // 近百件, 上千人: a bare magnitude counts when a qualifier says it is a figure.
            let led = magnitude && lead_qualified(chars, at);
            if !(magnitude && digits) && qualifier.is_none() && !led {
                return None;
            }
            value as f64
        }
    };
    let lead_qualifier = LEADING.iter().find(|q| {
        ends_with_at(chars, at, q) && {
            let before = at - q.chars().count();
            !before
                .checked_sub(1)
                .is_some_and(|b| lead_in_word(q, chars[b]))
        }
    });
    let lead = at - lead_qualifier.map_or(0, |q| q.chars().count());
    Some(Figure {
        start: at,
        end: i,
        lead,
        value,
        unit: if unit == "％" {
            "%".into()
        } else {
            unit.into()
        },
        qualifier: lead_qualifier.copied().or(qualifier),
    })
}

/// Characters before 约 that make it part of a word (签约, 预约, 节约), not the qualifier.
pub(crate) fn yue_in_word(before: char) -> bool {
    "签预节制履违合特邀相公条集婉隐契".contains(before)
}

/// Characters before 近 or 超 that make them part of a word (最近, 附近, 赶超).
fn lead_in_word(qualifier: &str, before: char) -> bool {
    match qualifier {
        "约" => yue_in_word(before),
        "近" => "最附就邻靠临贴".contains(before),
        "超" | "超过" => "赶高".contains(before),
        _ => false,
    }
}

/// Whether a leading qualifier (not part of a word) stands right before `at`.
fn lead_qualified(chars: &[char], at: usize) -> bool {
    LEADING.iter().any(|q| {
        ends_with_at(chars, at, q)
            && !(at - q.chars().count())
                .checked_sub(1)
                .is_some_and(|b| lead_in_word(q, chars[b]))
    })
}

/// A space between number and unit (`17 家`), as some portals write it.
fn skip_space(chars: &[char], i: usize) -> usize {
    match chars.get(i) {
        Some(' ' | '\u{3000}' | '\u{a0}') => i + 1,
        _ => i,
    }
}

/// Characters that, right after a unit, show it was the start of another word: `3人民` is not
/// three 人, `5台湾` not five 台.
fn unit_continues(unit: &str, next: char) -> bool {
    let words: &[(&str, &str)] = &[
        ("头", "条脑部"),
        ("口", "岸径号罩头语"),
        ("层", "级面次"),
        ("类", "别型似"),
        ("款", "项"),
        ("例", "如外会行"),
        ("封", "存闭锁顶面"),
        ("票", "据证价房"),
        ("版", "本权面块图"),
        ("届", "满时"),
        ("列", "入出为席举"),
        ("根", "据本源治"),
        ("只", "要有是能"),
        ("尾", "款声数部"),
        ("周", "年岁边期末"),
        ("组", "织建成合长"),
        ("间", "隔断接"),
        ("倍", "增"),
        ("人", "民大员们口类工为"),
        ("台", "湾账"),
        ("家", "庭长属乡园"),
        ("个", "人体性别案"),
        ("部", "门署分长委"),
        ("所", "有以属在得"),
        ("处", "理置罚分室长"),
        ("名", "单称义录"),
        ("期", "间限待"),
        ("条", "件例款"),
        ("场", "所景地"),
        ("本", "级地单部着"),
        ("项", "目"),
        ("件", "事"),
        ("次", "数序"),
        ("米", "粒"),
        ("单", "位"),
        ("块", "钱"),
        ("种", "类植子"),
        ("节", "约日能点"),
        ("支", "持出付部队"),
        ("张", "贴"),
        ("起", "草诉来"),
        ("批", "准复评示"),
        ("笔", "录"),
        ("位", "置于"),
        ("户", "籍口"),
        ("座", "谈位席右"),
        ("篇", "章"),
        ("元", "素旦"),
    ];
    words
        .iter()
        .any(|(u, after)| *u == unit && after.contains(next))
}

/// mantissa × 10^(exponent − decimals), exact where the result is a whole number.
fn scale(mantissa: u128, exponent: u32, decimals: u32) -> f64 {
    if exponent >= decimals {
        mantissa
            .checked_mul(10u128.pow(exponent - decimals))
            .map_or(f64::INFINITY, |v| v as f64)
    } else {
        let divisor = 10u128.pow(decimals - exponent);
        if mantissa.is_multiple_of(divisor) {
            (mantissa / divisor) as f64
        } else {
            mantissa as f64 / divisor as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found while fuzzing (profiling slow inputs): a run of numerals was tried at every
    /// length, so a 10,000-character line of 一 took seconds and a 1 MB one hours.
    #[test]
    fn a_long_run_of_numerals_is_read_once_and_the_figure_after_it_still_found() {
        let text = format!("{}，办理案件十二件。", "一".repeat(200_000));
        let found = figures(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].value, 12.0);
        assert_eq!(found[0].unit, "件");
        assert_eq!(found[0].start, 200_005);
    }
}
