//! Portal chrome: the lines a page copy brings along that are not part of the report
//! (breadcrumbs, publication lines, font-size and print links, QR prompts). Their metadata is
//! kept; the rest is dropped.

/// What a line of portal chrome says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chrome {
    /// A breadcrumb trail; empty for a bare `当前位置：` whose crumbs follow one per line.
    Breadcrumb(Vec<String>),
    /// A line holding only a crumb separator (`>`): the lines around it are crumbs.
    Separator,
    /// An attachment's file name, without its extension (`2022年法治建设情况报告`).
    Attachment(String),
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
    /// A label whose value stands on the next line (`来源：` alone).
    pub pending: Option<Field>,
}

/// A metadata field whose value may come on the line after its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Published,
    Source,
    Author,
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
    "附件下载",
    "附件",
    "相关附件",
    "下载附件",
    "相关链接",
    "我要纠错",
    "【我要纠错】",
    "视力保护色",
];

/// Share widgets: `分享:` followed by the services' names, alone or glued to a time line.
const SHARE: &[&str] = &[
    "分享",
    "分享到",
    "一键分享",
    "微信",
    "微博",
    "新浪微博",
    "腾讯微博",
    "QQ空间",
    "QQ好友",
    "QQ",
    "朋友圈",
    "微信好友",
    "人人网",
    "豆瓣",
    "复制链接",
    "更多",
];

/// Words that open a breadcrumb line.
const TRAIL_LABELS: &[&str] = &[
    "您现在的位置",
    "您当前的位置",
    "您所在的位置",
    "您的位置",
    "当前位置",
    "所在位置",
];

/// Crumbs that commonly open a glued trail (`首页政务公开部门文件`), peeled off in order.
const LEADING_CRUMBS: &[&str] = &[
    "首页",
    "政府信息公开",
    "政务公开",
    "信息公开",
    "法定主动公开内容",
];

/// File extensions of attachments listed under a page.
const ATTACHMENT_EXTENSIONS: &[&str] = &[
    ".pdf", ".doc", ".docx", ".wps", ".xls", ".xlsx", ".et", ".ofd", ".zip", ".rar", ".txt",
];

/// Words that name a document of the genre; a chrome line holding one can stand for the title.
pub const GENRE_WORDS: &[&str] = &[
    "报告", "总结", "情况", "公报", "要点", "计划", "规划", "方案", "纪要", "年报",
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
    if is_noise(line) || is_caption(line) {
        return Some(Chrome::Noise);
    }
    if line.chars().all(|c| c.is_whitespace() || is_separator(c)) {
        return Some(Chrome::Separator);
    }
    if let Some(name) = attachment(line) {
        return Some(Chrome::Attachment(name));
    }
    if let Some(trail) = TRAIL_LABELS.iter().find_map(|l| line.strip_prefix(l)) {
        let trail = trail.trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == '：');
        // After a trail label, whatever the separators (or none), the line is a breadcrumb.
        if let Some(crumbs) = breadcrumb(trail).or_else(|| glued_crumbs(trail)) {
            return Some(Chrome::Breadcrumb(crumbs));
        }
    }
    if place == Place::BeforeTitle {
        if let Some(crumbs) = breadcrumb(line) {
            return Some(Chrome::Breadcrumb(crumbs));
        }
        if line == "首页" {
            return Some(Chrome::Breadcrumb(vec![line.to_string()]));
        }
    }
    let meta = meta(line)?;
    let labelled = meta.source.is_some()
        || meta.author.is_some()
        || meta.index_number.is_some()
        || leading_date(line).is_none();
    (labelled || place != Place::Body).then_some(Chrome::Meta(meta))
}

fn is_separator(c: char) -> bool {
    matches!(c, '>' | '＞' | '»' | '›' | '〉')
}

