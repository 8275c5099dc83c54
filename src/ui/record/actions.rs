//! What a record's page lets members do besides contributing: resolve,
//! conclude, move it along, write it down, edit, delete.

use super::contributions::SmallField;
use super::{take_step, StepForm};
use crate::domain::lifecycle::{conclusion_label, offered_moves, Step};
use crate::domain::links::write_it_down;
use crate::domain::{ActivityKind, Id, Record, Status, ValidationErrors};
use crate::ui::layout::ViewLink;
use crate::ui::route::View;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn move_label(kind: ActivityKind, to: Status) -> String {
    match (kind, to) {
        (_, Status::Open) => "Reopen".to_owned(),
        (ActivityKind::Visit, Status::Cancelled) => "Cancel the visit".to_owned(),
        (ActivityKind::Visit, Status::Planned) => "Plan it again".to_owned(),
        (ActivityKind::ReusingAssets, Status::Closed) => "Withdraw the asset".to_owned(),
        (ActivityKind::DocumentationProject, Status::Published) => "Publish".to_owned(),
        (_, Status::Closed) => "Close".to_owned(),
        (_, to) => format!("Move to “{}”", to.label()),
    }
}

/// Resolving a problem: the chosen approach and the outcome.
#[component]
fn ResolveForm(id: Id) -> impl IntoView {
    let state = use_app();
    let (approach, outcome) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let errors = RwSignal::new(ValidationErrors::default());
    view! {
        <form class="step-form" novalidate on:submit=move |ev| {
            ev.prevent_default();
            let step = Step::Resolve { approach: approach.get_untracked(), outcome: outcome.get_untracked() };
            take_step(state, id, step, "Marked resolved. Consider writing it down for the next person.", Some(StepForm { errors, saved: Box::new(|| {}) }));
        }>
            <h3>"Resolve"</h3>
            <p class="hint">"When you have settled on a way forward, record it so others can reuse it."</p>
            <SmallField key="chosen_approach" label="The chosen approach" hint="Which idea, or mix of ideas, you went with." required=true
                value=Signal::derive(move || approach.get()) on_input=Callback::new(move |v| approach.set(v)) errors/>
            <SmallField key="outcome" label="The outcome" hint="What happened when you applied it." required=true
                value=Signal::derive(move || outcome.get()) on_input=Callback::new(move |v| outcome.set(v)) errors/>
            <button type="submit">"Mark resolved"</button>
        </form>
    }
}

/// A coordination's result, a discussion's verdict, a visit's report.
#[component]
fn ConcludeForm(id: Id, label: &'static str, hint: &'static str) -> impl IntoView {
    let state = use_app();
    let text = RwSignal::new(String::new());
    let errors = RwSignal::new(ValidationErrors::default());
    view! {
        <form class="step-form" novalidate on:submit=move |ev| {
            ev.prevent_default();
            take_step(state, id, Step::Conclude(text.get_untracked()), "Recorded. Thank you for closing the loop.", Some(StepForm { errors, saved: Box::new(|| {}) }));
        }>
            <h3>{label}</h3>
            <SmallField key="conclusion" label=label hint=hint required=true
                value=Signal::derive(move || text.get()) on_input=Callback::new(move |v| text.set(v)) errors/>
            <button type="submit">{label}</button>
        </form>
    }
}

/// The step forms stay while the record waits for its step, whatever else
/// changes in it; the buttons follow its status.
#[component]
pub fn RecordActions(id: Id, kind: ActivityKind, record: Memo<Option<Record>>) -> impl IntoView {
    let state = use_app();
    let waiting =
        Memo::new(move |_| record.with(|r| r.as_ref().is_some_and(|r| r.status.is_waiting())));
    let forms = move || {
        waiting.get().then(|| {
            let resolve =
                (kind == ActivityKind::ProblemSolving).then(|| view! { <ResolveForm id/> });
            let conclude =
                conclusion_label(kind).map(|(label, hint)| view! { <ConcludeForm id label hint/> });
            view! { {resolve} {conclude} }
        })
    };
    let confirming = RwSignal::new(false);
    let buttons = move || {
        record.get().map(|record| {
            let moves = offered_moves(&record)
                .into_iter()
                .map(|to| {
                    let label = move_label(kind, to);
                    let done = format!("Now “{}”.", to.label());
                    view! {
                        <button type="button" class="secondary" on:click=move |_| take_step(state, id, Step::Move(to), &done, None)>{label}</button>
                    }
                })
                .collect_view();
            let can_write_down = matches!(
                (kind, record.status),
                (ActivityKind::ProblemSolving, Status::Resolved)
                    | (ActivityKind::InformationRequest, Status::Answered)
            );
            let write_down = can_write_down.then(|| {
                view! {
                    <button type="button" on:click=move |_| {
                        if let Some(source) = state.record(id) {
                            state.open_prefilled(ActivityKind::DocumentationProject, write_it_down(&source, &state.author()));
                        }
                    }>"Write it down"</button>
                }
            });
            view! {
                <div class="actions record-actions">
                    {write_down}
                    {moves}
                    <ViewLink to=View::Edit(id) class="button secondary">"Edit"</ViewLink>
                    <button type="button" class="secondary danger" on:click=move |_| confirming.set(true) aria-expanded=move || confirming.get().to_string()>
                        "Delete…"
                    </button>
                </div>
            }
        })
    };
    let deleting = RwSignal::new(false);
    let here = StoredValue::new(());
    let delete = move |_| {
        let Some(deleted) = state.record(id) else {
            return;
        };
        if deleting.get_untracked() {
            return;
        }
        deleting.set(true);
        spawn_local(async move {
            let title = deleted.title.clone();
            match state.delete(id).await {
                Ok(tombstone) => {
                    // A member who went elsewhere meanwhile stays there.
                    if !here.is_disposed() {
                        state.go(View::repertoire());
                    }
                    state.tell_with_undo(format!("Deleted “{title}”."), deleted, tombstone);
                }
                Err(error) => {
                    deleting.set(false);
                    state.warn(format!("Not deleted. {error}"));
                }
            }
        });
    };
    let title = move || record.with(|r| r.as_ref().map(|r| r.title.clone()));
    view! {
        {forms}
        {buttons}
        <Show when=move || confirming.get()>
            <div class="confirm" role="group" aria-labelledby="confirm-delete">
                <p id="confirm-delete">
                    "Delete “" {title} "” and its contributions? You can undo this right after."
                </p>
                <div class="actions">
                    <button type="button" class="danger" on:click=delete>"Delete"</button>
                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>"Keep it"</button>
                </div>
            </div>
        </Show>
    }
}
