//! A round's results per element: median, band, spread, how many answers,
//! and the statements members disagree on. Shown once enough members
//! answered, so nobody's answers can be read back from the figures.

use super::chart::RoundBars;
use crate::domain::assessment::Round;
use crate::domain::instrument::item;
use crate::domain::scoring::{round_result, ElementResult, MIN_RESPONDENTS};
use leptos::prelude::*;

fn spread(result: &ElementResult) -> String {
    match (result.lowest, result.highest) {
        (Some(low), Some(high)) if low == high => format!("everyone at {low}"),
        (Some(low), Some(high)) => format!("from {low} to {high}"),
        _ => "no spread".to_owned(),
    }
}

#[component]
pub fn Results(round: Memo<Option<Round>>) -> impl IntoView {
    let result = Memo::new(move |_| round.with(|r| r.as_ref().map(round_result)));
    move || {
        let result = result.get()?;
        if !result.shown {
            let missing = MIN_RESPONDENTS - result.respondents.min(MIN_RESPONDENTS);
            return Some(view! {
                <section aria-labelledby="results-title">
                    <h2 id="results-title">{format!("Results of the round of {}", result.date)}</h2>
                    <p class="hint-box">
                        {format!(
                            "{} answered so far. Results appear once at least {MIN_RESPONDENTS} members have answered ({missing} more), so that nobody's answers can be read from them.",
                            match result.respondents { 0 => "Nobody has".to_owned(), 1 => "One member has".to_owned(), n => format!("{n} members have") }
                        )}
                    </p>
                </section>
            }
            .into_any());
        }
        let cards = result
            .elements
            .iter()
            .map(|element| {
                let headline = match (element.median, element.band) {
                    (Some(median), Some(band)) => format!("{median} of 100: {}", band.label().to_lowercase()),
                    _ => "not enough answers for a score".to_owned(),
                };
                let disagreements = element
                    .disagreements
                    .iter()
                    .filter_map(|id| item(id))
                    .map(|item| view! { <li>{item.statement}</li> })
                    .collect_view();
                let any_disagreement = !element.disagreements.is_empty();
                view! {
                    <article class="element-card" aria-labelledby=format!("result-{}", element.element.slug())>
                        <h3 id=format!("result-{}", element.element.slug())>{element.element.label()}</h3>
                        <p class="score">{headline}</p>
                        <p class="quiet">
                            {format!(
                                "Median of {} member score{}, {}.",
                                element.scored,
                                if element.scored == 1 { "" } else { "s" },
                                spread(element)
                            )}
                        </p>
                        {any_disagreement.then(|| view! {
                            <p>"Members disagree on these statements; worth talking about:"</p>
                            <ul class="plain-list">{disagreements}</ul>
                        })}
                    </article>
                }
            })
            .collect_view();
        Some(view! {
            <section aria-labelledby="results-title">
                <h2 id="results-title">{format!("Results of the round of {}", result.date)}</h2>
                <p class="quiet">{format!("{} members answered. Each element stands on its own: there is no overall grade.", result.respondents)}</p>
                <div class="element-cards">{cards}</div>
                <RoundBars result=result.clone()/>
            </section>
        }
        .into_any())
    }
}
