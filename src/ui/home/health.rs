//! Home at a glance: the latest health of the three elements, and what the
//! knowledge map and the assessment suggest doing next.

use crate::ui::assessment::{use_latest_result, use_recommendations, RecommendationList};
use crate::ui::layout::ViewLink;
use crate::ui::route::View;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Suggestions from the assessment shown on Home.
const STEPS: usize = 3;
const GAPS: usize = 3;

#[component]
pub fn Health() -> impl IntoView {
    let state = use_app();
    let latest = use_latest_result(state);
    view! {
        <section aria-labelledby="health-title" class="health">
            <h2 id="health-title">"Health of the three elements"</h2>
            {move || match latest.get() {
                Some(result) => view! {
                    <ul class="health-list">
                        {result.elements.iter().map(|e| {
                            let text = match (e.median, e.band) {
                                (Some(m), Some(band)) => format!("{m} of 100, {}", band.label().to_lowercase()),
                                _ => "no score".to_owned(),
                            };
                            view! { <li><strong>{e.element.label()}</strong>": "{text}</li> }
                        }).collect_view()}
                    </ul>
                    <p class="quiet">
                        {format!("Self-assessment of {}, {} members. ", result.date, result.respondents)}
                        <ViewLink to=View::Assessment>"Details and trend"</ViewLink>
                    </p>
                }
                .into_any(),
                None => view! {
                    <p class="quiet">
                        "No self-assessment result yet. "
                        <ViewLink to=View::Assessment>"Open a round"</ViewLink>
                        " and ask at least three members to rate the domain, the community and the practice."
                    </p>
                }
                .into_any(),
            }}
        </section>
    }
}

#[component]
pub fn Suggestions() -> impl IntoView {
    let state = use_app();
    let latest = use_latest_result(state);
    let facts = state.derived.facts;
    let all = use_recommendations(state, latest, facts);
    let advice =
        Memo::new(move |_| all.with(|a| a.iter().take(STEPS).cloned().collect::<Vec<_>>()));
    let gaps = Memo::new(move |_| {
        state.derived.knowledge.with(|map| {
            map.gaps()
                .map(|row| row.topic.to_string())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || !gaps.with(Vec::is_empty)>
            <aside class="suggestions" aria-labelledby="home-gaps-title">
                <h2 id="home-gaps-title">"Gaps in what we know"</h2>
                <p>
                    {move || {
                        let gaps = gaps.get();
                        let more = gaps.len().saturating_sub(GAPS);
                        let shown = gaps.into_iter().take(GAPS).collect::<Vec<_>>().join(", ");
                        if more > 0 { format!("{shown} and {more} more. ") } else { format!("{shown}. ") }
                    }}
                    <ViewLink to=View::Map>"See them on the knowledge map"</ViewLink>
                </p>
            </aside>
        </Show>
        <Show when=move || !advice.with(Vec::is_empty)>
            <aside class="suggestions" aria-labelledby="home-advice-title">
                <h2 id="home-advice-title">"Next steps for the weakest element"</h2>
                <RecommendationList advice/>
            </aside>
        </Show>
    }
}
