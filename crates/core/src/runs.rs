//! Splitting a block of report text into what the reader renders: enumeration items
//! (一是…二是…) shown as a list, figures marked as links to their card, and search hits.
//! Plain Rust so the splitting is tested natively; the components only map runs to HTML.

/// A marked stretch of a block, in char offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub kind: MarkKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkKind {
    /// A figure; the metric id.
    Figure(crate::id::MetricId),
    /// A search hit; its number among all hits of the search (for next/previous).
    Hit(usize),
}

/// A stretch of text with the marks that cover it (a hit may lie inside a figure).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub marks: Vec<MarkKind>,
}

/// Where enumeration items start (`一是`, `二是`, … at the start or after a clause mark),
/// when there are at least two of them in order: char offsets of each item's start. The text
/// before the first item, if any, is a lead-in.
pub fn enumeration_starts(text: &str) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    let mut starts = Vec::new();
    let mut expected = 1;
    for i in 0..chars.len().saturating_sub(1) {
        let at_clause_start = i == 0 || "。；;，,：:".contains(chars[i - 1]);
        if at_clause_start
            && chars[i + 1] == '是'
            && crate::numerals::digit(chars[i]) == Some(expected)
        {
            starts.push(i);
            expected += 1;
        }
    }
    if starts.len() < 2 {
        starts.clear();
    }
    starts
}

/// Splits `text` into items (by [`enumeration_starts`]; one item when there are none) and each
/// item into runs at every mark boundary. Marks out of range are clipped; overlapping marks are
/// both kept on the runs they cover.
pub fn runs(text: &str, marks: &[Mark]) -> Vec<Vec<Run>> {
    let chars: Vec<char> = text.chars().collect();
    let len = chars.len();
    let mut items: Vec<usize> = enumeration_starts(text);
    if items.first() != Some(&0) {
        items.insert(0, 0);
    }
    items.push(len);
    items
        .windows(2)
        .filter(|w| w[0] < w[1] || len == 0)
        .map(|w| {
            let (from, to) = (w[0], w[1]);
            let mut cuts: Vec<usize> = vec![from, to];
            for mark in marks {
                for edge in [mark.start, mark.end] {
                    if edge > from && edge < to {
                        cuts.push(edge);
                    }
                }
            }
            cuts.sort_unstable();
            cuts.dedup();
            cuts.windows(2)
                .map(|c| Run {
                    text: chars[c[0]..c[1]].iter().collect(),
                    marks: marks
                        .iter()
                        .filter(|m| m.start <= c[0] && c[1] <= m.end && m.start < m.end)
                        .map(|m| m.kind.clone())
                        .collect(),
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enumerations_need_two_items_in_order() {
        assert_eq!(
            enumeration_starts("一是加强学习；二是强化监督；三是严格考核。"),
            [0, 7, 14]
        );
        assert_eq!(
            enumeration_starts("原因如下：一是方式单一，二是创新不足。"),
            [5, 12]
        );
        assert_eq!(
            enumeration_starts("一是宣传教育工作有待加强。"),
            Vec::<usize>::new()
        );
        assert_eq!(
            enumeration_starts("这一是非问题，二是别的"),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn runs_cut_at_marks_and_items_without_losing_text() {
        let text = "一是查处11宗，罚款3万元；二是办结率100%。";
        let marks = [
            Mark {
                start: 4,
                end: 7,
                kind: MarkKind::Figure("p0.m0".parse().unwrap()),
            },
            Mark {
                start: 10,
                end: 13,
                kind: MarkKind::Figure("p0.m1".parse().unwrap()),
            },
            Mark {
                start: 11,
                end: 12,
                kind: MarkKind::Hit(0),
            },
            Mark {
                start: 19,
                end: 23,
                kind: MarkKind::Figure("p0.m2".parse().unwrap()),
            },
        ];
        let items = runs(text, &marks);
        assert_eq!(items.len(), 2);
        let joined: String = items.iter().flatten().map(|r| r.text.as_str()).collect();
        assert_eq!(joined, text);
        let first: Vec<(&str, usize)> = items[0]
            .iter()
            .map(|r| (r.text.as_str(), r.marks.len()))
            .collect();
        assert_eq!(
            first,
            [
                ("一是查处", 0),
                ("11宗", 1),
                ("，罚款", 0),
                ("3", 1),
                ("万", 2),
                ("元", 1),
                ("；", 0)
            ]
        );
        assert_eq!(items[1][1].text, "100%");
    }

    #[test]
    fn odd_marks_are_harmless() {
        let marks = [
            Mark {
                start: 5,
                end: 99,
                kind: MarkKind::Hit(0),
            },
            Mark {
                start: 3,
                end: 3,
                kind: MarkKind::Hit(1),
            },
        ];
        let items = runs("短文本", &marks);
        let joined: String = items.iter().flatten().map(|r| r.text.as_str()).collect();
        assert_eq!(joined, "短文本");
        assert_eq!(runs("", &marks).iter().flatten().count(), 0);
    }
}
