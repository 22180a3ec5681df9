//! Typed ids for the places of a report: sections, blocks of text and figures.
//!
//! Their text forms are the wire format of the report JSON and of every address ever shared
//! (`2.3.1`, `2.3.1.p0`, `2.3.1.t`, `p0`, `title`, `2.3.1.p0.m8`), so `Display` and `FromStr`
//! here are the only place that writes or reads them; everything else holds the types.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Largest ordinal accepted when reading an id (far beyond any report; keeps ids short).
const MAX_ORDINAL: u32 = 999_999;
/// Deepest outline accepted when reading an id (the parser makes at most 4 levels, a few more
/// when a report mixes forms).
const MAX_DEPTH: usize = 16;

/// A section's path of ordinals in the report's outline: `2.3.1` is the first child of the
/// third child of the second top-level section. Ordinals start at 1. Ordered in document
/// order (a section comes before its children, which come before its next sibling).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SectionId(Vec<u32>);

/// A block of text: what search hits, figures and highlights are positioned in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BlockId {
    /// The report's title (`title`).
    Title,
    /// The n-th paragraph before the first heading (`p0`).
    Preamble(u32),
    /// A section's heading (`2.3.t`). Its text is the number followed by the title, as the
    /// heading is written (see [`crate::report::Section::heading_text`]).
    Heading(SectionId),
    /// The n-th paragraph of a section (`2.3.p0`).
    Paragraph(SectionId, u32),
}

/// A figure: the n-th figure of a block (`2.3.p0.m8`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MetricId {
    pub block: BlockId,
    pub index: u32,
}

/// Why a string is not an id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdError {
    pub text: String,
    pub expected: &'static str,
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "“{}” is not {}", self.text, self.expected)
    }
}

impl std::error::Error for IdError {}

fn ordinal(part: &str, min: u32) -> Option<u32> {
    // Canonical digits only, so that every id has exactly one spelling.
    if part.is_empty() || part.len() > 6 || (part.len() > 1 && part.starts_with('0')) {
        return None;
    }
    if !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse()
        .ok()
        .filter(|n| (min..=MAX_ORDINAL).contains(n))
}

impl SectionId {
    /// The n-th top-level section (n from 1).
    pub fn top(n: u32) -> SectionId {
        SectionId(vec![n])
    }

    /// The n-th child of this section (n from 1).
    pub fn child(&self, n: u32) -> SectionId {
        let mut path = self.0.clone();
        path.push(n);
        SectionId(path)
    }

    /// The ordinals from the top of the outline down.
    pub fn ordinals(&self) -> &[u32] {
        &self.0
    }

    /// 0 for a top-level section, 1 for its children, ….
    pub fn depth(&self) -> usize {
        self.0.len() - 1
    }

    /// The enclosing section, `None` at the top.
    pub fn parent(&self) -> Option<SectionId> {
        (self.0.len() > 1).then(|| SectionId(self.0[..self.0.len() - 1].to_vec()))
    }

    /// Whether this section is `ancestor` or lies inside it (`1.1.2` is within `1` and
    /// `1.1`, not within `1.10`).
    pub fn is_within(&self, ancestor: &SectionId) -> bool {
        self.0.starts_with(&ancestor.0)
    }

    /// This section and every section that encloses it, outermost first.
    pub fn lineage(&self) -> impl Iterator<Item = SectionId> + '_ {
        (1..=self.0.len()).map(|n| SectionId(self.0[..n].to_vec()))
    }

    /// Heap memory the id holds, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.0.capacity() * std::mem::size_of::<u32>()
    }

    /// The block of this section's heading.
    pub fn heading(&self) -> BlockId {
        BlockId::Heading(self.clone())
    }

    /// The block of this section's n-th paragraph.
    pub fn paragraph(&self, n: u32) -> BlockId {
        BlockId::Paragraph(self.clone(), n)
    }
}

impl fmt::Display for SectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, n) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            write!(f, "{n}")?;
        }
        Ok(())
    }
}

impl FromStr for SectionId {
    type Err = IdError;

    fn from_str(text: &str) -> Result<Self, IdError> {
        let error = || IdError {
            text: text.chars().take(80).collect(),
            expected: "a section id such as 2.3.1",
        };
        let path: Option<Vec<u32>> = text.split('.').map(|p| ordinal(p, 1)).collect();
        match path {
            Some(path) if !path.is_empty() && path.len() <= MAX_DEPTH => Ok(SectionId(path)),
            _ => Err(error()),
        }
    }
}

impl BlockId {
    /// The section the block stands in; `None` for the title and the preamble.
    pub fn section(&self) -> Option<&SectionId> {
        match self {
            BlockId::Title | BlockId::Preamble(_) => None,
            BlockId::Heading(section) | BlockId::Paragraph(section, _) => Some(section),
        }
    }

    /// The n-th figure of this block.
    pub fn metric(&self, index: u32) -> MetricId {
        MetricId {
            block: self.clone(),
            index,
        }
    }
}

impl fmt::Display for BlockId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BlockId::Title => f.write_str("title"),
            BlockId::Preamble(n) => write!(f, "p{n}"),
            BlockId::Heading(section) => write!(f, "{section}.t"),
            BlockId::Paragraph(section, n) => write!(f, "{section}.p{n}"),
        }
    }
}

/// `p12` → 12.
fn paragraph_ordinal(part: &str) -> Option<u32> {
    ordinal(part.strip_prefix('p')?, 0)
}

