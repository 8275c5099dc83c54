//! Knowledge map: who knows what (declared, demonstrated, mapped), where the
//! demand is, and the gaps, each with its next step.

mod grid;

use super::layout::ViewLink;
use super::route::View;
use super::state::use_app;
use crate::domain::knowledge::KnowledgeMap;
use crate::domain::knowledge::{next_step_form, GapReason, NextStep, TopicRow};
use crate::domain::search::Query;
use crate::domain::words::plural;
use crate::ui::dom::{el, none, Node, Static};
use leptos::prelude::*;
use std::rc::Rc;

#[component]
pub fn MapView() -> impl IntoView {
    let state = use_app();
    let map = state.derived.knowledge;
    let empty = move || map.with(|m| m.topics.is_empty());
    view! {
        <section aria-labelledby="view-title">
            <h1 id="view-title" tabindex="-1">"Knowledge map"</h1>
            <p class="lead">
                {move || format!(
                    "Who in our {} knows what, where questions come from, and what nobody covers yet.",
                    state.word()
                )}
            </p>
            <Show when=move || !empty() fallback=|| view! { <EmptyMap/> }>
                <Gaps map/>
                <Static render=Rc::new(move || map.with(|map| {
                    el("div").child(grid::grid(map)).child(table(map)).child(groups(map))
                }))/>
            </Show>
        </section>
    }
}

#[component]
fn EmptyMap() -> impl IntoView {
    view! {
        <div class="empty">
            <h2>"The map fills up as the community works"</h2>
            <p>
                "Topics come from three places: what members say they know or want to learn (Members), "
                "the topics of records (every request, problem and document), and mapping activities, "
                "which name experts, gaps and groups to connect with."
            </p>
            <p class="actions">
                <ViewLink to=View::Members class="button">"Add members and their topics"</ViewLink>
                <ViewLink to=View::New(Some(crate::domain::ActivityKind::Mapping)) class="button secondary">"Start a mapping"</ViewLink>
            </p>
        </div>
    }
}

fn gap_reasons(row: &TopicRow) -> String {
    row.gaps
        .iter()
        .map(|gap| match gap {
            GapReason::NoOneKnows => {
                "wanted (asked about, or someone wants to learn it), and nobody is known to know it"
                    .to_owned()
            }
            GapReason::Unanswered(1) => "one request left unanswered".to_owned(),
            GapReason::Unanswered(n) => format!("{n} requests left unanswered"),
            GapReason::Mapped => "named as a gap by a mapping".to_owned(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[component]
fn Gaps(map: Memo<KnowledgeMap>) -> impl IntoView {
    let state = use_app();
    let gaps = move || map.with(|m| m.gaps().cloned().collect::<Vec<_>>());
    view! {
        <section aria-labelledby="gaps-title" class="suggestions">
            <h2 id="gaps-title">"Gaps"</h2>
            <Show
                when=move || !gaps().is_empty()
                fallback=|| view! { <p class="quiet">"No gap right now: every topic in demand has someone who knows it, and no request waits unanswered."</p> }
            >
                <ul class="gaps">
                    {move || gaps()
                        .into_iter()
                        .map(|row| {
                            let topic = row.topic.to_string();
                            let reasons = gap_reasons(&row);
                            let steps = [NextStep::AskRequest, NextStep::PlanVisit, NextStep::StartMapping]
                                .into_iter()
                                .map(|step| {
                                    let row = row.clone();
                                    let label = format!("{} about “{}”", step.label(), row.topic);
                                    view! {
                                        <button type="button" class="secondary small" on:click=move |_| {
                                            state.open_prefilled(step.kind(), next_step_form(step, &row, &state.author()));
                                        }>{label}</button>
                                    }
                                })
                                .collect_view();
                            let unanswered = (!row.unanswered.is_empty()).then(|| {
                                let to = View::Repertoire(Query {
                                    topic: Some(row.topic.clone()),
                                    status: Some(crate::domain::Status::Open),
                                    kind: Some(crate::domain::ActivityKind::InformationRequest),
                                    ..Query::default()
                                });
                                view! { " " <ViewLink to>"See the waiting requests"</ViewLink> }
                            });
                            view! {
                                <li>
                                    <p><strong>{topic}</strong>": "{reasons}"."{unanswered}</p>
                                    <p class="actions">{steps}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </Show>
        </section>
    }
}

fn names(list: &[String]) -> String {
    if list.is_empty() {
        "—".to_owned()
    } else {
        list.join(", ")
    }
}

/// The same content as the picture, for screen readers and for reading.
fn table(map: &KnowledgeMap) -> Node {
    let head = [
        "Topic",
        "Say they know it",
        "Showed it in the repertoire",
        "Named by a mapping",
        "Want to learn it",
        "Demand",
        "Gap",
    ]
    .into_iter()
    .map(|label| el("th").attr("scope", "col").text(label));
    let rows = map.topics.iter().map(|row| {
        let d = &row.demand;
        let demand = format!(
            "{}, {}, {}; {} waiting",
            plural(d.requests, "request", "requests"),
            plural(d.problems, "problem", "problems"),
            plural(d.seeking, "experience sought", "experiences sought"),
            d.open
        );
        let gap = if row.is_gap() {
            gap_reasons(row)
        } else {
            "no".to_owned()
        };
        let cells = [
            names(&row.declared),
            names(&row.demonstrated),
            names(&row.mapped),
            names(&row.learners),
            demand,
            gap,
        ]
        .into_iter()
        .map(|cell| el("td").text(cell));
        el("tr")
            .class(if row.is_gap() { "gap" } else { "" })
            .child(el("th").attr("scope", "row").text(row.topic.to_string()))
            .children(cells)
    });
    el("section")
        .child(
            el("h2")
                .attr("id", "map-table-title")
                .text("Topics in detail"),
        )
        .child(
            el("div")
                .class("table-scroll")
                .attr("tabindex", "0")
                .attr("role", "region")
                .attr("aria-labelledby", "map-table-title")
                .child(
                    el("table")
                        .class("map-table")
                        .child(el("thead").child(el("tr").children(head)))
                        .child(el("tbody").children(rows)),
                ),
        )
}

fn groups(map: &KnowledgeMap) -> Node {
    if map.groups.is_empty() {
        return none();
    }
    el("section")
        .attr("aria-labelledby", "groups-title")
        .child(
            el("h2")
                .attr("id", "groups-title")
                .text("Groups to connect with"),
        )
        .child(el("ul").children(map.groups.iter().map(|g| el("li").text(g.clone()))))
}
