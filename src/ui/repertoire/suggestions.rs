//! What keeps coming back deserves to be written down once.

use crate::domain::links::document_topic;
use crate::domain::ActivityKind;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn RecurringSuggestions() -> impl IntoView {
    let state = use_app();
    let recurring = state.derived.recurring;
    view! {
        <Show when=move || !recurring.with(Vec::is_empty)>
            <aside class="suggestions" aria-labelledby="recurring-title">
                <h2 id="recurring-title">"Keeps coming back"</h2>
                <ul>
                    {move || {
                        recurring
                            .get()
                            .into_iter()
                            .map(|found| {
                                let text = format!(
                                    "“{}” came up in {} problems and requests, and no documentation project covers it yet.",
                                    found.topic,
                                    found.records.len()
                                );
                                let label = format!("Write “{}” down", found.topic);
                                view! {
                                    <li>
                                        <span>{text}</span>
                                        " "
                                        <button type="button" class="secondary small" on:click=move |_| {
                                            state.open_prefilled(ActivityKind::DocumentationProject, document_topic(&found, &state.author()));
                                        }>{label}</button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </aside>
        </Show>
    }
}
