//! A record on its own page: its fields, its contributions, the steps its
//! kind allows, its links, and its editing form.

mod actions;
mod contributions;
mod fields;
mod resolve;

use super::activity::{show_errors, ActivityForm, DraftBanner, DraftKeeper, IdScope};
use super::browser::{self, format_time};
use super::layout::ViewLink;
use super::repertoire::KindBadge;
use super::route::View;
use super::state::{use_app, AppState};
use crate::domain::history::Rev;
use crate::domain::lifecycle::{apply, Step};
use crate::domain::links::linked_from;
use crate::domain::{Id, Record, RecordForm, ValidationErrors};
use crate::store::StoreError;
use actions::RecordActions;
use contributions::Contributions;
use fields::RecordFields;
use leptos::prelude::*;
use leptos::task::spawn_local;
use resolve::ConflictNotice;

/// The form a step was taken from: where its errors go, and what it does
/// once the step is saved.
pub struct StepForm {
    pub errors: RwSignal<ValidationErrors>,
    pub saved: Box<dyn FnOnce()>,
}

/// Applies a life-cycle step to the stored record and saves it. Refusals go
/// to `form` or, without one, to the live region. A step is an intent, not
/// a copy of the record: when the record changed meanwhile (another tab,
/// an import), the step is taken again on the version stored now.
pub fn take_step(state: AppState, id: Id, step: Step, success: &str, form: Option<StepForm>) {
    let Some(record) = state.record(id) else {
        state.warn("This record no longer exists.");
        return;
    };
    let (author, new_id, now) = (state.author(), browser::new_id(), browser::now());
    let take = move |record: &Record| apply(record, step.clone(), &author, new_id, now);
    let refuse = move |errors: ValidationErrors, form: Option<&StepForm>| match form {
        Some(form) => form.errors.set(errors),
        None => state.warn(errors.to_string()),
    };
    let next = match take(&record) {
        Err(errors) => return refuse(errors, form.as_ref()),
        Ok(next) => next,
    };
    let success = success.to_owned();
    spawn_local(async move {
        let mut saved = state.save(next, state.rev_of(id)).await;
        if let Err(StoreError::Changed {
            current: Some(current),
            rev: Some(rev),
        }) = &saved
        {
            match take(current) {
                Ok(again) => saved = state.save(again, Some(rev.clone())).await,
                Err(errors) => return refuse(errors, form.as_ref()),
            }
        }
        match saved {
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
                <ConflictNotice id kind/>
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

/// How an edit is written.
#[derive(Clone, Copy, PartialEq)]
enum Writing {
    /// Over the version the form opened with.
    Over,
    /// The member's changes applied on top of the version saved meanwhile.
    OnTop,
    /// The member's version kept beside the one saved meanwhile.
    KeepBoth,
}

#[component]
pub fn EditRecord(id: Id) -> impl IntoView {
    let state = use_app();
    let Some(original) = state.record(id) else {
        return view! { <NotFound/> }.into_any();
    };
    let kind = original.kind();
    let form = RwSignal::new(RecordForm::of(&original));
    // What the member edits: the version shown when the form opened.
    let base = StoredValue::new((original.clone(), state.rev_of(id)));
    // The version saved meanwhile, once a save found the record moved on.
    let moved: RwSignal<Option<(Record, Rev)>> = RwSignal::new(None);
    let draft = DraftKeeper::attach(format!("draft:edit:{id}"), form);
    let errors = RwSignal::new(ValidationErrors::default());
    let busy = RwSignal::new(false);
    let here = StoredValue::new(());
    let title = original.title.clone();
    let write = move |how: Writing| {
        if busy.get_untracked() {
            return;
        }
        let filled = form.get_untracked();
        let (mine, base_rev) = base.get_value();
        let now = browser::now();
        let made = match (how, moved.get_untracked()) {
            (Writing::OnTop, Some((theirs, rev))) => {
                let merged =
                    RecordForm::rebase(&RecordForm::of(&mine), &filled, &RecordForm::of(&theirs));
                theirs.edited(&merged, now).map(|r| (r, Some(rev)))
            }
            _ => mine.edited(&filled, now).map(|r| (r, base_rev)),
        };
        let (record, from) = match made {
            Err(found) => return show_errors(errors, found, &IdScope::default()),
            Ok(made) => made,
        };
        errors.set(ValidationErrors::default());
        busy.set(true);
        let drop_draft = draft.on_saved(filled);
        spawn_local(async move {
            let title = record.title.clone();
            let saved = match (how, from) {
                (Writing::KeepBoth, Some(from)) => state.keep_both(record, from).await,
                (_, from) => state.save(record, from).await,
            };
            match saved {
                Ok(()) => {
                    drop_draft();
                    // A member who went elsewhere while it saved
                    // stays there, even back on a new form.
                    if !here.is_disposed() {
                        state.go(View::Record(id));
                    }
                    state.tell(match how {
                        Writing::KeepBoth => format!("Kept both versions of “{title}”: the record shows them side by side until someone resolves them."),
                        _ => format!("Saved your changes to “{title}”."),
                    });
                }
                Err(StoreError::Changed {
                    current: Some(current),
                    rev: Some(rev),
                }) if !here.is_disposed() => {
                    busy.set(false);
                    moved.set(Some((*current, rev)));
                    request_animation_frame(|| browser::focus_element("moved-title"));
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
    };
    let submit = Callback::new(move |()| {
        write(if moved.with_untracked(Option::is_some) {
            Writing::OnTop
        } else {
            Writing::Over
        })
    });
    view! {
        <section aria-labelledby="view-title">
            <p class="crumbs"><ViewLink to=View::Record(id)>"← Back to the record"</ViewLink></p>
            <h1 id="view-title" tabindex="-1">"Edit: " {title}</h1>
            <DraftBanner keeper=draft/>
            {move || moved.get().map(|(theirs, _)| {
                let (mine, _) = base.get_value();
                view! { <MovedOn kind mine theirs on_top=move || write(Writing::OnTop) keep_both=move || write(Writing::KeepBoth)/> }
            })}
            <ActivityForm kind form errors busy=busy.into() submit_label="Save changes" on_submit=submit/>
        </section>
    }
    .into_any()
}

/// What changed while the member was editing, and the two ways on. The
/// member's text stays in the form below, untouched.
#[component]
fn MovedOn(
    kind: crate::domain::ActivityKind,
    mine: Record,
    theirs: Record,
    on_top: impl Fn() + Copy + Send + Sync + 'static,
    keep_both: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let pair = [mine, theirs];
    let keys = resolve::differing(&pair);
    let nothing = keys.is_empty();
    let changes = keys
        .into_iter()
        .map(|key| {
            view! { <dt>{resolve::label(kind, &key)}</dt><dd>{resolve::value(&pair[1], &key)}</dd> }
        })
        .collect_view();
    view! {
        <div class="moved-on" role="group" aria-labelledby="moved-title">
            <h2 id="moved-title" tabindex="-1">"This record changed while you were editing it"</h2>
            <p>"A change was saved meanwhile (another tab, or an import), so yours was not written over it. Your text is still in the form. What changed:"</p>
            <dl class="moved-fields">{changes}</dl>
            {nothing.then(|| view! { <p>"(Only its history moved on.)"</p> })}
            <div class="actions">
                <button type="button" on:click=move |_| on_top()>"Apply my changes on top"</button>
                <button type="button" class="secondary" on:click=move |_| keep_both()>"Keep both versions"</button>
            </div>
            <p class="hint">"On top: your fields over theirs. Both: the record keeps the two until someone resolves them."</p>
        </div>
    }
}
