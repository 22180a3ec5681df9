//! Year over year: the same office's reports side by side, and the figures that say the same
//! thing lined up into series (受理行政复议案件41件 in 2021, 办理行政复议案件52件 in 2022).
//!
//! The rules are conservative and each can be explained to a reader (the README lists them):
//! a figure stays unmatched rather than being lined up with a look-alike, because a wrong
//! line-up misleads while a missing one only leaves a gap.
//!
//! 1. Each report gets a **year** ([`report_year`]) and an **office** ([`report_office`]);
//!    only reports of the same office are compared.
//! 2. Labels are **normalised** ([`normalise_label`]): punctuation out, a small table of
//!    synonyms (受理→办理, 审查→审核, …), generic leading verbs and qualifiers (开展, 组织, 全年,
//!    累计, …) and generic trailing nouns (金额, 面积, …) dropped. A label of one or two
//!    characters (审结, 结案) borrows the label of the figure before it in the same sentence.
//! 3. Two figures of different reports **can** match only when their units are identical (values
//!    are already in base units: 万元 and 元 are both 元) and their **head nouns** agree: the last
//!    two characters of each label occur in the other (讲座 ≠ 培训班, 纠错率 ≠ 维持率).
//! 4. Their **score** is the mean of the Dice coefficient and the overlap coefficient of the
//!    labels' character bigrams; it loses [`CONFLICT_PENALTY`] when each label carries words the
//!    other lacks (在册… vs 新接收…: different things of the same kind), gains at most
//!    [`CONTEXT_BONUS`] when their section titles agree, and is scaled by
//!    [`INFERRED_FACTOR`] when a label was inferred rather than read from the clause.
//! 5. Pairs are **assigned best first**, one figure per report per series, and only when the
//!    score is at least [`MIN_SCORE`] and beats every rival of either figure (another figure of
//!    the other report, of another value) by [`MIN_MARGIN`]. Ambiguous ⇒ unmatched.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use crate::{
    id::MetricId,
    report::{Metric, Report},
};

/// Lowest score at which two figures are lined up.
pub const MIN_SCORE: f64 = 0.6;
/// How far a pair must beat the best rival of either of its figures.
pub const MIN_MARGIN: f64 = 0.1;
/// Taken off when each label carries a character the other lacks ([`modifiers_conflict`]).
pub const CONFLICT_PENALTY: f64 = 0.25;
/// At most this much is added when the figures' section titles agree: a weak hint, never
/// enough on its own to beat [`MIN_MARGIN`], so a figure moved to another section still matches
/// and two identical labels are not told apart by their sections alone.
pub const CONTEXT_BONUS: f64 = 0.05;
/// Scale of the score when either label was inferred (`label_inferred`) from the context.
pub const INFERRED_FACTOR: f64 = 0.9;

/// Several reports compared: who issued each and for which year, and the figures lined up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The reports in the order they were given.
    pub reports: Vec<ReportInfo>,
    /// Figures lined up across at least two reports of one office; each series belongs to
    /// one office ([`Comparison::office_of`]).
    pub series: Vec<Series>,
}

/// One compared report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportInfo {
    /// The file name (or any name) it was given with.
    pub file: String,
    /// The year the report is about ([`report_year`]); `None` when nothing says.
    pub year: Option<i32>,
    /// The issuing office, normalised ([`report_office`]); empty when nothing says.
    pub office: String,
}

/// The same quantity in several reports of one office, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// The label as the latest report words it.
    pub label: String,
    /// The base unit all values share.
    pub unit: String,
    pub values: Vec<SeriesValue>,
}

/// One report's figure in a series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesValue {
    /// Index into [`Comparison::reports`].
    pub report: usize,
    pub year: Option<i32>,
    /// The figure's id in that report (wire form `2.3.p0.m8`).
    pub metric_id: MetricId,
    /// As written: `612万元`.
    pub raw: String,
    /// Normalised value in the series' unit.
    #[serde(serialize_with = "whole_as_integer")]
    pub value: f64,
}

/// Writes whole values as JSON integers, like the report JSON does.
fn whole_as_integer<S: serde::Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

impl Comparison {
    /// The office a series belongs to (that of its reports).
    pub fn office_of(&self, series: &Series) -> &str {
        series
            .values
            .first()
            .and_then(|v| self.reports.get(v.report))
            .map_or("", |r| r.office.as_str())
    }
}

