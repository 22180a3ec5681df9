//! Portal chrome: the lines a page copy brings along that are not part of the report
//! (breadcrumbs, publication lines, font-size and print links, QR prompts). Their metadata is
//! kept; the rest is dropped.

/// What a line of portal chrome says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chrome {
    Breadcrumb(Vec<String>),
    /// A publication line: `2024-03-06 10:40 来源: … 作者: …`.
    Meta(Meta),
    /// Controls and prompts with nothing to keep.
    Noise,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub published: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub index_number: Option<String>,
}

/// No chrome line is longer than this (a publication line with a long source and index
/// number is about 100 characters).
const MAX_CHROME_CHARS: usize = 160;

/// Labels of publication lines, longest first so that `发布时间` wins over `时间`.
const LABELS: &[&str] = &[
    "信息来源",
    "发布时间",
    "发布日期",
    "成文日期",
    "生成日期",
    "发布机构",
    "发文机关",
    "发文字号",
    "浏览次数",
    "阅读次数",
    "点击数",
    "访问量",
    "浏览量",
    "索引号",
    "主题分类",
    "来源",
    "作者",
    "时间",
    "日期",
    "文号",
    "编辑",
    "责任编辑",
    "字号",
    "字体",
];

/// Whole lines that are controls or prompts of the portal page.
const NOISE: &[&str] = &[
    "扫一扫在手机打开当前页",
    "扫一扫在手机上查看当前页面",
    "打印本页",
    "关闭窗口",
    "打印",
    "关闭",
    "收藏",
    "分享到",
    "分享",
    "返回顶部",
    "【打印】",
    "【关闭】",
    "【关闭窗口】",
    "【打印本页】",
    "【收藏】",
    "【返回顶部】",
    "【大】",
    "【中】",
    "【小】",
];

/// Where a line stands, which decides what may count as chrome there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Before the title: a bare `a > b > c` trail is a breadcrumb.
    BeforeTitle,
    /// After the title, before any body text: a bare date line is the publication time.
    Header,
    /// In the body: a bare date is the signature date (落款) and stays text.
    Body,
}

/// Classifies a trimmed line standing at `place`; `None` means it is report text.
pub fn classify(line: &str, place: Place) -> Option<Chrome> {
    // Chrome lines are short; body paragraphs run to hundreds of characters and are most of
    // the input, so they skip the pattern checks below.
    if line.chars().nth(MAX_CHROME_CHARS).is_some() {
        return None;
    }
    if is_noise(line) {
        return Some(Chrome::Noise);
    }
    if let Some(trail) = line
        .strip_prefix("当前位置")
        .map(|s| s.trim_start_matches([':', '：', ' ', '\u{3000}']))
    {
        if let Some(crumbs) = breadcrumb(trail) {
            return Some(Chrome::Breadcrumb(crumbs));
        }
    }
    if place == Place::BeforeTitle {
        if let Some(crumbs) = breadcrumb(line) {
            return Some(Chrome::Breadcrumb(crumbs));
        }
    }
    let meta = meta(line)?;
    let labelled = meta.source.is_some()
        || meta.author.is_some()
        || meta.index_number.is_some()
        || leading_date(line).is_none();
    (labelled || place != Place::Body).then_some(Chrome::Meta(meta))
}

fn is_noise(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    if NOISE.contains(&compact.as_str()) {
        return true;
    }
    // 【字体：大 中 小】, 字号：大 中 小, [打印本页] [关闭窗口] and the like: every word a control.
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || "【】[]|｜".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    let is_size_switch = |w: &&str| {
        let w = w
            .strip_prefix("字体")
            .or_else(|| w.strip_prefix("字号"))
            .unwrap_or(w)
            .trim_start_matches([':', '：']);
        w.is_empty() || ["大", "中", "小", "默认"].contains(&w)
    };
    !words.is_empty()
        && (words.iter().all(|w| NOISE.contains(w))
            || (compact.starts_with("【字体")
                || compact.starts_with("字体")
                || compact.starts_with("字号"))
                && words.iter().all(is_size_switch))
}

fn breadcrumb(line: &str) -> Option<Vec<String>> {
    let crumbs: Vec<String> = line
        .split(['>', '＞', '»', '›'])
        .map(|s| s.trim().to_string())
        .collect();
    let well_formed = crumbs.len() >= 2
        && crumbs
            .iter()
            .all(|c| !c.is_empty() && c.chars().count() <= 40 && !c.contains(['<', '。', '，']));
    well_formed.then_some(crumbs)
}

/// Reads a publication line: an optional leading date-time, then `label: value` pairs, and
/// nothing else. A line with any other text is body, not chrome.
fn meta(line: &str) -> Option<Meta> {
    let mut meta = Meta::default();
    let mut rest = line.trim();
    let mut found = false;
    if let Some((date, after)) = leading_date(rest) {
        meta.published = Some(date);
        rest = after.trim_start();
        found = true;
    }
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || "【[|｜".contains(c));
        if rest.is_empty() {
            break;
        }
        let label = LABELS.iter().find(|l| rest.starts_with(*l))?;
        let after = rest[label.len()..].trim_start();
        let after = after
            .strip_prefix([':', '：'])
            .or_else(|| found.then_some(after).filter(|_| *label == "来源"))?;
        let end = next_label(after).unwrap_or(after.len());
        let value = after[..end]
            .trim()
            .trim_matches(['【', '】', '[', ']'])
            .trim();
        rest = after[end..].trim_start();
        found = true;
        let value = (!value.is_empty()).then(|| value.to_string());
        match *label {
            "发布时间" | "发布日期" | "时间" | "日期" | "成文日期" | "生成日期"
                if meta.published.is_none() =>
            {
                meta.published = value
                    .as_deref()
                    .and_then(|v| leading_date(v))
                    .map(|(d, _)| d);
            }
            "来源" | "信息来源" | "发布机构" | "发文机关" => {
                meta.source = meta.source.or(value);
            }
            "作者" => meta.author = value,
            "索引号" => meta.index_number = value,
            _ => {}
        }
    }
    found.then_some(meta)
}

