//! The community describes itself: its name, the word it uses for itself,
//! its domain and its core topics. Every view speaks with these words.

use super::activity::{show_errors, ErrorSummary, IdScope};
use super::plain_field::{Control, PlainField};
use super::route::View;
use super::state::use_app;
use crate::domain::community::{CommunityProfile, CommunityWord, ProfileForm};
use crate::domain::ValidationErrors;
use crate::store::kept::PROFILE_KEY;
use crate::store::StoreError;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ProfileView() -> impl IntoView {
    let state = use_app();
    let start = state
        .profile
        .get_untracked()
        .map(|p| p.to_form())
        .unwrap_or_else(|| ProfileForm {
            word: CommunityWord::CHOICES[0].0.to_owned(),
            ..ProfileForm::default()
        });
    let first_time = state.profile.with_untracked(Option::is_none);
    let form = RwSignal::new(start);
    // The version this form opened on (see the member editor).
    let base = StoredValue::new(state.kept_rev::<CommunityProfile>(PROFILE_KEY));
    let errors = RwSignal::new(ValidationErrors::default());
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        match CommunityProfile::from_form(&form.get_untracked()) {
            Err(found) => show_errors(errors, found, &IdScope::default()),
            Ok(profile) => {
                errors.set(ValidationErrors::default());
                busy.set(true);
                spawn_local(async move {
                    let name = profile.name.clone();
                    match state.save_profile(profile, base.get_value()).await {
                        Ok(()) => {
                            state.go(View::Home);
                            state.tell(format!("Saved the profile of {name}."));
                        }
                        Err(error) => {
                            busy.set(false);
                            if let StoreError::Outdated { rev } = &error {
                                base.set_value(rev.clone());
                            }
                            let stored = match (&error, state.profile.get_untracked()) {
                                (StoreError::Outdated { .. }, Some(now)) => {
                                    format!(" Stored now: “{}”, about “{}”.", now.name, now.domain)
                                }
                                _ => String::new(),
                            };
                            state.warn(format!(
                                "Not saved. {error}{stored} Your text is still in the form."
                            ));
                        }
                    }
                });
            }
        }
    };
    let own = move || form.with(|f| f.word == "own");
    view! {
        <section aria-labelledby="view-title">
            <h1 id="view-title" tabindex="-1">
                {if first_time { "Describe your community" } else { "Community profile" }}
            </h1>
            <p class="lead">
                "A clear domain tells members and newcomers what the group is about, why it matters and "
                "what competence belonging implies. Every view uses the name and word you choose here."
            </p>
            <form class="guided" novalidate on:submit=submit>
                <ErrorSummary errors/>
                <PlainField form errors key="name" label="Name" required=true
                    hint="What members call the group."
                    placeholder="Ward nurses' handover circle"
                    read=|f: &ProfileForm| f.name.clone() write=|f: &mut ProfileForm, v| f.name = v/>
                <fieldset class="field" id="field-word" tabindex="-1" class:invalid=move || errors.with(|e| e.for_field("word").is_some())>
                    <legend>"What do you call yourselves?"</legend>
                    <p class="hint">"Organizations use many words; pick yours or type your own."</p>
                    <ul class="checks">
                        {CommunityWord::CHOICES
                            .into_iter()
                            .map(|(slug, label)| {
                                let id = format!("word-{slug}");
                                view! {
                                    <li>
                                        <input type="radio" name="word" id=id.clone() value=slug
                                            prop:checked=move || form.with(|f| f.word == slug)
                                            on:change=move |_| form.update(|f| f.word = slug.to_owned())/>
                                        <label for=id>{label}</label>
                                    </li>
                                }
                            })
                            .collect_view()}
                        <li>
                            <input type="radio" name="word" id="word-own" value="own"
                                prop:checked=own
                                on:change=move |_| form.update(|f| f.word = "own".to_owned())/>
                            <label for="word-own">"Our own word"</label>
                        </li>
                    </ul>
                    <p class="field-error" hidden=move || errors.with(|e| e.for_field("word").is_none())>
                        {move || errors.with(|e| e.for_field("word").map(str::to_owned))}
                    </p>
                </fieldset>
                <Show when=own>
                    <PlainField form errors key="own_word" label="Your own word" required=true
                        hint="Lower case reads best in sentences: “our circle”, “our practice group”."
                        placeholder="practice circle"
                        read=|f: &ProfileForm| f.own_word.clone() write=|f: &mut ProfileForm, v| f.own_word = v/>
                </Show>
                <PlainField form errors key="domain" label="What is the domain about?" control=Control::Text
                    hint="One or two sentences. Shown on Home: it tells everyone what belongs here."
                    placeholder="Handing patients over safely between shifts and wards."
                    read=|f: &ProfileForm| f.domain.clone() write=|f: &mut ProfileForm, v| f.domain = v/>
                <PlainField form errors key="why_it_matters" label="Why it matters" control=Control::Text
                    hint="What goes better for members, and for the people they serve, when the domain is handled well."
                    read=|f: &ProfileForm| f.why_it_matters.clone() write=|f: &mut ProfileForm, v| f.why_it_matters = v/>
                <PlainField form errors key="competence" label="What competence membership implies" control=Control::Text
                    hint="What members can do, or are learning to do, that sets them apart."
                    read=|f: &ProfileForm| f.competence.clone() write=|f: &mut ProfileForm, v| f.competence = v/>
                <PlainField form errors key="core_topics" label="Core topics"
                    hint="Separated by commas. They anchor the knowledge map and the domain's figures."
                    placeholder="handover, allergies, medication"
                    read=|f: &ProfileForm| f.core_topics.clone() write=|f: &mut ProfileForm, v| f.core_topics = v/>
                <p class="actions">
                    <button type="submit" disabled=move || busy.get()>
                        {move || if busy.get() { "Saving…" } else { "Save the profile" }}
                    </button>
                </p>
            </form>
        </section>
    }
}