impl Series {
    /// For each value, its change from the value before it in the series (see [`change`]);
    /// `None` for the first. The value before may be more than a year earlier when a report
    /// in between did not state the figure: compare the years shown.
    pub fn changes(&self) -> Vec<Option<String>> {
        let mut out = vec![None; self.values.len()];
        for (k, pair) in self.values.windows(2).enumerate() {
            out[k + 1] = change(pair[0].value, pair[1].value, &self.unit);
        }
        out
    }
}

/// How a figure changed, for display: `+9.4%` relative to the previous value; for rates
/// (`%`, `个百分点`) the difference in points, `+1.2个百分点`. `None` when there is nothing to
/// divide by (a previous value of 0) or a value is not finite.
pub fn change(previous: f64, current: f64, unit: &str) -> Option<String> {
    if !previous.is_finite() || !current.is_finite() {
        return None;
    }
    if matches!(unit, "%" | "％" | "个百分点") {
        return Some(format!("{}个百分点", signed(current - previous)));
    }
    if previous == 0.0 {
        return None;
    }
    Some(format!(
        "{}%",
        signed((current - previous) / previous.abs() * 100.0)
    ))
}

/// One decimal with its sign: `+9.4`, `-3.0`, `+0.0`.
fn signed(x: f64) -> String {
    let rounded = (x * 10.0).round() / 10.0;
    if rounded == 0.0 {
        "+0.0".to_string()
    } else {
        format!("{rounded:+.1}")
    }
}

// ---------------------------------------------------------------------------------------------
// Year and office

/// The year a report is about, by the first rule that gives one:
///
/// 1. the title's year (`关于2023年…`, `2023年度…`, `二〇二三年…`): an annual report names it;
/// 2. a year opening the body (`2023年，我局…`): the genre's first sentence;
/// 3. the publication year minus one: annual reports come out in the first months of the next
///    year (a report published 2024-03 is about 2023).
pub fn report_year(report: &Report) -> Option<i32> {
    year_in(&report.title)
        .map(|(year, _, _)| year)
        .or_else(|| {
            let opening = report
                .preamble
                .first()
                .or_else(|| report.sections.first().and_then(|s| s.paragraphs.first()))?;
            year_in(&opening.text)
                .filter(|&(_, start, _)| start == 0)
                .map(|(year, _, _)| year)
        })
        .or_else(|| {
            let published = report.published.as_deref()?;
            let digits: String = published.chars().take(4).collect();
            let year: i32 = digits.parse().ok()?;
            plausible_year(year).then_some(year - 1)
        })
}

fn plausible_year(year: i32) -> bool {
    (1950..=2100).contains(&year)
}

/// The digit a character stands for in a year: ASCII, full-width, or Chinese (`二〇二三`).
fn year_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' | '０'..='９' => crate::numerals::arabic_digit(c),
        '〇' | '○' | '零' | 'Ｏ' => Some(0),
        _ => "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32 + 1),
    }
}

/// The first four-digit year followed by 年 in `text`: (year, start, end) in characters,
/// `end` after 年 (and 度). A longer run of digits is not a year.
fn year_in(text: &str) -> Option<(i32, usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if year_digit(chars[i]).is_none() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && year_digit(chars[i]).is_some() {
            i += 1;
        }
        if i - start == 4 && chars.get(i) == Some(&'年') {
            let year = chars[start..i]
                .iter()
                .fold(0, |acc, &c| acc * 10 + year_digit(c).unwrap_or(0) as i32);
            if plausible_year(year) {
                let end = if chars.get(i + 1) == Some(&'度') {
                    i + 2
                } else {
                    i + 1
                };
                return Some((year, start, end));
            }
        }
    }
    None
}

/// What an office's name ends with: an issuing body, not a report.
const OFFICE_ENDINGS: &[&str] = &[
    "局", "委", "办", "院", "府", "厅", "署", "会", "室", "中心", "镇", "乡", "街道", "处", "所",
    "队", "站", "部", "馆", "区", "县", "市", "省",
];

/// Words that start the report's subject after the office in a title (`…司法局法治政府建设…`).
const TITLE_SUBJECTS: &[&str] = &[
    "法治政府",
    "政府信息",
    "政务公开",
    "依法行政",
    "法治建设",
    "年度",
    "工作",
    "关于",
];

/// Sources that name the portal, not an office.
const GENERIC_SOURCES: &[&str] = &["本网", "本站", "原创", "网站", "门户"];

