//! "Who am I": the person using this browser picks themself once; new
//! records and contributions are then signed with their name.

use crate::domain::Id;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn WhoAmI() -> impl IntoView {
    let state = use_app();
    let choice = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let pick = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = Id::parse(&choice.get_untracked()) else {
            problem.set(Some("Choose your name in the list, or add yourself below."));
            return;
        };
        let Some(name) = state
            .members
            .with_untracked(|members| members.iter().find(|m| m.id == id).map(|m| m.name.clone()))
        else {
            problem.set(Some("That member is no longer in the directory."));
            return;
        };
        problem.set(None);
        state.update_settings(|s| {
            s.me = Some(id);
            s.author = name.clone();
        });
        state.tell(format!(
            "Welcome, {name}. New records and contributions are signed with your name."
        ));
    };
    view! {
        <section aria-labelledby="who-title" class="who">
            <h2 id="who-title">"Who am I"</h2>
            {move || match state.me() {
                Some(me) => view! {
                    <p>
                        "In this browser you are "<strong>{me.name}</strong>". "
                        <button type="button" class="link" on:click=move |_| {
                            state.update_settings(|s| s.me = None);
                        }>"Not you? Choose again"</button>
                    </p>
                }
                .into_any(),
                None if state.members.with(Vec::is_empty) => view! {
                    <p class="quiet">"Add yourself to the directory below and tick “This is me”."</p>
                }
                .into_any(),
                None => view! {
                    <form class="inline-form" novalidate on:submit=pick>
                        <label for="who-select">"I am"</label>
                        <select id="who-select" aria-describedby="who-error"
                            aria-invalid=move || problem.get().map(|_| "true")
                            on:change=move |ev| choice.set(event_target_value(&ev))>
                            <option value="">"Choose your name…"</option>
                            {state
                                .members
                                .get()
                                .into_iter()
                                .map(|m| view! { <option value=m.id.to_string()>{m.name}</option> })
                                .collect_view()}
                        </select>
                        <button type="submit">"That's me"</button>
                        <p class="field-error" id="who-error" hidden=move || problem.get().is_none()>{move || problem.get()}</p>
                    </form>
                    <p class="quiet">"Not in the list? Add yourself below and tick “This is me”."</p>
                }
                .into_any(),
            }}
        </section>
    }
}
