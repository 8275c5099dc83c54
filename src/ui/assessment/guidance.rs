//! Reading aids: where a community stands in its life, and what kinds of
//! value it creates.

use crate::domain::instrument::{STAGES, VALUE_CYCLES};
use crate::ui::dom::{el, Node};

fn details(
    summary: &'static str,
    intro: &'static str,
    entries: Vec<(&'static str, &'static str, &'static str)>,
) -> Node {
    let mut list = el("dl").class("mini");
    for (name, what, more) in entries {
        list = list
            .child(el("dt").text(name))
            .child(el("dd").text(what).text(" ").child(el("em").text(more)));
    }
    el("details")
        .child(el("summary").text(summary))
        .child(el("p").class("quiet").text(intro))
        .child(list)
}

pub fn guidance() -> Node {
    el("section")
        .attr("aria-labelledby", "guidance-title")
        .child(
            el("h2")
                .attr("id", "guidance-title")
                .text("Reading the results"),
        )
        .child(details(
            "Stages of a community's life",
            "Communities change as they grow. What helps depends on the stage.",
            STAGES
                .iter()
                .map(|s| (s.name, s.summary, s.favours))
                .collect(),
        ))
        .child(details(
            "Kinds of value a community creates",
            "Indicators show each kind of value; members' stories make the case.",
            VALUE_CYCLES
                .iter()
                .map(|c| (c.name, c.what, c.indicators))
                .collect(),
        ))
}