/// The issuing office, normalised ([`normalise_office`]), by the first rule that gives one:
///
/// 1. the title's issuer: the words before `关于` or before the year (`某县司法局关于2021年…`,
///    `某县司法局2022年度…`), or after a leading year up to the report's subject
///    (`2023年某县司法局法治政府建设…`), when they end like an office (局 委 办 政府 中心 …);
/// 2. the `来源` metadata when it ends like an office (not `本网`).
///
/// The title comes first because portals often give their own operator (`某市人民政府`) as
/// the source of every department's report; grouping by it would compare different offices.
pub fn report_office(report: &Report) -> String {
    title_office(&report.title)
        .or_else(|| {
            let source = normalise_office(report.source.as_deref()?);
            (looks_like_office(&source) && !GENERIC_SOURCES.iter().any(|g| source.contains(g)))
                .then_some(source)
        })
        .unwrap_or_default()
}

/// Spaces and punctuation out, full-width letters and digits half-width: `某县 司法局` and
/// `某县司法局` are one office.
pub fn normalise_office(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && !is_punctuation(*c))
        .map(half_width)
        .collect()
}

fn looks_like_office(name: &str) -> bool {
    name.chars().count() >= 2 && OFFICE_ENDINGS.iter().any(|e| name.ends_with(e))
}

fn title_office(title: &str) -> Option<String> {
    let title = normalise_office(title);
    let office = |s: &str| Some(s.to_string()).filter(|s| looks_like_office(s));
    if let Some((before, _)) = title.split_once("关于") {
        if let Some(o) = office(before) {
            return Some(o);
        }
    }
    let (_, start, end) = year_in(&title)?;
    let before: String = title.chars().take(start).collect();
    if let Some(o) = office(&before) {
        return Some(o);
    }
    if start == 0 {
        let after: String = title.chars().skip(end).collect();
        let cut = TITLE_SUBJECTS.iter().filter_map(|s| after.find(s)).min()?;
        return office(&after[..cut]);
    }
    None
}

fn half_width(c: char) -> char {
    match c {
        '！'..='～' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '，' | '。'
                | '、'
                | '；'
                | '：'
                | '！'
                | '？'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '《'
                | '》'
                | '（'
                | '）'
                | '【'
                | '】'
                | '〈'
                | '〉'
                | '「'
                | '」'
                | '·'
                | '—'
                | '…'
                | '－'
        )
}

// ---------------------------------------------------------------------------------------------
// Labels

/// Different words for the same act in the genre, mapped to one of them. Short on purpose:
/// every entry is a pair a reader of these reports would call the same count.
pub const SYNONYMS: &[(&str, &str)] = &[
    ("受理", "办理"),
    ("查处", "办理"),
    ("查办", "办理"),
    ("审查", "审核"),
    ("调处", "化解"),
    ("印发", "发放"),
    ("派发", "发放"),
    ("分发", "发放"),
];

/// Words at the start of a label that say how or how much, not what: dropped repeatedly
/// (`组织开展普法讲座` → `普法讲座`). Only at the start, since inside a label they may be part
/// of a noun (`人民调解组织`).
pub const LEADING_GENERIC: &[&str] = &[
    "开展",
    "组织",
    "举办",
    "召开",
    "进行",
    "完成",
    "实施",
    "实现",
    "累计",
    "共计",
    "合计",
    "总计",
    "全年",
    "年内",
    "当年",
    "本年度",
    "今年",
    "目前",
    "全县",
    "全市",
    "全区",
    "全省",
    "全镇",
    "全局",
    "依法",
    "先后",
    "其中",
    "共",
    "均",
    "各类",
    "各项",
];

/// Nouns at the end that name the measure, not the thing (`罚没款金额` = `罚没款`).
pub const TRAILING_GENERIC: &[&str] = &[
    "金额", "总额", "面积", "数量", "总数", "总量", "合计", "共计",
];

/// Words anywhere in a label that qualify without naming anything.
const INNER_GENERIC: &[&str] = &["各类", "各项", "各种"];

