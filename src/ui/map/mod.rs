//! Knowledge map: who knows what (declared, demonstrated, mapped), where the
//! demand is, and the gaps, each with its next step.

mod grid;

use super::layout::ViewLink;
use super::route::View;
use super::state::use_app;
use crate::domain::knowledge::{knowledge_map, next_step_form, GapReason, NextStep, TopicRow};
use crate::domain::search::Query;
use leptos::prelude::*;

#[component]
pub fn MapView() -> impl IntoView {
    let state = use_app();
    let map = Memo::new(move |_| {
        state.members.with(|members| {
            state
                .records
                .with(|records| knowledge_map(records, members))
        })
    });
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
                <grid::Grid map/>
                <MapTable map/>
                <Groups map/>
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
            GapReason::NoOneKnows => "asked about, and nobody is known to know it".to_owned(),
            GapReason::Unanswered(1) => "one request left unanswered".to_owned(),
            GapReason::Unanswered(n) => format!("{n} requests left unanswered"),
            GapReason::Mapped => "named as a gap by a mapping".to_owned(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[component]
fn Gaps(map: Memo<crate::domain::knowledge::KnowledgeMap>) -> impl IntoView {
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
#[component]
fn MapTable(map: Memo<crate::domain::knowledge::KnowledgeMap>) -> impl IntoView {
    view! {
        <section>
            <h2 id="map-table-title">"Topics in detail"</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="map-table-title">
                <table class="map-table">
                    <thead>
                        <tr>
                            <th scope="col">"Topic"</th>
                            <th scope="col">"Say they know it"</th>
                            <th scope="col">"Showed it in the repertoire"</th>
                            <th scope="col">"Named by a mapping"</th>
                            <th scope="col">"Want to learn it"</th>
                            <th scope="col">"Demand"</th>
                            <th scope="col">"Gap"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || map.with(|m| m.topics.iter().map(|row| {
                            let demand = format!(
                                "{} requests, {} problems, {} seeking experience; {} waiting",
                                row.demand.requests, row.demand.problems, row.demand.seeking, row.demand.open
                            );
                            view! {
                                <tr class:gap=row.is_gap()>
                                    <th scope="row">{row.topic.to_string()}</th>
                                    <td>{names(&row.declared)}</td>
                                    <td>{names(&row.demonstrated)}</td>
                                    <td>{names(&row.mapped)}</td>
                                    <td>{names(&row.learners)}</td>
                                    <td>{demand}</td>
                                    <td>{if row.is_gap() { gap_reasons(row) } else { "no".to_owned() }}</td>
                                </tr>
                            }
                        }).collect_view())}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn Groups(map: Memo<crate::domain::knowledge::KnowledgeMap>) -> impl IntoView {
    view! {
        <Show when=move || map.with(|m| !m.groups.is_empty())>
            <section aria-labelledby="groups-title">
                <h2 id="groups-title">"Groups to connect with"</h2>
                <ul>
                    {move || map.with(|m| m.groups.iter().map(|g| view! { <li>{g.clone()}</li> }).collect_view())}
                </ul>
            </section>
        </Show>
    }
}
