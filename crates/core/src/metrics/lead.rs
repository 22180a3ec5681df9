//! The few figures that say most about a report: what a shelf shows beside its title and what
//! a 数说 view can lead with. The rule, in order: money first (what was collected, spent,
//! recovered), then cases handled, then people served, then rates; within a kind the largest
//! value; one figure per kind before a second of any kind; never two with the same label.

use crate::report::{Metric, Report};

/// What a figure counts, by its unit, most telling first.
fn kind(metric: &Metric) -> Option<u8> {
    Some(match metric.unit.as_str() {
        "元" | "美元" => 0,
        "件" | "宗" | "起" | "案" | "例" => 1,
        "人" | "人次" | "名" | "户" | "家" => 2,
        "%" => 3,
        _ => return None,
    })
}

/// Up to `n` figures of `report`, most telling first (see the module documentation).
pub fn leading(report: &Report, n: usize) -> Vec<&Metric> {
    let mut ranked: Vec<(u8, &Metric)> = report
        .metrics
        .iter()
        // A figure whose label had to be guessed says too little to lead with.
        .filter(|m| !m.label_inferred && m.value > 0.0)
        .filter_map(|m| kind(m).map(|k| (k, m)))
        .collect();
    ranked.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.value.total_cmp(&a.1.value)));
    let mut chosen: Vec<&Metric> = Vec::new();
    // First the best of each kind, then the rest in rank order.
    for round in 0..2 {
        for &(k, metric) in &ranked {
            if chosen.len() == n {
                return chosen;
            }
            let kind_taken = chosen.iter().any(|c| kind(c) == Some(k));
            let label_taken = chosen.iter().any(|c| c.label == metric.label);
            let already = chosen.iter().any(|c| std::ptr::eq(*c, metric));
            if !already && !label_taken && (round == 1 || !kind_taken) {
                chosen.push(metric);
            }
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_cases_people_and_rates_lead_in_that_order() {
        let report = crate::parse::parse(
            "标题\n全年召开会议12次，办理行政复议案件52件，收缴罚款1230.01万元，\
             培训执法人员320人次，按时办结率100%，另收缴罚没款3万元。\n",
        );
        let labels: Vec<&str> = leading(&report, 3).iter().map(|m| m.raw.as_str()).collect();
        assert_eq!(labels, ["1230.01万元", "52件", "320人次"]);
        let four: Vec<&str> = leading(&report, 5).iter().map(|m| m.raw.as_str()).collect();
        assert_eq!(four, ["1230.01万元", "52件", "320人次", "100%", "3万元"]);
        assert!(leading(&crate::parse::parse("标题\n正文。\n"), 3).is_empty());
    }
}