fn is_noise(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    if NOISE.contains(&compact.as_str()) || is_share(line) {
        return true;
    }
    // 上一篇：… / 下一篇：… links to the neighbouring pages.
    if ["上一篇", "下一篇"].iter().any(|p| compact.starts_with(p)) {
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

/// A share widget: every word (colons dropped) names a sharing service.
fn is_share(s: &str) -> bool {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || "|｜【】[]".contains(c))
        .map(|w| w.trim_matches([':', '：']))
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.iter().all(|w| {
            SHARE.contains(w)
                || w.strip_prefix("分享到")
                    .or_else(|| w.strip_prefix("分享"))
                    .map(|r| r.trim_start_matches([':', '：']))
                    .is_some_and(|r| SHARE.contains(&r))
        })
}

/// A photo caption under a picture of the page (`图为…`, `▲…`, `（摄影：…）`).
fn is_caption(line: &str) -> bool {
    let line = line.trim_start_matches(['（', '(']);
    [
        "图为",
        "▲",
        "△",
        "图片来源",
        "摄影：",
        "摄影:",
        "图：",
        "图片：",
    ]
    .iter()
    .any(|p| line.starts_with(p))
        && line.chars().count() <= 100
}

/// The name of an attached file (`2022年法治建设情况报告.pdf`), without its extension.
fn attachment(line: &str) -> Option<String> {
    if line.chars().count() > 100 || line.contains('。') {
        return None;
    }
    let lower = line.to_ascii_lowercase();
    let ext = ATTACHMENT_EXTENSIONS
        .iter()
        .find(|e| lower.ends_with(*e) && lower.len() > e.len())?;
    let stem = line[..line.len() - ext.len()].trim();
    // `附件1：…` or `附件：…` before the name belongs to the list, not the name.
    let stem = match stem.find(['：', ':']) {
        Some(at) if stem[..at].starts_with("附件") => stem[at..].trim_start_matches(['：', ':']),
        _ => stem,
    };
    Some(stem.trim().to_string())
}

/// Crumbs glued together with no separator (`首页政务公开部门文件`): the common leading
/// crumbs are peeled off; the rest stays one crumb. Space-separated crumbs are split.
fn glued_crumbs(trail: &str) -> Option<Vec<String>> {
    if trail.chars().count() > 80 || trail.contains(['。', '，', '；']) {
        return None;
    }
    let mut crumbs = Vec::new();
    for word in trail.split_whitespace() {
        let mut rest = word;
        while let Some(lead) = LEADING_CRUMBS
            .iter()
            .find(|c| rest.starts_with(*c) && rest.len() > c.len())
        {
            crumbs.push(lead.to_string());
            rest = &rest[lead.len()..];
        }
        crumbs.push(rest.to_string());
    }
    Some(crumbs)
}

fn breadcrumb(line: &str) -> Option<Vec<String>> {
    let mut crumbs: Vec<String> = line
        .split(is_separator)
        .map(|s| s.trim().to_string())
        .collect();
    // A trail may end (or start) with a separator: `首页 > 政务公开 >`.
    if crumbs.last().is_some_and(String::is_empty) {
        crumbs.pop();
    }
    if crumbs.first().is_some_and(String::is_empty) {
        crumbs.remove(0);
    }
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
        // Share buttons or page controls glued on: `来源：县司法局 【打印】【关闭】`.
        if rest.is_empty() || (found && (is_share(rest) || is_noise(rest))) {
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
        // Share buttons glued to the value: `时间：2023-04-02 09:15 微信 微博 QQ空间`.
        let value = value
            .split_whitespace()
            .take_while(|w| !is_share(w))
            .collect::<Vec<_>>()
            .join(" ");
        let value = (!value.is_empty()).then_some(value);
        if value.is_none() {
            meta.pending = match *label {
                "发布时间" | "发布日期" | "时间" | "日期" => Some(Field::Published),
                "来源" | "信息来源" | "发布机构" => Some(Field::Source),
                "作者" => Some(Field::Author),
                _ => meta.pending,
            };
        }
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

/// Longest line that may be a title; titles of the genre run to about 50 characters.
const MAX_TITLE_CHARS: usize = 80;

/// Whether a line may be a title (or another header line: subtitle, speaker, source): short
/// and without the punctuation of a sentence. `2022年以来，全区系统…` is body text.
pub fn title_like(line: &str) -> bool {
    line.chars().count() <= MAX_TITLE_CHARS
        && !line.contains(['。', '，', '；', '！', '？', ';', '!', '?'])
        && !line.ends_with(['：', ':', '、'])
}

/// A letter-spaced line (`政 府 工 作 报 告`) with its spaces taken out; `None` when the line
/// is not letter-spaced.
pub fn unspaced(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let spaced = words.len() >= 3 && words.iter().all(|w| w.chars().count() <= 2);
    spaced.then(|| words.concat())
}

/// A subtitle under the title: `——在…会议上`, `（2024年1月10日在…大会上）`.
pub fn is_subtitle(line: &str) -> bool {
    if line.starts_with(['—', '－']) || line.starts_with("--") {
        return true;
    }
    let bracketed = (line.starts_with('（') && line.ends_with('）'))
        || (line.starts_with('(') && line.ends_with(')'));
    bracketed && line.contains('在') && line.contains("会")
}

/// Official posts a speaker line names before the speaker (`区长　　张某某`).
const POSTS: &[&str] = &[
    "长",
    "书记",
    "主任",
    "主席",
    "委员",
    "代表",
    "负责人",
    "秘书",
];

/// The speaker of a speech-like report, from a line `<post><spaces><name>`.
pub fn speaker(line: &str) -> Option<String> {
    let line = line.trim();
    let cut = line.rfind(char::is_whitespace)?;
    let (post, name) = (line[..cut].trim_end(), line[cut..].trim_start());
    let han = |s: &str| s.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let post_ok = !post.is_empty()
        && post.chars().count() <= 24
        && post.split_whitespace().all(han)
        && POSTS.iter().any(|p| post.ends_with(p));
    let name_ok = (2..=4).contains(&name.chars().count()) && han(name);
    (post_ok && name_ok).then(|| name.to_string())
}

/// Whether a chrome line's text (a crumb, an attachment's name) could be the report's title.
pub fn names_a_report(text: &str) -> bool {
    text.chars().count() >= 6 && GENRE_WORDS.iter().any(|w| text.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_publication_line_with_controls_glued_on_is_chrome() {
        let Some(Chrome::Meta(meta)) = classify(
            "时间：2024-02-28 来源：县司法局 【打印】【关闭】",
            Place::Header,
        ) else {
            panic!("not read as a publication line");
        };
        assert_eq!(meta.published.as_deref(), Some("2024-02-28"));
        assert_eq!(meta.source.as_deref(), Some("县司法局"));
        // A sentence that ends in a word like 关闭 is still text.
        assert_eq!(
            classify("2023年共关闭违规网站3个，打印宣传资料。", Place::Body),
            None
        );
    }

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

    #[test]
    fn real_page_chrome() {
        assert_eq!(
            classify("当前位置：首页政务公开部门文件", Place::Body),
            Some(Chrome::Breadcrumb(vec![
                "首页".into(),
                "政务公开".into(),
                "部门文件".into()
            ]))
        );
        for line in [
            "分享:",
            "分享到： 微信 微博 QQ空间",
            "附件下载",
            "图为执法人员在现场检查",
        ] {
            assert_eq!(classify(line, Place::Header), Some(Chrome::Noise), "{line}");
        }
        assert_eq!(classify(">", Place::BeforeTitle), Some(Chrome::Separator));
        assert_eq!(
            classify("2022年法治建设情况报告.pdf", Place::Body),
            Some(Chrome::Attachment("2022年法治建设情况报告".into()))
        );
        let Some(Chrome::Meta(m)) =
            classify("时间：2023-04-02 09:15 微信 微博 QQ空间", Place::Header)
        else {
            panic!()
        };
        assert_eq!(m.published.as_deref(), Some("2023-04-02 09:15"));
        let Some(Chrome::Meta(m)) = classify("来源：", Place::Header) else {
            panic!()
        };
        assert_eq!(m.pending, Some(Field::Source));
    }

    #[test]
    fn title_lines() {
        assert!(title_like("某县司法局2023年度法治政府建设情况报告"));
        assert!(!title_like("2022年以来，全区系统深入推进法治建设。"));
        assert_eq!(
            unspaced("政 府 工 作 报 告").as_deref(),
            Some("政府工作报告")
        );
        assert_eq!(unspaced("某县 司法局"), None);
        assert!(is_subtitle(
            "——2024年1月8日在某某区第三届人民代表大会第四次会议上"
        ));
        assert_eq!(speaker("区长　　王某某").as_deref(), Some("王某某"));
        assert_eq!(speaker("法治建设 工作"), None);
    }
}
