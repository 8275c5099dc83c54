//! New activity: the nine needs, then the chosen activity's guided form.

mod draft;
mod form;
mod links;

pub use draft::{DraftBanner, DraftKeeper};
pub use form::{field_ids, ActivityForm, ErrorSummary, FieldIds, IdScope};

use super::browser;
use super::icon::KindIcon;
use super::layout::ViewLink;
use super::route::View;
use super::state::use_app;
use crate::domain::{ActivityKind, Record, RecordForm, ValidationErrors};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn NewActivity(kind: Option<ActivityKind>) -> impl IntoView {
    match kind {
        None => view! { <Chooser/> }.into_any(),
        Some(kind) => view! { <NewForm kind/> }.into_any(),
    }
}

#[component]
fn Chooser() -> impl IntoView {
    view! {
        <section aria-labelledby="view-title">
            <h1 id="view-title" tabindex="-1">"What do you need?"</h1>
            <p class="lead">"Pick the need closest to yours. The next step guides you through it."</p>
            <ul class="choices">
                {ActivityKind::ALL
                    .into_iter()
                    .map(|kind| {
                        view! {
                            <li class="choice">
                                <ViewLink to=View::New(Some(kind)) class="choice-link">
                                    <span class="choice-need">{kind.need()}</span>
                                    <span class="choice-kind">
                                        <KindIcon kind/>
                                        " "
                                        {kind.label()}
                                    </span>
                                </ViewLink>
                                <p class="choice-intent">{kind.intent()}</p>
                                <p class="choice-example">
                                    <span class="visually-hidden">"For example: "</span>
                                    {kind.example()}
                                </p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// After a refused submit, the summary takes focus so the member hears why.
pub fn show_errors(errors: RwSignal<ValidationErrors>, found: ValidationErrors, scope: &IdScope) {
    errors.set(found);
    let summary = scope.summary();
    request_animation_frame(move || browser::focus_element(&summary));
}

#[component]
fn NewForm(kind: ActivityKind) -> impl IntoView {
    let state = use_app();
    let prefill = state
        .prefill
        .try_update(Option::take)
        .flatten()
        .filter(|(k, _)| *k == kind);
    let prefilled = prefill.is_some();
    let form = RwSignal::new(RecordForm {
        author: state.author(),
        ..RecordForm::default()
    });
    let draft = DraftKeeper::attach(format!("draft:new:{}", kind.slug()), form);
    if let Some((_, values)) = prefill {
        form.set(values);
        draft.restored.set(None);
    }
    let errors = RwSignal::new(ValidationErrors::default());
    let busy = RwSignal::new(false);
    let here = StoredValue::new(());
    let submit = Callback::new(move |()| {
        if busy.get_untracked() {
            return;
        }
        let filled = form.get_untracked();
        match Record::create(kind, &filled, browser::new_id(), browser::now()) {
            Err(found) => show_errors(errors, found, &IdScope::default()),
            Ok(record) => {
                errors.set(ValidationErrors::default());
                busy.set(true);
                let drop_draft = draft.on_saved(filled.clone());
                spawn_local(async move {
                    let (id, title) = (record.id, record.title.clone());
                    match state.save(record, None).await {
                        Ok(()) => {
                            drop_draft();
                            state.update_settings(|s| s.author = filled.author.trim().to_owned());
                            // A member who went elsewhere while it saved
                            // stays there, even back on a new form.
                            if !here.is_disposed() {
                                state.go(View::Record(id));
                            }
                            state.tell(format!("Saved “{title}”."));
                        }
                        Err(error) => {
                            busy.set(false);
                            // Left meanwhile, the text waits as a draft.
                            let kept = if here.is_disposed() {
                                "Your text comes back when you open the form again."
                            } else {
                                "Your text is still in the form."
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
            <p class="crumbs">
                <ViewLink to=View::New(None)>"← All needs"</ViewLink>
            </p>
            <h1 id="view-title" tabindex="-1">
                <KindIcon kind/>
                " "
                {kind.label()}
            </h1>
            <p class="lead">{kind.intent()}</p>
            {prefilled.then(|| view! { <p class="hint-box">"The form is prefilled from earlier records. Check it and complete it."</p> })}
            <DraftBanner keeper=draft/>
            <ActivityForm kind form errors busy=busy.into() submit_label="Save" on_submit=submit/>
        </section>
    }
}