impl FromStr for BlockId {
    type Err = IdError;

    fn from_str(text: &str) -> Result<Self, IdError> {
        let error = || IdError {
            text: text.chars().take(80).collect(),
            expected: "a block id such as title, p0, 2.3.t or 2.3.p0",
        };
        if text == "title" {
            return Ok(BlockId::Title);
        }
        match text.rsplit_once('.') {
            None => paragraph_ordinal(text)
                .map(BlockId::Preamble)
                .ok_or_else(error),
            Some((section, "t")) => section.parse().map(BlockId::Heading).map_err(|_| error()),
            Some((section, last)) => {
                let n = paragraph_ordinal(last).ok_or_else(error)?;
                let section = section.parse().map_err(|_| error())?;
                Ok(BlockId::Paragraph(section, n))
            }
        }
    }
}

impl MetricId {
    /// The section the figure stands in; `None` in the title and the preamble.
    pub fn section(&self) -> Option<&SectionId> {
        self.block.section()
    }
}

impl fmt::Display for MetricId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.m{}", self.block, self.index)
    }
}

impl FromStr for MetricId {
    type Err = IdError;

    fn from_str(text: &str) -> Result<Self, IdError> {
        let error = || IdError {
            text: text.chars().take(80).collect(),
            expected: "a figure id such as 2.3.p0.m8",
        };
        let (block, last) = text.rsplit_once('.').ok_or_else(error)?;
        let index = last
            .strip_prefix('m')
            .and_then(|n| ordinal(n, 0))
            .ok_or_else(error)?;
        let block = block.parse().map_err(|_| error())?;
        Ok(MetricId { block, index })
    }
}

/// Serialised as their text forms, the report JSON's contract.
macro_rules! string_serde {
    ($($ty:ty),*) => {$(
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    )*};
}

string_serde!(SectionId, BlockId, MetricId);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_wire_form_reads_back_to_itself() {
        for text in ["1", "2.3.1", "10.12", "9999"] {
            assert_eq!(text.parse::<SectionId>().unwrap().to_string(), text);
        }
        for text in ["title", "p0", "p12", "2.t", "2.3.1.t", "2.3.1.p0", "1.p10"] {
            assert_eq!(text.parse::<BlockId>().unwrap().to_string(), text);
        }
        for text in ["p0.m1", "2.3.3.p0.m8", "2.2.t.m0", "title.m0"] {
            assert_eq!(text.parse::<MetricId>().unwrap().to_string(), text);
        }
    }

    #[test]
    fn reads_the_parts_it_names() {
        let metric: MetricId = "2.3.3.p0.m8".parse().unwrap();
        assert_eq!(metric.index, 8);
        assert_eq!(
            metric.block,
            BlockId::Paragraph(SectionId(vec![2, 3, 3]), 0)
        );
        assert_eq!(metric.section().unwrap().to_string(), "2.3.3");
        let heading: BlockId = "2.2.t".parse().unwrap();
        assert_eq!(heading, SectionId(vec![2, 2]).heading());
        assert_eq!("p3".parse::<BlockId>().unwrap(), BlockId::Preamble(3));
    }

    #[test]
    fn malformed_ids_are_errors_not_panics() {
        for text in [
            "",
            ".",
            "1.",
            ".1",
            "1..2",
            "0",
            "01",
            "1.0",
            "abc",
            "1234567",
            "-1",
            "1 ",
            "１",
            "1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17",
        ] {
            assert!(text.parse::<SectionId>().is_err(), "{text:?}");
        }
        for text in [
            "", "t", "p", "px", "p01", "1.q0", "1..p0", "title.t", "1.p0.p1", "P0",
        ] {
            assert!(text.parse::<BlockId>().is_err(), "{text:?}");
        }
        for text in [
            "",
            "m0",
            "p0",
            "p0.m",
            "p0.mx",
            "p0.m01",
            "<script>.m0",
            "1.x.m0",
        ] {
            assert!(text.parse::<MetricId>().is_err(), "{text:?}");
        }
    }

    #[test]
    fn sections_nest_by_path_not_by_prefix() {
        let s = |t: &str| t.parse::<SectionId>().unwrap();
        assert!(s("1.1.2").is_within(&s("1")));
        assert!(s("1.1.2").is_within(&s("1.1.2")));
        assert!(!s("1.10").is_within(&s("1.1")));
        assert_eq!(s("1.1.2").parent(), Some(s("1.1")));
        assert_eq!(s("3").parent(), None);
        assert_eq!(
            s("2.3.1")
                .lineage()
                .map(|x| x.to_string())
                .collect::<Vec<_>>(),
            ["2", "2.3", "2.3.1"]
        );
        // Document order: a section, its children, then its next sibling.
        let mut ids = [s("2"), s("1.10"), s("1.2"), s("1"), s("1.2.1")];
        ids.sort();
        let sorted: Vec<String> = ids.iter().map(ToString::to_string).collect();
        assert_eq!(sorted, ["1", "1.2", "1.2.1", "1.10", "2"]);
    }

    #[test]
    fn serialises_as_the_wire_text() {
        let id: MetricId = "2.2.t.m0".parse().unwrap();
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, "\"2.2.t.m0\"");
        assert_eq!(serde_json::from_str::<MetricId>(&json).unwrap(), id);
        assert!(serde_json::from_str::<SectionId>("\"x\"").is_err());
    }
}