/// A label reduced to what it names: punctuation out, synonyms mapped, generic words dropped.
pub fn normalise_label(label: &str) -> String {
    let mut text: String = label
        .chars()
        .filter(|c| !c.is_whitespace() && !is_punctuation(*c))
        .map(half_width)
        .collect();
    for (from, to) in SYNONYMS {
        text = text.replace(from, to);
    }
    for word in INNER_GENERIC {
        text = text.replace(word, "");
    }
    loop {
        let before = text.len();
        for word in LEADING_GENERIC {
            if let Some(rest) = text.strip_prefix(word) {
                if !rest.is_empty() {
                    text = rest.to_string();
                }
            }
        }
        for word in TRAILING_GENERIC {
            if let Some(rest) = text.strip_suffix(word) {
                if !rest.is_empty() {
                    text = rest.to_string();
                }
            }
        }
        if text.len() == before {
            return text;
        }
    }
}

/// Labels this short say too little alone (审结, 结案) and borrow the one before them.
const SHORT_LABEL_CHARS: usize = 2;

/// A figure as the matcher sees it.
#[derive(Debug, Clone)]
struct Candidate<'a> {
    metric: &'a Metric,
    /// The normalised label, a short one prefixed with the label before it in its sentence.
    label: String,
    /// The title of the section the figure stands in (empty in the preamble).
    context: String,
}

fn candidates(report: &Report) -> Vec<Candidate<'_>> {
    let mut out: Vec<Candidate<'_>> = Vec::with_capacity(report.metrics.len());
    for (k, metric) in report.metrics.iter().enumerate() {
        let mut label = normalise_label(&metric.label);
        if label.chars().count() <= SHORT_LABEL_CHARS {
            if let Some(previous) = k.checked_sub(1).and_then(|p| out.get(p)) {
                if same_sentence(report, previous.metric, metric) {
                    label = format!("{}{label}", previous.label);
                }
            }
        }
        let context = metric
            .section
            .as_ref()
            .and_then(|id| report.section(id))
            .map(|s| normalise_label(&s.title))
            .unwrap_or_default();
        out.push(Candidate {
            metric,
            label,
            context,
        });
    }
    out
}

/// Whether two figures stand in one block with no sentence end (`。；！？`) between them.
fn same_sentence(report: &Report, first: &Metric, second: &Metric) -> bool {
    if first.paragraph != second.paragraph || first.span[1] > second.span[0] {
        return false;
    }
    let Some(text) = report.block_text(&first.paragraph) else {
        return false;
    };
    !text
        .chars()
        .skip(first.span[1])
        .take(second.span[0] - first.span[1])
        .any(|c| matches!(c, '。' | '；' | '！' | '？' | ';'))
}

