//! A round's results per element: median, band, spread, how many answers,
//! and the statements members disagree on. Shown once enough members
//! answered, so nobody's answers can be read back from the figures.

use super::chart::round_bars;
use crate::domain::instrument::item;
use crate::domain::scoring::{ElementResult, RoundResult, MIN_RESPONDENTS};
use crate::domain::words::plural;
use crate::ui::dom::{el, none, Node};

fn spread(result: &ElementResult) -> String {
    match (result.lowest, result.highest) {
        (Some(low), Some(high)) if low == high => format!("everyone at {low}"),
        (Some(low), Some(high)) => format!("from {low} to {high}"),
        _ => "no spread".to_owned(),
    }
}

fn card(element: &ElementResult) -> Node {
    let headline = match (element.median, element.band) {
        (Some(median), Some(band)) => format!("{median} of 100: {}", band.label().to_lowercase()),
        _ => "not enough answers for a score".to_owned(),
    };
    let id = format!("result-{}", element.element.slug());
    let disagreements = if element.disagreements.is_empty() {
        none()
    } else {
        el("div")
            .child(el("p").text("Members disagree on these statements; worth talking about:"))
            .child(
                el("ul").class("plain-list").children(
                    element
                        .disagreements
                        .iter()
                        .filter_map(|id| item(id))
                        .map(|item| el("li").text(item.statement)),
                ),
            )
    };
    el("article")
        .class("element-card")
        .attr("aria-labelledby", &id)
        .child(el("h3").attr("id", id).text(element.element.label()))
        .child(el("p").class("score").text(headline))
        .child(el("p").class("quiet").text(format!(
            "Median of {}, {}.",
            plural(element.scored, "member score", "member scores"),
            spread(element)
        )))
        .child(disagreements)
}

pub fn results(result: &RoundResult) -> Node {
    let section = el("section")
        .attr("aria-labelledby", "results-title")
        .child(
            el("h2")
                .attr("id", "results-title")
                .text(format!("Results of the round of {}", result.date)),
        );
    if !result.shown {
        let missing = MIN_RESPONDENTS - result.respondents.min(MIN_RESPONDENTS);
        let who = match result.respondents {
            0 => "Nobody has".to_owned(),
            1 => "One member has".to_owned(),
            n => format!("{n} members have"),
        };
        return section.child(el("p").class("hint-box").text(format!(
            "{who} answered so far. Results appear once at least {MIN_RESPONDENTS} members have answered \
             ({missing} more), so that nobody's answers can be read from them."
        )));
    }
    section
        .child(el("p").class("quiet").text(format!(
            "{} members answered. Each element stands on its own: there is no overall grade.",
            result.respondents
        )))
        .child(
            el("div")
                .class("element-cards")
                .children(result.elements.iter().map(card)),
        )
        .child(round_bars(result))
}
