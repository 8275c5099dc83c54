//! Self-assessment: members rate the domain, the community and the
//! practice in rounds; results per element (never one blended grade), the
//! trend, facts from the repertoire beside the opinions, and next steps.

mod advice;
mod answer;
mod chart;
mod guidance;
mod results;

pub use advice::{use_latest_result, use_recommendations, RecommendationList};

use super::browser;
use super::state::use_app;
use crate::domain::assessment::{validate_date, Round};
use crate::domain::exchange::iso_date;
use crate::domain::scoring::{round_result, trend};
use crate::domain::words::plural;
use crate::domain::Id;
use crate::ui::dom::{none, Static};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;

#[component]
pub fn AssessmentView() -> impl IntoView {
    let state = use_app();
    // The round being looked at; the newest when none was picked.
    let picked = RwSignal::new(None::<Id>);
    let round = Memo::new(move |_| {
        state.rounds.with(|rounds| match picked.get() {
            Some(id) => rounds.iter().find(|r| r.id == id).cloned(),
            None => rounds.last().cloned(),
        })
    });
    view! {
        <section aria-labelledby="view-title">
            <h1 id="view-title" tabindex="-1">{move || format!("How healthy is our {}?", state.word())}</h1>
            <p class="lead">
                "Every few months, members rate three elements: the domain that gives the group its identity, "
                "the community that learns together, and the practice it builds. Each element gets its own result; "
                "figures from the repertoire stand beside the opinions."
            </p>
            <RoundPicker picked round/>
            {move || round.get().map(|round| view! { <answer::AnswerForm round/> })}
            <Static render=Rc::new(move || {
                round.with(|round| match round {
                    Some(round) => results::results(&round_result(round)),
                    None => none(),
                })
            })/>
            <Static render=Rc::new(move || {
                state.rounds.with(|rounds| {
                    let shown: Vec<_> = trend(rounds).into_iter().filter(|r| r.shown).collect();
                    chart::trend(&shown)
                })
            })/>
            <advice::FactsAndAdvice round/>
            <Static render=Rc::new(guidance::guidance)/>
        </section>
    }
}

/// Choose the round to answer and read, or open a new one.
#[component]
fn RoundPicker(picked: RwSignal<Option<Id>>, round: Memo<Option<Round>>) -> impl IntoView {
    let state = use_app();
    let date = RwSignal::new(iso_date(browser::now()));
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let day = match validate_date(&date.get_untracked()) {
            Ok(day) => day,
            Err(message) => {
                problem.set(Some(message));
                browser::focus_element("round-date");
                return;
            }
        };
        if state
            .rounds
            .with_untracked(|rounds| rounds.iter().any(|r| r.date == day))
        {
            problem.set(Some(format!("A round dated {day} exists already: pick it in the list above, or choose another day.")));
            return;
        }
        problem.set(None);
        busy.set(true);
        let new_round = Round {
            id: browser::new_id(),
            date: day.clone(),
            responses: Vec::new(),
        };
        let id = new_round.id;
        spawn_local(async move {
            match state.open_round(new_round).await {
                Ok(()) => {
                    picked.set(Some(id));
                    state.tell(format!(
                        "Opened the round of {day}. Invite members to answer it here."
                    ));
                }
                Err(error) => state.warn(format!("The round was not opened. {error}")),
            }
            busy.set(false);
        });
    };
    view! {
        <section aria-labelledby="rounds-title" class="rounds">
            <h2 id="rounds-title">"Rounds"</h2>
            <Show
                when=move || !state.rounds.with(Vec::is_empty)
                fallback=|| view! {
                    <p class="empty">
                        "No round yet. A round is one date on which members answer the same eighteen statements; "
                        "every six to twelve months is typical. Open the first one below."
                    </p>
                }
            >
                <div class="field inline-field">
                    <label for="round-select">"Round shown"</label>
                    <select id="round-select" on:change=move |ev| picked.set(Id::parse(&event_target_value(&ev)))>
                        {move || {
                            let current = round.get().map(|r| r.id);
                            state.rounds.get().into_iter().rev().map(|r| {
                                let answered = r.responses.len();
                                let label = format!("{} ({})", r.date, plural(answered, "answer", "answers"));
                                view! { <option value=r.id.to_string() selected=current == Some(r.id)>{label}</option> }
                            }).collect_view()
                        }}
                    </select>
                </div>
            </Show>
            <form class="inline-form" novalidate on:submit=start>
                <label for="round-date">"Open a new round dated"</label>
                <input id="round-date" type="date" aria-describedby="round-date-error"
                    aria-invalid=move || problem.get().map(|_| "true")
                    prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/>
                <button type="submit" class="secondary" disabled=move || busy.get()>"Open the round"</button>
                <p class="field-error" id="round-date-error" hidden=move || problem.get().is_none()>{move || problem.get()}</p>
            </form>
        </section>
    }
}
