//! Reads a page's data block in the browser: parsed by the browser's own `JSON.parse`, then
//! taken field by field into the model. The contract is `publish::PageData`'s JSON; serde's
//! derived readers would cost the bundle about 23 KB (gzip) for what this does in a few.
//! Every published page checks this code: its text must not change when the app hydrates it
//! (tests/browser), which it would if a field were read wrongly.

use std::str::FromStr;

use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::JsValue;

use crate::{
    publish::{FigureHistory, HistoryValue, PageData},
    report::{Cell, Metric, Paragraph, Report, Section, Table, Warning},
    search::TableText,
};

/// Why a data block could not be read: the field it stopped at.
pub type Problem = String;

pub fn read(json: &str) -> Result<PageData, Problem> {
    let value = JSON::parse(json).map_err(|_| "报告数据不是有效的 JSON".to_string())?;
    let tables = field(&value, "search_tables")?;
    Ok(PageData {
        report: report(&field(&value, "report")?)?,
        search_tables: TableText {
            simplified: string(&tables, "simplified")?,
            readings: string(&tables, "readings")?,
        },
        history: list(&value, "history", figure_history)?,
    })
}

fn figure_history(value: &JsValue) -> Result<FigureHistory, Problem> {
    Ok(FigureHistory {
        metric: id(value, "metric")?,
        values: list(value, "values", |v| {
            let year = field(v, "year")?;
            Ok(HistoryValue {
                year: if year.is_null() || year.is_undefined() {
                    None
                } else {
                    Some(number(v, "year")? as i32)
                },
                raw: string(v, "raw")?,
                change: optional_string(v, "change")?,
                href: optional_string(v, "href")?,
            })
        })?,
    })
}

fn field(value: &JsValue, name: &str) -> Result<JsValue, Problem> {
    Reflect::get(value, &JsValue::from_str(name)).map_err(|_| format!("缺少 {name}"))
}

fn string(value: &JsValue, name: &str) -> Result<String, Problem> {
    field(value, name)?
        .as_string()
        .ok_or_else(|| format!("{name} 应为文字"))
}

fn optional_string(value: &JsValue, name: &str) -> Result<Option<String>, Problem> {
    let v = field(value, name)?;
    if v.is_null() || v.is_undefined() {
        return Ok(None);
    }
    v.as_string()
        .map(Some)
        .ok_or_else(|| format!("{name} 应为文字"))
}

fn number(value: &JsValue, name: &str) -> Result<f64, Problem> {
    field(value, name)?
        .as_f64()
        .ok_or_else(|| format!("{name} 应为数字"))
}

/// A count or position; absent (older data) reads as 0.
fn count(value: &JsValue, name: &str) -> Result<usize, Problem> {
    let v = field(value, name)?;
    if v.is_undefined() {
        return Ok(0);
    }
    v.as_f64()
        .filter(|n| *n >= 0.0 && n.fract() == 0.0)
        .map(|n| n as usize)
        .ok_or_else(|| format!("{name} 应为非负整数"))
}

fn id<T: FromStr>(value: &JsValue, name: &str) -> Result<T, Problem> {
    string(value, name)?
        .parse()
        .map_err(|_| format!("{name} 不是有效的编号"))
}

fn list<T>(
    value: &JsValue,
    name: &str,
    read: impl Fn(&JsValue) -> Result<T, Problem>,
) -> Result<Vec<T>, Problem> {
    let v = field(value, name)?;
    if v.is_undefined() {
        return Ok(Vec::new());
    }
    if !Array::is_array(&v) {
        return Err(format!("{name} 应为列表"));
    }
    Array::from(&v).iter().map(|item| read(&item)).collect()
}

fn report(value: &JsValue) -> Result<Report, Problem> {
    Ok(Report {
        title: string(value, "title")?,
        breadcrumb: list(value, "breadcrumb", |v| {
            v.as_string()
                .ok_or_else(|| "breadcrumb 应为文字".to_string())
        })?,
        published: optional_string(value, "published")?,
        source: optional_string(value, "source")?,
        author: optional_string(value, "author")?,
        index_number: optional_string(value, "index_number")?,
        preamble: list(value, "preamble", paragraph)?,
        sections: list(value, "sections", section)?,
        metrics: list(value, "metrics", metric)?,
        warnings: list(value, "warnings", |v| {
            Ok(Warning {
                line: count(v, "line")?,
                message: string(v, "message")?,
            })
        })?,
    })
}

fn paragraph(value: &JsValue) -> Result<Paragraph, Problem> {
    // A table block carries `"kind": "table"` beside its caption and rows.
    let table = match optional_string(value, "kind")?.as_deref() {
        None => None,
        Some("table") => Some(Table {
            kind: Default::default(),
            caption: optional_string(value, "caption")?,
            rows: list(value, "rows", |row| {
                if !Array::is_array(row) {
                    return Err("rows 应为列表".to_string());
                }
                Array::from(row).iter().map(|c| cell(&c)).collect()
            })?,
        }),
        Some(other) => return Err(format!("不认识的块类型 {other}")),
    };
    Ok(Paragraph {
        id: id(value, "id")?,
        text: string(value, "text")?,
        line: count(value, "line")?,
        table,
    })
}

fn cell(value: &JsValue) -> Result<Cell, Problem> {
    let span = |name: &str| -> Result<u32, Problem> {
        u32::try_from(count(value, name)?.max(1)).map_err(|_| format!("{name} 过大"))
    };
    Ok(Cell {
        text: string(value, "text")?,
        rowspan: span("rowspan")?,
        colspan: span("colspan")?,
        header: field(value, "header")?.as_bool().unwrap_or(false),
    })
}

fn section(value: &JsValue) -> Result<Section, Problem> {
    Ok(Section {
        id: id(value, "id")?,
        level: u8::try_from(count(value, "level")?).map_err(|_| "level 过大".to_string())?,
        number: string(value, "number")?,
        title: string(value, "title")?,
        title_end: optional_string(value, "title_end")?,
        line: count(value, "line")?,
        paragraphs: list(value, "paragraphs", paragraph)?,
        children: list(value, "children", section)?,
    })
}

fn metric(value: &JsValue) -> Result<Metric, Problem> {
    let span = list(value, "span", |v| {
        v.as_f64()
            .map(|n| n as usize)
            .ok_or_else(|| "span 应为数字".to_string())
    })?;
    let [start, end] = span[..] else {
        return Err("span 应为两个数字".to_string());
    };
    let section = optional_string(value, "section")?
        .map(|s| s.parse().map_err(|_| "section 不是有效的编号".to_string()))
        .transpose()?;
    Ok(Metric {
        id: id(value, "id")?,
        section,
        paragraph: id(value, "paragraph")?,
        span: [start, end],
        raw: string(value, "raw")?,
        value: number(value, "value")?,
        unit: string(value, "unit")?,
        qualifier: optional_string(value, "qualifier")?,
        label: string(value, "label")?,
        label_inferred: field(value, "label_inferred")?.as_bool().unwrap_or(false),
    })
}