/// Where the next `label:` starts in `s`, if any.
fn next_label(s: &str) -> Option<usize> {
    s.char_indices()
        .filter(|&(i, _)| i > 0)
        .find(|&(i, _)| {
            let tail = &s[i..];
            let before_ok =
                s[..i].ends_with(char::is_whitespace) || s[..i].ends_with(['】', ']', '|', '｜']);
            before_ok
                && LABELS.iter().any(|l| {
                    tail.starts_with(l) && tail[l.len()..].trim_start().starts_with([':', '：'])
                })
        })
        .map(|(i, _)| i)
        .or_else(|| {
            // `【字体：大 中 小】` often ends the line with no space before it.
            s.find("【")
        })
}

/// A date (and time) at the start of `s`, normalised to `YYYY-MM-DD[ HH:MM]`; the rest of `s`.
pub fn leading_date(s: &str) -> Option<(String, &str)> {
    let mut cur = Cursor(s);
    let year = cur.number(4, 4)?;
    cur.one_of(&['-', '/', '.', '年'])?;
    let month = cur.number(1, 2)?;
    cur.one_of(&['-', '/', '.', '月'])?;
    let day = cur.number(1, 2)?;
    let _ = cur.one_of(&['日']);
    if !(1990..=2100).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let date = format!("{year:04}-{month:02}-{day:02}");
    let after_date = cur.0;
    let mut time = Cursor(after_date.trim_start_matches([' ', '\u{3000}', 'T']));
    let hour_minute = (|| {
        let hour = time.number(1, 2)?;
        time.one_of(&[':', '：'])?;
        let minute = time.number(2, 2)?;
        (hour < 24 && minute < 60).then_some((hour, minute))
    })();
    match hour_minute {
        Some((hour, minute)) => Some((format!("{date} {hour:02}:{minute:02}"), time.0)),
        None => Some((date, after_date)),
    }
}

/// The unread rest of a string, for [`leading_date`].
struct Cursor<'a>(&'a str);

impl Cursor<'_> {
    /// An ASCII number of `min..=max` digits.
    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let len = self.0.bytes().take_while(u8::is_ascii_digit).count();
        if len < min || len > max {
            return None;
        }
        let value = self.0[..len].parse().ok()?;
        self.0 = &self.0[len..];
        Some(value)
    }

    fn one_of(&mut self, marks: &[char]) -> Option<char> {
        let c = self.0.chars().next().filter(|c| marks.contains(c))?;
        self.0 = &self.0[c.len_utf8()..];
        Some(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_publication_lines() {
        let Some(Chrome::Meta(m)) = classify(
            "2024-03-06 10:40 来源: 巴中市自然资源和规划局巴州分局 作者:刘玲",
            Place::Header,
        ) else {
            panic!()
        };
        assert_eq!(m.published.as_deref(), Some("2024-03-06 10:40"));
        assert_eq!(m.source.as_deref(), Some("巴中市自然资源和规划局巴州分局"));
        assert_eq!(m.author.as_deref(), Some("刘玲"));

        let Some(Chrome::Meta(m)) = classify(
            "发布时间：2024年3月28日 来源：某县司法局 浏览次数：1024 【字体：大 中 小】",
            Place::Body,
        ) else {
            panic!()
        };
        assert_eq!(m.published.as_deref(), Some("2024-03-28"));
        assert_eq!(m.source.as_deref(), Some("某县司法局"));

        let Some(Chrome::Meta(m)) = classify("索引号：11510000MB1234567X/2024-00012", Place::Body)
        else {
            panic!()
        };
        assert_eq!(
            m.index_number.as_deref(),
            Some("11510000MB1234567X/2024-00012")
        );
    }

    #[test]
    fn recognises_breadcrumbs_and_controls() {
        assert_eq!(
            classify("当前位置：首页 > 政务公开 > 法治政府建设", Place::Body),
            Some(Chrome::Breadcrumb(vec![
                "首页".into(),
                "政务公开".into(),
                "法治政府建设".into()
            ]))
        );
        assert!(matches!(
            classify("政务公开 > 某局 > 其他法定信息", Place::BeforeTitle),
            Some(Chrome::Breadcrumb(_))
        ));
        assert_eq!(
            classify("政务公开 > 某局 > 其他法定信息", Place::Body),
            None
        );
        for line in [
            "扫一扫在手机打开当前页",
            "【字体：大 中 小】",
            "字号：大 中 小",
            "打印本页 关闭窗口",
            "【打印】 【关闭】",
            "分享到",
        ] {
            assert_eq!(classify(line, Place::Body), Some(Chrome::Noise), "{line}");
        }
    }

    #[test]
    fn a_bare_date_is_the_publication_time_only_in_the_header() {
        assert!(matches!(
            classify("2024年3月28日", Place::Header),
            Some(Chrome::Meta(_))
        ));
        assert_eq!(classify("2024年3月28日", Place::Body), None);
    }

    #[test]
    fn body_text_is_not_chrome() {
        for line in [
            "2023年，共开展常态化巡查约850人次。",
            "2023年6月16日，省自然资源厅表彰我局。",
            "来源于群众的诉求，我局均按期办结。",
            "时间紧、任务重，我局按时完成。",
            "一是宣传教育工作有待加强。",
            "打印机采购项目已完成。",
        ] {
            assert_eq!(classify(line, Place::Header), None, "{line}");
            assert_eq!(classify(line, Place::Body), None, "{line}");
        }
    }
}
