//! Facts beside opinions, and the next steps the weakest element calls for.

use crate::domain::assessment::{Element, Round};
use crate::domain::facts::{weakest_by_facts, ElementFacts};
use crate::domain::recommend::{recommendations, Recommendation, Target};
use crate::domain::scoring::{round_result, weakest, RoundResult};
use crate::ui::dom::{el, Node, Static};
use crate::ui::icon::KindIcon;
use crate::ui::route::View;
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;
use std::rc::Rc;

/// Next steps for the weakest element, by the latest shown round and by
/// the repertoire's figures.
pub fn use_recommendations(
    state: AppState,
    result: Memo<Option<RoundResult>>,
    facts: Memo<[ElementFacts; 3]>,
) -> Memo<Vec<Recommendation>> {
    Memo::new(move |_| {
        let by_rating = result.with(|r| r.as_ref().and_then(weakest));
        let by_facts = facts.with(weakest_by_facts);
        state.records.with(|records| {
            state.profile.with(|profile| {
                recommendations(
                    by_rating,
                    by_facts,
                    records,
                    profile.as_ref(),
                    &state.author(),
                )
            })
        })
    })
}

/// The newest round whose results may be shown.
pub fn use_latest_result(state: AppState) -> Memo<Option<RoundResult>> {
    Memo::new(move |_| {
        state.rounds.with(|rounds| {
            rounds
                .iter()
                .rev()
                .map(round_result)
                .find(|result| result.shown)
        })
    })
}

fn fact_card(group: &ElementFacts, rating: &str) -> Node {
    let id = format!("facts-{}", group.element.slug());
    let mut list = el("dl").class("mini");
    for fact in &group.facts {
        let mut value = el("dd").text(fact.value.clone());
        if fact.concern {
            value = value.child(el("span").class("flag").text(" worth a look"));
        }
        list = list.child(el("dt").text(fact.label.clone())).child(value);
    }
    el("article")
        .class("element-card")
        .attr("aria-labelledby", &id)
        .child(el("h3").attr("id", id).text(group.element.label()))
        .child(
            el("p")
                .class("score")
                .text(format!("Members' rating: {rating}")),
        )
        .child(list)
}

#[component]
pub fn FactsAndAdvice(round: Memo<Option<Round>>) -> impl IntoView {
    let state = use_app();
    let facts = state.derived.facts;
    let result = Memo::new(move |_| {
        round.with(|r| r.as_ref().map(round_result).filter(|result| result.shown))
    });
    let advice = use_recommendations(state, result, facts);
    let rating = move |element: Element| {
        result.with(|r| match r {
            Some(r) => r
                .elements
                .iter()
                .find(|e| e.element == element)
                .and_then(|e| e.median)
                .map_or("no score".to_owned(), |m| format!("{m} of 100")),
            None => "no result yet".to_owned(),
        })
    };
    view! {
        <section aria-labelledby="facts-title">
            <h2 id="facts-title">"Facts beside opinions"</h2>
            <p class="quiet">"What the repertoire shows for each element, next to how members rated it. Figures marked “worth a look” point to a weakness."</p>
            <Static render=Rc::new(move || {
                facts.with(|facts| el("div").class("element-cards").children(facts.iter().map(|group| fact_card(group, &rating(group.element)))))
            })/>
        </section>
        <section aria-labelledby="advice-title">
            <h2 id="advice-title">"Recommended next steps"</h2>
            <RecommendationList advice/>
        </section>
    }
}

/// Each step opens the matching form, prefilled where possible.
#[component]
pub fn RecommendationList(advice: Memo<Vec<Recommendation>>) -> impl IntoView {
    let state = use_app();
    view! {
        <Show
            when=move || !advice.with(Vec::is_empty)
            fallback=|| view! { <p class="quiet">"No element stands out as weak, by the ratings or by the figures. Keep the rhythm going."</p> }
        >
            <ul class="advice">
                {move || advice.get().into_iter().map(|step| {
                    let button = match step.target.clone() {
                        Target::Activity(kind, form) => view! {
                            <button type="button" class="secondary small" on:click=move |_| state.open_prefilled(kind, form.clone())>
                                <KindIcon kind/>" "{format!("Start: {}", kind.label())}
                            </button>
                        }
                        .into_any(),
                        Target::Profile => view! {
                            <button type="button" class="secondary small" on:click=move |_| state.go(View::Profile)>"Edit the domain statement"</button>
                        }
                        .into_any(),
                    };
                    view! {
                        <li>
                            <p><strong>{step.title}</strong>" "<span class="quiet">{format!("({})", step.element.label().to_lowercase())}</span></p>
                            <p>{step.why}</p>
                            <p>{button}</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Show>
    }
}
