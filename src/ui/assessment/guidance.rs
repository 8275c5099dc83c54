//! Reading aids: where a community stands in its life, and what kinds of
//! value it creates.

use crate::domain::instrument::{STAGES, VALUE_CYCLES};
use leptos::prelude::*;

#[component]
pub fn Guidance() -> impl IntoView {
    view! {
        <section aria-labelledby="guidance-title">
            <h2 id="guidance-title">"Reading the results"</h2>
            <details>
                <summary>"Stages of a community's life"</summary>
                <p class="quiet">"Communities change as they grow. What helps depends on the stage."</p>
                <dl class="mini">
                    {STAGES.iter().map(|stage| view! {
                        <dt>{stage.name}</dt>
                        <dd>{stage.summary}" "<em>{stage.favours}</em></dd>
                    }).collect_view()}
                </dl>
            </details>
            <details>
                <summary>"Kinds of value a community creates"</summary>
                <dl class="mini">
                    {VALUE_CYCLES.iter().map(|cycle| view! {
                        <dt>{cycle.name}</dt>
                        <dd>{cycle.what}" "<span class="quiet">{cycle.indicators}</span></dd>
                    }).collect_view()}
                </dl>
            </details>
        </section>
    }
}
