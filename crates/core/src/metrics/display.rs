//! How a figure reads on a card and to a screen reader: as written (万/亿 kept), with
//! thousands separators added to long Arabic numbers.

use crate::report::Metric;

/// The parts of a card's figure: `约` `850` `人次`, or `1230.01` `万元`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureText {
    /// A qualifier written before the number (约, 近, 超过, 逾), or empty.
    pub prefix: String,
    /// The number as written; Arabic integers of five digits or more get separators.
    pub number: String,
    /// What follows the number as written: `万元`, `余户`, `%`, `人以上`.
    pub rest: String,
}

impl FigureText {
    pub fn of(metric: &Metric) -> FigureText {
        let number_len = metric
            .raw
            .char_indices()
            .find(|&(_, c)| {
                !(c.is_ascii_digit()
                    || crate::numerals::is_arabic_digit(c)
                    || matches!(c, '.' | '．' | ',')
                    || crate::numerals::digit(c).is_some()
                    || "十百千".contains(c))
            })
            .map_or(metric.raw.len(), |(i, _)| i);
        let (number, rest) = metric.raw.split_at(number_len);
        let prefix = match metric.qualifier.as_deref() {
            Some(q @ ("约" | "近" | "超" | "超过" | "逾")) => q.to_string(),
            _ => String::new(),
        };
        FigureText {
            prefix,
            number: with_separators(number),
            rest: rest.to_string(),
        }
    }

    /// The figure as one phrase: `约 850 人次`.
    pub fn phrase(&self) -> String {
        [self.prefix.as_str(), &self.number, &self.rest]
            .iter()
            .filter(|part| !part.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The card as one sentence for a screen reader: `收缴罚款 1230.01 万元`.
/// A number in Chinese numerals (三千) reads with its sentence as written, without spaces: set
/// apart, the name would no longer hold the card's visible text for speech input and for
/// checkers of WCAG 2.5.3 (axe's label-content-name-mismatch).
pub fn spoken(metric: &Metric) -> String {
    let figure = FigureText::of(metric);
    if figure.number.is_ascii() {
        format!("{} {}", metric.label, figure.phrase())
    } else {
        format!(
            "{}{}{}{}",
            metric.label, figure.prefix, figure.number, figure.rest
        )
    }
}

/// `50796` → `50,796`; numbers already separated, short ones, decimals' fractions and Chinese
/// numerals are left as written.
fn with_separators(number: &str) -> String {
    let (integer, fraction) = number.split_at(number.find(['.', '．']).unwrap_or(number.len()));
    if integer.len() < 5 || !integer.bytes().all(|b| b.is_ascii_digit()) {
        return number.to_string();
    }
    let mut out = String::new();
    for (i, c) in integer.chars().enumerate() {
        if i > 0 && (integer.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out + fraction
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    fn metric(sentence: &str) -> Metric {
        parse(&format!("标题\n{sentence}\n")).metrics.remove(0)
    }

    #[test]
    fn figures_read_as_written_with_separators() {
        let cases = [
            (
                "收缴罚款1230.01万元。",
                "",
                "1230.01",
                "万元",
                "收缴罚款 1230.01 万元",
            ),
            (
                "受理业务50796件。",
                "",
                "50,796",
                "件",
                "受理业务 50,796 件",
            ),
            (
                "开展巡查约850人次。",
                "约",
                "850",
                "人次",
                "开展巡查 约 850 人次",
            ),
            ("涉及居民三千余户。", "", "三千", "余户", "涉及居民三千余户"),
            ("办结率100%。", "", "100", "%", "办结率 100 %"),
            (
                "退还土地12万余平方米。",
                "",
                "12",
                "万余平方米",
                "退还土地 12 万余平方米",
            ),
            (
                "罚没款2,350.5万元。",
                "",
                "2,350.5",
                "万元",
                "罚没款 2,350.5 万元",
            ),
        ];
        for (sentence, prefix, number, rest, said) in cases {
            let m = metric(sentence);
            let text = FigureText::of(&m);
            assert_eq!(
                (
                    text.prefix.as_str(),
                    text.number.as_str(),
                    text.rest.as_str()
                ),
                (prefix, number, rest)
            );
            assert_eq!(spoken(&m), said);
        }
    }
}
