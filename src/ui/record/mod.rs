//! A record on its own page: its fields, its contributions, the steps its
//! kind allows, its links, and its editing form.

mod actions;
mod contributions;
mod fields;

use super::activity::{show_errors, ActivityForm, DraftBanner, DraftKeeper, IdScope};
use super::browser::{self, format_time};
use super::layout::ViewLink;
use super::repertoire::KindBadge;
use super::route::View;
use super::state::{use_app, AppState};
use crate::domain::lifecycle::{apply, Step};
use crate::domain::links::linked_from;
use crate::domain::{Id, Record, RecordForm, ValidationErrors};
use actions::RecordActions;
use contributions::Contributions;
use fields::RecordFields;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The form a step was taken from: where its errors go, and what it does
/// once the step is saved.
pub struct StepForm {
    pub errors: RwSignal<ValidationErrors>,
    pub saved: Box<dyn FnOnce()>,
}

/// Applies a life-cycle step to the stored record and saves it. Refusals go
/// to `form` or, without one, to the live region.
pub fn take_step(state: AppState, id: Id, step: Step, success: &str, form: Option<StepForm>) {
    let Some(record) = state.record(id) else {
        state.warn("This record no longer exists.");
        return;
    };
    match apply(
        &record,
        step,
        &state.author(),
        browser::new_id(),
        browser::now(),
    ) {
        Err(errors) => match form {
            Some(form) => form.errors.set(errors),
            None => state.warn(errors.to_string()),
        },
        Ok(next) => {
            let success = success.to_owned();
            spawn_local(async move {
                match state.save(next).await {
                    Ok(()) => {
                        // A step's form goes once used, and the button
                        // pressed may go with it: the heading takes the
                        // focus then.
                        let place = browser::focus_place();
                        if let Some(form) = form {
                            form.errors.set(ValidationErrors::default());
                            (form.saved)();
                        }
                        state.tell(success);
                        request_animation_frame(move || place.restore("view-title"));
                    }
                    Err(error) => state.warn(format!("Not saved. {error}")),
                }
            });
        }
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <section aria-labelledby="view-title">
            <h1 id="view-title" tabindex="-1">"Record not found"</h1>
            <p>"This record is not in the repertoire of this browser. It may have been deleted, or the link comes from another device."</p>
            <p><ViewLink to=View::repertoire()>"Back to the repertoire"</ViewLink></p>
        </section>
    }
}

