//! One member's answers to a round: eighteen statements, 1–5 or "don't
//! know". Answers are seen by their author only.

use crate::domain::assessment::{response_from, Element, Rating, Round};
use crate::domain::instrument::{items_of, DONT_KNOW_LABEL, SCALE};
use crate::domain::scoring::{member_score, MIN_ANSWERED};
use crate::domain::sorting::map_of;
use crate::ui::layout::ViewLink;
use crate::ui::route::View;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

type Answers = BTreeMap<String, Rating>;

fn rating_value(rating: Rating) -> String {
    match rating {
        Rating::Agreement(n) => n.to_string(),
        Rating::DontKnow => "dk".to_owned(),
    }
}

#[component]
pub fn AnswerForm(round: Round) -> impl IntoView {
    let state = use_app();
    move || {
        let Some(me) = state.me() else {
            return view! {
                <section aria-labelledby="answer-title">
                    <h2 id="answer-title">{format!("Answer the round of {}", round.date)}</h2>
                    <p class="hint-box">
                        "Answers belong to a member. Tell Repertoire who you are first: "
                        <ViewLink to=View::Members>"pick or add yourself in Members"</ViewLink>
                        "."
                    </p>
                </section>
            }
            .into_any();
        };
        let mine = round.response_of(me.id).cloned();
        view! { <MyAnswers round=round.clone() me=me.id name=me.name answered=mine.is_some() start=mine.map(|r| map_of(r.answers)).unwrap_or_default()/> }.into_any()
    }
}

#[component]
fn MyAnswers(
    round: Round,
    me: crate::domain::Id,
    name: String,
    answered: bool,
    start: Answers,
) -> impl IntoView {
    let state = use_app();
    let answers = RwSignal::new(start);
    let open = RwSignal::new(!answered);
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let round_id = round.id;
    // The answers this form opened on (see the member editor).
    let base = StoredValue::new(
        state.kept_rev::<crate::domain::assessment::Answer>(&format!("{round_id}/{me}")),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let given: Vec<(String, Rating)> = answers.get_untracked().into_iter().collect();
        if given.is_empty() {
            problem.set(Some("Nothing is answered yet. Pick a value (or “don't know”) for the statements you can judge.".to_owned()));
            return;
        }
        let response = match response_from(me, &given) {
            Ok(response) => response,
            Err(message) => {
                problem.set(Some(message));
                return;
            }
        };
        if state
            .rounds
            .with_untracked(|rounds| !rounds.iter().any(|r| r.id == round_id))
        {
            problem.set(Some("This round no longer exists.".to_owned()));
            return;
        }
        problem.set(None);
        busy.set(true);
        spawn_local(async move {
            match state
                .save_answer(round_id, response, base.get_value())
                .await
            {
                Ok(()) => {
                    open.set(false);
                    state.tell("Your answers are saved. Only you see them; the group sees the combined results.");
                }
                Err(error) => {
                    if let crate::store::StoreError::Outdated { rev } = &error {
                        base.try_set_value(rev.clone());
                    }
                    state.warn(format!(
                        "Your answers were not saved. {error} They are still in the form."
                    ));
                }
            }
            busy.set(false);
        });
    };
    let my_scores = move || {
        let given: Vec<(String, Rating)> = answers.get().into_iter().collect();
        let response = response_from(me, &given).ok()?;
        Some(
            Element::ALL
                .into_iter()
                .map(|element| match member_score(&response, element) {
                    Some(score) => format!("{} {score}", element.label()),
                    None => format!("{} (fewer than {MIN_ANSWERED} answers)", element.label()),
                })
                .collect::<Vec<_>>()
                .join(" · "),
        )
    };
    view! {
        <section aria-labelledby="answer-title">
            <h2 id="answer-title">{format!("Your answers, {name}, for the round of {}", round.date)}</h2>
            <p class="quiet">
                {if answered { "You have answered this round. " } else { "" }}
                "Only you see your own answers. An element gets a score from you when you judged at least "
                {MIN_ANSWERED.to_string()}
                " of its six statements; “don't know” never counts as a low mark."
            </p>
            <p class="quiet">{move || my_scores().map(|s| format!("Your scores as answered: {s}."))}</p>
            <Show
                when=move || open.get()
                fallback=move || view! { <p><button type="button" class="secondary" on:click=move |_| open.set(true)>"Change my answers"</button></p> }
            >
                <form class="answers" novalidate on:submit=submit>
                    {Element::ALL.into_iter().map(|element| view! {
                        <fieldset class="element-group">
                            <legend>{format!("{}: {}", element.label(), element.question())}</legend>
                            {items_of(element).map(|item| {
                                let name = format!("item-{}", item.id);
                                let legend_id = format!("{name}-legend");
                                let labelled_by = legend_id.clone();
                                view! {
                                    <fieldset class="item" aria-labelledby=labelled_by>
                                        <legend id=legend_id>{item.statement}</legend>
                                        <div class="scale">
                                            {SCALE.into_iter().map(|(value, label)| {
                                                let rating = Rating::Agreement(value);
                                                view! { <Choice name=name.clone() rating label answers item=item.id/> }
                                            }).collect_view()}
                                            <Choice name=name.clone() rating=Rating::DontKnow label=DONT_KNOW_LABEL answers item=item.id/>
                                        </div>
                                    </fieldset>
                                }
                            }).collect_view()}
                        </fieldset>
                    }).collect_view()}
                    <p class="field-error" role="alert" hidden=move || problem.get().is_none()>{move || problem.get()}</p>
                    <p class="actions">
                        <button type="submit" disabled=move || busy.get()>{move || if busy.get() { "Saving…" } else { "Save my answers" }}</button>
                    </p>
                </form>
            </Show>
        </section>
    }
}

#[component]
fn Choice(
    name: String,
    rating: Rating,
    label: &'static str,
    answers: RwSignal<Answers>,
    item: &'static str,
) -> impl IntoView {
    let id = format!("{name}-{}", rating_value(rating));
    view! {
        <span class="scale-option">
            <input type="radio" name=name id=id.clone() value=rating_value(rating)
                prop:checked=move || answers.with(|a| a.get(item) == Some(&rating))
                on:change=move |_| answers.update(|a| { a.insert(item.to_owned(), rating); })/>
            <label for=id>{label}</label>
        </span>
    }
}
