//! Adding or editing one member of the directory.

use crate::domain::member::{Member, MemberForm, ParticipationLevel};
use crate::domain::topic::join_topics;
use crate::domain::ValidationErrors;
use crate::store::StoreError;
use crate::ui::activity::{show_errors, ErrorSummary, IdScope};
use crate::ui::browser;
use crate::ui::plain_field::PlainField;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What is stored now of a member whose save was refused as outdated,
/// so the member sees what changed before saving theirs on top.
fn stored_now(
    state: &crate::ui::state::AppState,
    id: crate::domain::Id,
    error: &StoreError,
) -> String {
    if !matches!(error, StoreError::Outdated { .. }) {
        return String::new();
    }
    state.members.with_untracked(|members| {
        members.iter().find(|m| m.id == id).map_or_else(
            || " It was deleted meanwhile.".to_owned(),
            |m| {
                let topics = |t: &[crate::domain::Topic]| match join_topics(t) {
                    text if text.is_empty() => "none".to_owned(),
                    text => text,
                };
                format!(
                    " Stored now: {}, {}; knows {}; learning {}.",
                    m.name,
                    m.level.label(),
                    topics(&m.knows),
                    topics(&m.learning)
                )
            },
        )
    })
}

#[component]
pub fn MemberEditor(existing: Option<Member>, on_done: Callback<()>) -> impl IntoView {
    let state = use_app();
    let start = existing
        .as_ref()
        .map(Member::to_form)
        .unwrap_or_else(|| MemberForm {
            level: ParticipationLevel::Newcomer.slug().to_owned(),
            // The first member listed is almost always the person setting up.
            name: if state.members.with_untracked(Vec::is_empty) {
                state.author()
            } else {
                String::new()
            },
            ..MemberForm::default()
        });
    let form = RwSignal::new(start);
    // The version this editor opened on: a save goes over it, or is
    // refused when another tab or an import changed the member meanwhile.
    let base = StoredValue::new(
        existing
            .as_ref()
            .and_then(|m| state.kept_rev::<Member>(&m.id.to_string())),
    );
    let errors = RwSignal::new(ValidationErrors::default());
    let is_me = RwSignal::new(existing.is_none() && state.me().is_none());
    let busy = RwSignal::new(false);
    let scope = match &existing {
        Some(member) => IdScope::new(format_args!("member-{}", member.id)),
        None => IdScope::new("member-new"),
    };
    let editing = existing.clone();
    let summary_scope = scope.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let filled = form.get_untracked();
        let result = state.members.with_untracked(|members| match &editing {
            Some(member) => member.edited(&filled, members),
            None => Member::create(&filled, members, browser::new_id(), browser::now()),
        });
        match result {
            Err(found) => show_errors(errors, found, &summary_scope),
            Ok(member) => {
                errors.set(ValidationErrors::default());
                busy.set(true);
                let claim = is_me.get_untracked();
                spawn_local(async move {
                    let (id, name) = (member.id, member.name.clone());
                    match state.save_member(member, base.get_value()).await {
                        Ok(()) => {
                            if claim {
                                state.update_settings(|s| {
                                    s.me = Some(id);
                                    s.author = name.clone();
                                });
                            }
                            state.tell(format!("Saved {name}."));
                            // Cancel, or leaving the view, may have closed
                            // the editor while saving.
                            on_done.try_run(());
                        }
                        Err(error) => {
                            // Saving again puts this member's text on top.
                            if let StoreError::Outdated { rev } = &error {
                                base.try_set_value(rev.clone());
                            }
                            // The editor is gone if the member left the view.
                            let still_open = busy.try_set(false).is_none();
                            let stored = stored_now(&state, id, &error);
                            state.warn(if still_open {
                                format!("Not saved. {error}{stored} What you typed is still in the form.")
                            } else {
                                format!(
                                    "Not saved. {error} Open the member's editor again to retry."
                                )
                            });
                        }
                    }
                });
            }
        }
    };
    let title = match &existing {
        Some(member) => format!("Edit {}", member.name),
        None => "Add a member".to_owned(),
    };
    let form_label = title.clone();
    let (level_id, level_hint, me_id) = (
        scope.field("level"),
        scope.field("level-hint"),
        scope.id("member-is-me"),
    );
    view! {
        <form class="guided step-form" novalidate on:submit=submit aria-label=form_label>
            <h3>{title}</h3>
            <ErrorSummary errors scope=scope.clone()/>
            <PlainField form errors scope=scope.clone() key="name" label="Name" required=true
                hint="As colleagues know them; records and contributions are signed with it."
                placeholder="Robin Example"
                read=|f: &MemberForm| f.name.clone() write=|f: &mut MemberForm, v| f.name = v/>
            <div class="field">
                <label for=level_id.clone()>"How they take part"</label>
                <p class="hint" id=level_hint.clone()>"As they see it themselves. It can change at any time."</p>
                <select id=level_id aria-describedby=level_hint
                    on:change=move |ev| form.update(|f| f.level = event_target_value(&ev))>
                    {ParticipationLevel::ALL
                        .into_iter()
                        .map(|level| view! {
                            <option value=level.slug() prop:selected=move || form.with(|f| f.level == level.slug())>
                                {format!("{}: {}", level.label(), level.describe())}
                            </option>
                        })
                        .collect_view()}
                </select>
            </div>
            <PlainField form errors scope=scope.clone() key="knows" label="Topics they know about"
                hint="Separated by commas. Others will find them on the knowledge map."
                placeholder="handover, allergies"
                read=|f: &MemberForm| f.knows.clone() write=|f: &mut MemberForm, v| f.knows = v/>
            <PlainField form errors scope key="learning" label="Topics they want to learn"
                hint="Separated by commas. It shows where the community wants to grow."
                placeholder="medication safety"
                read=|f: &MemberForm| f.learning.clone() write=|f: &mut MemberForm, v| f.learning = v/>
            {existing.is_none().then(|| view! {
                <p class="checks">
                    <input type="checkbox" id=me_id.clone() prop:checked=move || is_me.get()
                        on:change=move |ev| is_me.set(event_target_checked(&ev))/>
                    <label for=me_id>"This is me (remembered in this browser)"</label>
                </p>
            })}
            <p class="actions">
                <button type="submit" disabled=move || busy.get()>
                    {move || if busy.get() { "Saving…" } else { "Save" }}
                </button>
                <button type="button" class="secondary" disabled=move || busy.get() on:click=move |_| on_done.run(())>"Cancel"</button>
            </p>
        </form>
    }
}