/// Links both ways: what this grows from, and what grew from it.
#[component]
fn RecordLinks(record: Record) -> impl IntoView {
    let state = use_app();
    let id = record.id;
    let links = StoredValue::new(record.links);
    let sources = Memo::new(move |_| {
        state.records.with(|all| {
            links.with_value(|links| {
                links
                    .iter()
                    .filter_map(|l| all.iter().find(|r| r.id == *l))
                    .map(|r| (r.id, r.title.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let grown = Memo::new(move |_| {
        state.records.with(|all| {
            linked_from(all, id)
                .into_iter()
                .map(|r| (r.id, r.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    let list = |items: Vec<(Id, String)>| {
        items
            .into_iter()
            .map(|(id, title)| view! { <li><ViewLink to=View::Record(id)>{title}</ViewLink></li> })
            .collect_view()
    };
    view! {
        <Show when=move || !sources.with(Vec::is_empty)>
            <section class="links" aria-labelledby="grows-from">
                <h2 id="grows-from">"Grows from"</h2>
                <ul>{move || list(sources.get())}</ul>
            </section>
        </Show>
        <Show when=move || !grown.with(Vec::is_empty)>
            <section class="links" aria-labelledby="written-down">
                <h2 id="written-down">"Written down in"</h2>
                <ul>{move || list(grown.get())}</ul>
            </section>
        </Show>
    }
}

#[component]
pub fn RecordDetail(id: Id) -> impl IntoView {
    let state = use_app();
    let record = Memo::new(move |_| state.record(id));
    // Only the record's coming or going rebuilds the page. A change to it,
    // here or in another tab, redraws what shows it and leaves the forms,
    // and what is typed in them, in place.
    let kind = Memo::new(move |_| record.with(|r| r.as_ref().map(Record::kind)));
    move || {
        let Some(kind) = kind.get() else {
            return view! { <NotFound/> }.into_any();
        };
        view! {
            <article aria-labelledby="view-title">
                <p class="crumbs"><ViewLink to=View::repertoire()>"← Repertoire"</ViewLink></p>
                {move || record.get().map(|record| view! { <RecordHead record/> })}
                <RecordActions id kind record/>
                {move || record.get().map(|record| view! { <RecordLinks record/> })}
                <Contributions id kind record/>
            </article>
        }
        .into_any()
    }
}

#[component]
fn RecordHead(record: Record) -> impl IntoView {
    let topics = record.topics.clone();
    view! {
        <KindBadge kind=record.kind()/>
        <h1 id="view-title" tabindex="-1">{record.title.clone()}</h1>
        <p class="row-meta">
            "By " {record.author.clone()} " · "
            <span class="status">{record.status.label()}</span>
            " · created " <time>{format_time(record.created)}</time>
            " · last change " <time>{format_time(record.last_activity())}</time>
        </p>
        {(!topics.is_empty()).then(|| view! {
            <ul class="topic-list" aria-label="Topics">
                {topics.into_iter().map(|t| view! { <li>{t.as_str().to_owned()}</li> }).collect_view()}
            </ul>
        })}
        <h2 class="visually-hidden">"Details"</h2>
        <RecordFields record/>
    }
}

#[component]
pub fn EditRecord(id: Id) -> impl IntoView {
    let state = use_app();
    let Some(original) = state.record(id) else {
        return view! { <NotFound/> }.into_any();
    };
    let kind = original.kind();
    let form = RwSignal::new(RecordForm::of(&original));
    let draft = DraftKeeper::attach(format!("draft:edit:{id}"), form);
    let errors = RwSignal::new(ValidationErrors::default());
    let busy = RwSignal::new(false);
    let here = StoredValue::new(());
    let title = original.title.clone();
    let submit = Callback::new(move |()| {
        if busy.get_untracked() {
            return;
        }
        let Some(current) = state.record(id) else {
            state.warn("This record no longer exists, so the changes were not saved.");
            return;
        };
        let filled = form.get_untracked();
        match current.edited(&filled, browser::now()) {
            Err(found) => show_errors(errors, found, &IdScope::default()),
            Ok(record) => {
                errors.set(ValidationErrors::default());
                busy.set(true);
                let drop_draft = draft.on_saved(filled);
                spawn_local(async move {
                    let title = record.title.clone();
                    match state.save(record).await {
                        Ok(()) => {
                            drop_draft();
                            // A member who went elsewhere while it saved
                            // stays there, even back on a new form.
                            if !here.is_disposed() {
                                state.go(View::Record(id));
                            }
                            state.tell(format!("Saved your changes to “{title}”."));
                        }
                        Err(error) => {
                            busy.set(false);
                            // Left meanwhile, the changes wait as a draft.
                            let kept = if here.is_disposed() {
                                "Your changes come back when you edit it again."
                            } else {
                                "Your changes are still in the form."
                            };
                            state.warn(format!("Not saved. {error} {kept}"));
                        }
                    }
                });
            }
        }
    });
    view! {
        <section aria-labelledby="view-title">
            <p class="crumbs"><ViewLink to=View::Record(id)>"← Back to the record"</ViewLink></p>
            <h1 id="view-title" tabindex="-1">"Edit: " {title}</h1>
            <DraftBanner keeper=draft/>
            <ActivityForm kind form errors busy=busy.into() submit_label="Save changes" on_submit=submit/>
        </section>
    }
    .into_any()
}
