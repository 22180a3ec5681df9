//! What a published page carries besides its HTML: the report and its search tables as one
//! JSON block, written so that no report text can end the block or run as script, plus the
//! text escaping the page's head needs. Plain data; `gongkai site` writes it and the viewer
//! reads it.

use serde::{Deserialize, Serialize};

use crate::{id::MetricId, report::Report, search::TableText};

/// The data a report's page bundles for the viewer, in `<script type="application/json"
/// id="gk-data">`: the page never fetches its report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageData {
    pub report: Report,
    /// Search tables cut for this report's characters.
    pub search_tables: TableText,
    /// This report's figures that line up with other years' reports on the same site (历年对比),
    /// each with its whole series: the figure's card shows it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<FigureHistory>,
}

/// A figure of the report and its series over the years, oldest first (this report's value
/// among them, without an address).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureHistory {
    pub metric: MetricId,
    pub values: Vec<HistoryValue>,
}

/// One year's value in a figure's series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryValue {
    pub year: Option<i32>,
    /// As written: `64件`.
    pub raw: String,
    /// Its change from the value before it (`+9.4%`), when there is one.
    pub change: Option<String>,
    /// Where the value's sentence is (`../county-justice-2022/#/m/3.p1.m0`); `None` for this
    /// report's own value.
    pub href: Option<String>,
}

/// Element the reader is prerendered into, and that the viewer hydrates.
pub const ROOT_ELEMENT_ID: &str = "gongkai";

/// Element id of the data block in a page.
pub const DATA_ELEMENT_ID: &str = "gk-data";

/// Characters of the report's opening a page's description holds.
pub const DESCRIPTION_CHARS: usize = 120;

impl PageData {
    /// The report with its search tables cut for it.
    #[cfg(feature = "tables")]
    pub fn new(report: Report) -> PageData {
        let text: String = report.blocks().map(|(_, text)| text).collect();
        let search_tables = crate::search::tables_for(text.chars());
        PageData {
            report,
            search_tables,
            history: Vec::new(),
        }
    }

    /// The JSON for the page's data block. `<`, `>` and `&` are written as `\u003c`, `\u003e`
    /// and `\u0026`, so no text can close the `<script>` element or open a comment in it, and
    /// U+2028/U+2029 as escapes, so the block is also valid JavaScript should anything ever
    /// evaluate it. They occur only inside JSON strings, where the escapes mean the same.
    pub fn to_script_json(&self) -> String {
        let json = serde_json::to_string(self).expect("a report always serialises");
        escape_script_json(&json)
    }

    /// Reads a data block's text back.
    pub fn from_script_json(text: &str) -> Result<PageData, serde_json::Error> {
        serde_json::from_str(text)
    }
}

/// JSON made safe to stand inside `<script type="application/json">` (see
/// [`PageData::to_script_json`]).
pub fn escape_script_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Text for HTML: element content and double-quoted attribute values alike.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// What a search engine or a chat preview shows of a report: its opening words, white space
/// folded, cut at about [`DESCRIPTION_CHARS`] characters (at a sentence end when one is near).
pub fn description(report: &Report) -> String {
    let opening = report
        .preamble
        .iter()
        .chain(report.all_sections().flat_map(|s| &s.paragraphs))
        .map(|p| p.text.as_str())
        .find(|t| t.chars().count() >= 20)
        .unwrap_or(report.title.as_str());
    let folded: String = opening.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = folded.chars().collect();
    if chars.len() <= DESCRIPTION_CHARS {
        return folded;
    }
    let cut = &chars[..DESCRIPTION_CHARS];
    match cut.iter().rposition(|&c| c == '。') {
        Some(end) if end >= DESCRIPTION_CHARS / 2 => cut[..=end].iter().collect(),
        _ => cut.iter().collect::<String>() + "…",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_its_element_and_reads_back() {
        let mut report = crate::parse::parse(
            "标题</script><script>alert(1)</script>\n前言<!-- x --> &lt; \"引号\" '单引号'\u{2028}\u{2029}。\n",
        );
        report.source = Some("</SCRIPT >".to_string());
        let data = PageData {
            report,
            search_tables: TableText::default(),
            history: vec![FigureHistory {
                metric: "1.p0.m0".parse().unwrap(),
                values: vec![HistoryValue {
                    year: Some(2022),
                    raw: "</script>12件".to_string(),
                    change: None,
                    href: Some("../a/#/m/1.p0.m0".to_string()),
                }],
            }],
        };
        let json = data.to_script_json();
        for bad in ["<", ">", "\u{2028}", "\u{2029}"] {
            assert!(!json.contains(bad), "{bad:?} in {json}");
        }
        assert!(!json.to_lowercase().contains("</script"));
        assert_eq!(PageData::from_script_json(&json).unwrap(), data);
    }

    #[test]
    fn html_escaping_covers_content_and_attributes() {
        assert_eq!(
            escape_html(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn description_is_the_opening_cut_at_a_sentence() {
        let long = "根据区法治办工作要求，现将我局情况报告如下。".repeat(8);
        let report = crate::parse::parse(&format!("标题\n短。\n{long}\n"));
        let text = description(&report);
        assert!(text.starts_with("根据区法治办"));
        assert!(text.ends_with('。'));
        assert!(text.chars().count() <= DESCRIPTION_CHARS);
    }
}