fn bigrams(text: &str) -> BTreeSet<(char, char)> {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() == 1 {
        return BTreeSet::from([(chars[0], '\0')]);
    }
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Mean of Dice and overlap coefficients of the two texts' character bigrams, in [0, 1].
fn bigram_similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (bigrams(a), bigrams(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.intersection(&b).count() as f64;
    let dice = 2.0 * common / (a.len() + b.len()) as f64;
    let overlap = common / a.len().min(b.len()) as f64;
    (dice + overlap) / 2.0
}

/// The last two characters: what a label counts (`讲座`, `纠错率` → `错率`).
fn head(label: &str) -> String {
    let chars: Vec<char> = label.chars().collect();
    chars[chars.len().saturating_sub(2)..].iter().collect()
}

/// Whether each label contains the other's head noun.
pub fn heads_agree(a: &str, b: &str) -> bool {
    !a.is_empty() && !b.is_empty() && b.contains(&head(a)) && a.contains(&head(b))
}

/// Whether each label carries a character the other lacks: one word put in place of another,
/// two different modifiers of one noun (`在册社区矫正对象` / `新接收社区矫正对象`, `新收一审案件` /
/// `审结一审案件`). One label adding words to the other (`普法骨干培训班` / `普法培训班`) or the
/// same words reordered is no conflict.
pub fn modifiers_conflict(a: &str, b: &str) -> bool {
    let lacks = |x: &str, y: &str| x.chars().any(|c| !y.contains(c));
    lacks(a, b) && lacks(b, a)
}

/// How well two normalised labels name the same quantity, before units and context: `None`
/// when their head nouns disagree.
pub fn label_score(a: &str, b: &str) -> Option<f64> {
    if !heads_agree(a, b) {
        return None;
    }
    let mut score = bigram_similarity(a, b);
    if modifiers_conflict(a, b) {
        score -= CONFLICT_PENALTY;
    }
    Some(score)
}

fn score(a: &Candidate<'_>, b: &Candidate<'_>) -> Option<f64> {
    if a.metric.unit != b.metric.unit {
        return None;
    }
    let mut score = label_score(&a.label, &b.label)?;
    if !a.context.is_empty() && !b.context.is_empty() {
        score += CONTEXT_BONUS * bigram_similarity(&a.context, &b.context);
    }
    if a.metric.label_inferred || b.metric.label_inferred {
        score *= INFERRED_FACTOR;
    }
    Some(score)
}

// ---------------------------------------------------------------------------------------------
// Lining up

/// Compares reports: each one's year and office, and the series of figures lined up within
/// each office. `reports` pairs a name (a file name) with the parsed report.
pub fn compare(reports: &[(String, Report)]) -> Comparison {
    let offices = merged_offices(reports.iter().map(|(_, r)| report_office(r)).collect());
    let infos: Vec<ReportInfo> = reports
        .iter()
        .zip(&offices)
        .map(|((file, report), office)| ReportInfo {
            file: file.clone(),
            year: report_year(report),
            office: office.clone(),
        })
        .collect();
    let all: Vec<Vec<Candidate<'_>>> = reports.iter().map(|(_, r)| candidates(r)).collect();

    // Reports whose office is unknown are compared with each other only when no report names
    // its office (the user chose them as one office's); otherwise each stays alone.
    let any_known = infos.iter().any(|i| !i.office.is_empty());
    let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
    for (k, info) in infos.iter().enumerate() {
        if info.office.is_empty() && any_known {
            groups.push(("", vec![k]));
            continue;
        }
        match groups.iter_mut().find(|(office, _)| *office == info.office) {
            Some((_, members)) => members.push(k),
            None => groups.push((&info.office, vec![k])),
        }
    }
    let mut series = Vec::new();
    for (_, members) in &groups {
        series.extend(line_up(members, &all, &infos));
    }
    Comparison {
        reports: infos,
        series,
    }
}

/// Gives an abbreviated office (`县司法局`) the full name it ends (`某县司法局`) when exactly
/// one other office given ends with it; with two candidates it stays apart.
fn merged_offices(offices: Vec<String>) -> Vec<String> {
    offices
        .iter()
        .map(|office| {
            if office.chars().count() < 3 {
                return office.clone();
            }
            let longer: BTreeSet<&String> = offices
                .iter()
                .filter(|o| o.len() > office.len() && o.ends_with(office.as_str()))
                .collect();
            match longer.into_iter().collect::<Vec<_>>().as_slice() {
                [only] => (*only).clone(),
                _ => office.clone(),
            }
        })
        .collect()
}

/// A possible pair: figure `a` of report `ra`, figure `b` of report `rb`.
#[derive(Debug, Clone, Copy)]
struct Edge {
    score: f64,
    ra: usize,
    a: usize,
    rb: usize,
    b: usize,
}

fn line_up(members: &[usize], all: &[Vec<Candidate<'_>>], infos: &[ReportInfo]) -> Vec<Series> {
    // Every pair of figures of two different reports, scored.
    let mut scores: HashMap<(usize, usize, usize, usize), f64> = HashMap::new();
    let mut edges = Vec::new();
    for (i, &ra) in members.iter().enumerate() {
        for &rb in &members[i + 1..] {
            for (a, ca) in all[ra].iter().enumerate() {
                for (b, cb) in all[rb].iter().enumerate() {
                    if let Some(score) = score(ca, cb) {
                        scores.insert((ra, a, rb, b), score);
                        edges.push(Edge {
                            score,
                            ra,
                            a,
                            rb,
                            b,
                        });
                    }
                }
            }
        }
    }
    // The best rival of a pair: another figure of the other report, of another value (a figure
    // stated twice is not a rival of itself).
    let value = |r: usize, m: usize| all[r][m].metric.value;
    let rival = |e: &Edge| {
        let of_a = (0..all[e.rb].len())
            .filter(|&b| b != e.b && value(e.rb, b) != value(e.rb, e.b))
            .filter_map(|b| scores.get(&(e.ra, e.a, e.rb, b)));
        let of_b = (0..all[e.ra].len())
            .filter(|&a| a != e.a && value(e.ra, a) != value(e.ra, e.a))
            .filter_map(|a| scores.get(&(e.ra, a, e.rb, e.b)));
        of_a.chain(of_b).copied().fold(f64::NEG_INFINITY, f64::max)
    };
    edges.retain(|e| e.score >= MIN_SCORE && e.score - rival(e) >= MIN_MARGIN);
    edges.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then((x.ra, x.a, x.rb, x.b).cmp(&(y.ra, y.a, y.rb, y.b)))
    });

    // Clusters of (report, figure), at most one figure per report.
    let mut cluster_of: HashMap<(usize, usize), usize> = HashMap::new();
    let mut clusters: Vec<Vec<(usize, usize)>> = Vec::new();
    for e in edges {
        let (na, nb) = ((e.ra, e.a), (e.rb, e.b));
        match (cluster_of.get(&na).copied(), cluster_of.get(&nb).copied()) {
            (None, None) => {
                cluster_of.insert(na, clusters.len());
                cluster_of.insert(nb, clusters.len());
                clusters.push(vec![na, nb]);
            }
            (Some(c), None) | (None, Some(c)) => {
                let new = if cluster_of.contains_key(&na) { nb } else { na };
                if clusters[c].iter().all(|&(r, _)| r != new.0) {
                    cluster_of.insert(new, c);
                    clusters[c].push(new);
                }
            }
            (Some(c), Some(d)) if c != d => {
                let disjoint = clusters[c]
                    .iter()
                    .all(|&(r, _)| clusters[d].iter().all(|&(s, _)| s != r));
                if disjoint {
                    let moved = std::mem::take(&mut clusters[d]);
                    for &node in &moved {
                        cluster_of.insert(node, c);
                    }
                    clusters[c].extend(moved);
                }
            }
            _ => {}
        }
    }

    // Oldest first within a series; a report without a year after those with one.
    let order = |r: usize| (infos[r].year.unwrap_or(i32::MAX), r);
    let mut series: Vec<(Vec<(usize, usize)>, Series)> = clusters
        .into_iter()
        .filter(|c| c.len() >= 2)
        .map(|mut cluster| {
            cluster.sort_by_key(|&(r, m)| (order(r), m));
            let &(lr, lm) = cluster.last().expect("two or more");
            let latest = all[lr][lm].metric;
            let values = cluster
                .iter()
                .map(|&(r, m)| {
                    let metric = all[r][m].metric;
                    SeriesValue {
                        report: r,
                        year: infos[r].year,
                        metric_id: metric.id.clone(),
                        raw: metric.raw.clone(),
                        value: metric.value,
                    }
                })
                .collect();
            let key = vec![(lr, lm)];
            (
                key,
                Series {
                    label: latest.label.clone(),
                    unit: latest.unit.clone(),
                    values,
                },
            )
        })
        .collect();
    // Series that reach the newest report first, each in the order of its last report's text,
    // so the list reads like the newest report.
    series.sort_by_key(|(key, _)| (std::cmp::Reverse(order(key[0].0)), key[0].1));
    series.into_iter().map(|(_, s)| s).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_and_generic_words_are_normalised_away() {
        assert_eq!(normalise_label("受理行政复议案件"), "办理行政复议案件");
        assert_eq!(normalise_label("组织开展普法讲座"), "普法讲座");
        assert_eq!(normalise_label("全年累计开展普法讲座"), "普法讲座");
        assert_eq!(normalise_label("罚没款金额"), "罚没款");
        assert_eq!(normalise_label("依法拆除违法建设面积"), "拆除违法建设");
        assert_eq!(normalise_label("立案查处各类违法案件"), "立案办理违法案件");
        // Inside a label a generic word may be part of a noun: kept.
        assert_eq!(normalise_label("人民调解组织"), "人民调解组织");
        // Never reduced to nothing.
        assert_eq!(normalise_label("开展"), "开展");
    }

    #[test]
    fn look_alikes_differ_in_their_head_noun() {
        assert!(!heads_agree("普法讲座", "普法培训班"));
        assert!(!heads_agree("复议纠错率", "复议维持率"));
        assert!(!heads_agree("新增违建", "拆除违法建设"));
        assert!(label_score("法治讲座", "法治培训班").is_none());
        // Reordered words keep both heads.
        assert!(heads_agree("行政复议案件办理", "办理行政复议案件"));
        assert!(heads_agree("普法骨干培训班", "普法培训班"));
    }

    #[test]
    fn reordered_and_reworded_labels_score_above_the_threshold() {
        let score = |a: &str, b: &str| label_score(&normalise_label(a), &normalise_label(b));
        for (a, b) in [
            ("受理行政复议案件", "办理行政复议案件"),
            ("行政复议案件受理", "办理行政复议案件"),
            ("审查县政府规范性文件", "合法性审核县政府规范性文件"),
            ("组织开展法治讲座", "举办法治讲座"),
            ("查处违法建设案件", "查办违法建设案件"),
            ("印发宣传册", "发放宣传册"),
            ("为群众挽回经济损失", "挽回经济损失"),
        ] {
            let s = score(a, b).unwrap_or(0.0);
            assert!(s >= MIN_SCORE, "{a} / {b}: {s}");
        }
    }

    #[test]
    fn two_different_modifiers_of_one_noun_fall_below_the_threshold() {
        for (a, b) in [
            ("在册社区矫正对象", "新接收社区矫正对象"),
            ("新收一审案件", "审结一审案件"),
            ("到期债务", "逾期债务"),
        ] {
            assert!(modifiers_conflict(a, b), "{a} / {b}");
            let s = label_score(a, b).unwrap_or(0.0);
            assert!(s < MIN_SCORE, "{a} / {b}: {s}");
        }
        // One label adding words is not a conflict.
        assert!(!modifiers_conflict("普法骨干培训班", "普法培训班"));
    }

    #[test]
    fn year_from_title_then_opening_then_publication() {
        let mut report = Report {
            title: "某区民政局关于2022年度法治政府建设情况的报告".into(),
            published: Some("2023-02-01".into()),
            ..Report::default()
        };
        assert_eq!(report_year(&report), Some(2022));
        report.title = "二〇二一年某镇政务公开工作总结".into();
        assert_eq!(report_year(&report), Some(2021));
        // A phone number or a longer run of digits is not a year.
        report.title = "某区民政局法治政府建设年度报告".into();
        assert_eq!(report_year(&report), Some(2022));
        report.published = None;
        assert_eq!(report_year(&report), None);
        report.preamble.push(crate::report::Paragraph::text(
            "p0".parse().unwrap(),
            "2020年，我局紧紧围绕……".into(),
            3,
        ));
        assert_eq!(report_year(&report), Some(2020));
        // A year later in the opening sentence says nothing about the report's own year.
        report.preamble[0].text = "今年以来，我局对标2025年目标……".into();
        assert_eq!(report_year(&report), None);
        assert_eq!(year_in("电话12345年"), None);
    }

    #[test]
    fn office_from_title_before_source() {
        let report = |title: &str, source: Option<&str>| Report {
            title: title.into(),
            source: source.map(Into::into),
            ..Report::default()
        };
        for (title, source, office) in [
            (
                "某区民政局关于2022年度法治政府建设情况的报告",
                None,
                "某区民政局",
            ),
            (
                "某区民政局2022年法治政府建设年度报告",
                Some("某区人民政府"),
                "某区民政局",
            ),
            ("2022年某区 民政局法治政府建设年度报告", None, "某区民政局"),
            (
                "关于2022年度法治政府建设情况的报告",
                Some("某区民政局"),
                "某区民政局",
            ),
            ("关于2022年度法治政府建设情况的报告", Some("本网"), ""),
            ("2022年法治政府建设年度报告", None, ""),
        ] {
            assert_eq!(report_office(&report(title, source)), office, "{title}");
        }
    }

    #[test]
    fn an_abbreviated_office_joins_the_one_full_name_it_ends() {
        let merged = merged_offices(vec![
            "某县司法局".into(),
            "县司法局".into(),
            "某县民政局".into(),
        ]);
        assert_eq!(merged, ["某县司法局", "某县司法局", "某县民政局"]);
        // Two counties' bureaus: the abbreviation is ambiguous and stays apart.
        let merged = merged_offices(vec![
            "甲县司法局".into(),
            "乙县司法局".into(),
            "县司法局".into(),
        ]);
        assert_eq!(merged[2], "县司法局");
    }

    #[test]
    fn change_is_relative_or_in_points() {
        assert_eq!(change(100.0, 109.4, "件").as_deref(), Some("+9.4%"));
        assert_eq!(
            change(8263000.0, 9137000.0, "元").as_deref(),
            Some("+10.6%")
        );
        assert_eq!(change(50.0, 48.5, "人").as_deref(), Some("-3.0%"));
        assert_eq!(change(97.5, 98.3, "%").as_deref(), Some("+0.8个百分点"));
        assert_eq!(change(100.0, 100.0, "%").as_deref(), Some("+0.0个百分点"));
        assert_eq!(change(0.0, 5.0, "件"), None);
    }
}
