//! A record on its own page: every field, and its editing form.

use super::activity::{show_errors, ActivityForm};
use super::browser::{self, format_time};
use super::layout::ViewLink;
use super::repertoire::KindBadge;
use super::route::View;
use super::state::use_app;
use crate::domain::{fields_of, Id, RecordForm, ValidationErrors};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <section aria-labelledby="view-title">
            <h1 id="view-title" tabindex="-1">"Record not found"</h1>
            <p>"This record is not in the repertoire of this browser. It may have been deleted, or the link comes from another device."</p>
            <p><ViewLink to=View::Repertoire>"Back to the repertoire"</ViewLink></p>
        </section>
    }
}

#[component]
pub fn RecordDetail(id: Id) -> impl IntoView {
    let state = use_app();
    move || {
        let Some(record) = state.record(id) else {
            return view! { <NotFound/> }.into_any();
        };
        let values = record.payload.to_form();
        let topics = record.topics.clone();
        view! {
            <article aria-labelledby="view-title">
                <p class="crumbs"><ViewLink to=View::Repertoire>"← Repertoire"</ViewLink></p>
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
                <dl class="fields">
                    {fields_of(record.kind())
                        .iter()
                        .filter_map(|spec| {
                            let value = values.get(spec.key).filter(|v| !v.trim().is_empty())?.clone();
                            Some(view! {
                                <dt>{spec.label}</dt>
                                <dd class="text">{value}</dd>
                            })
                        })
                        .collect_view()}
                </dl>
                <p class="actions">
                    <ViewLink to=View::Edit(id) class="button secondary">"Edit"</ViewLink>
                </p>
            </article>
        }
        .into_any()
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
    let errors = RwSignal::new(ValidationErrors::default());
    let busy = RwSignal::new(false);
    let title = original.title.clone();
    let submit = Callback::new(move |()| {
        if busy.get_untracked() {
            return;
        }
        let Some(current) = state.record(id) else {
            state.warn("This record no longer exists, so the changes were not saved.");
            return;
        };
        match current.edited(&form.get_untracked(), browser::now()) {
            Err(found) => show_errors(errors, found),
            Ok(record) => {
                errors.set(ValidationErrors::default());
                busy.set(true);
                spawn_local(async move {
                    let title = record.title.clone();
                    match state.save(record).await {
                        Ok(()) => {
                            state.go(View::Record(id));
                            state.tell(format!("Saved your changes to “{title}”."));
                        }
                        Err(error) => {
                            busy.set(false);
                            state.warn(format!(
                                "Not saved. {error} Your changes are still in the form."
                            ));
                        }
                    }
                });
            }
        }
    });
    view! {
        <section aria-labelledby="view-title">
            <p class="crumbs"><ViewLink to=View::Record(id)>"← Back without saving"</ViewLink></p>
            <h1 id="view-title" tabindex="-1">"Edit: " {title}</h1>
            <ActivityForm kind form errors busy=busy.into() submit_label="Save changes" on_submit=submit/>
        </section>
    }
    .into_any()
}
