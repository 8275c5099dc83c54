//! The frame around every view: title, navigation, status messages.

use super::route::{Section, View};
use super::state::use_app;
use crate::store::StoreError;
use leptos::prelude::*;

#[component]
pub fn Header(full_page: Option<String>, nav_label: String) -> impl IntoView {
    let state = use_app();
    view! {
        <header class="top">
            <p class="brand">
                <span class="brand-name">
                    {move || {
                        let named = state.profile.with(Option::is_some) || state.display_name.with_value(Option::is_some);
                        if named { state.name() } else { "Repertoire".to_owned() }
                    }}
                </span>
                <span class="brand-sub">{move || format!("the shared practice of our {}", state.word())}</span>
                <span class="brand-me">
                    {move || match state.me() {
                        Some(me) => view! {
                            "You are "
                            <ViewLink to=View::Members>{me.name}</ViewLink>
                        }.into_any(),
                        None => view! { <ViewLink to=View::Members>"Who are you?"</ViewLink> }.into_any(),
                    }}
                </span>
            </p>
            {full_page.map(|href| view! {
                <a class="full-page" href=href target="_blank" rel="noopener">"Open as a full page"</a>
            })}
            <nav aria-label=nav_label>
                <ul class="nav">
                    {Section::ALL
                        .into_iter()
                        .map(|section| {
                            let current = move || state.view.with(|v| v.section()) == section;
                            view! {
                                <li>
                                    <a
                                        href=section.view().to_hash()
                                        class:current=current
                                        aria-current=move || current().then_some("page")
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            state.go(section.view());
                                        }
                                    >
                                        {section.label()}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}

/// Announces what happened (saved, failed) to everyone, screen readers too.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let state = use_app();
    view! {
        <div class="live" role="status" aria-live="polite">
            {move || {
                state
                    .notice
                    .get()
                    .map(|notice| {
                        let undo = notice.undo.clone().map(|(record, tombstone)| {
                            view! {
                                <button type="button" class="secondary" on:click=move |_| {
                                    let (record, tombstone) = (record.clone(), tombstone.clone());
                                    leptos::task::spawn_local(async move {
                                        let title = record.title.clone();
                                        let id = record.id;
                                        match state.save(record, Some(tombstone)).await {
                                            Ok(()) => {
                                                state.go(View::Record(id));
                                                state.tell(format!("Restored “{title}”."));
                                            }
                                            Err(error) => state.warn(format!("Could not restore it. {error}")),
                                        }
                                    });
                                }>"Undo"</button>
                            }
                        });
                        view! {
                            <p class="notice" class:error=notice.is_error>
                                <span>{notice.text}</span>
                                {undo}
                                <button type="button" class="link" on:click=move |_| state.notice.set(None)>
                                    "Dismiss"
                                </button>
                            </p>
                        }
                    })
            }}
            {move || {
                state
                    .refreshing
                    .with(|n| *n > 0)
                    .then(|| view! { <p class="notice">"Reading the imported records…"</p> })
            }}
        </div>
    }
}

/// Shown instead of the app when the repertoire cannot be opened.
#[component]
pub fn StorageProblem(error: StoreError) -> impl IntoView {
    view! {
        <section class="problem" aria-labelledby="problem-title">
            <h1 id="problem-title">"The repertoire cannot be opened"</h1>
            <p>{error.to_string()}</p>
            <p>"Nothing has been changed or lost by this. When the cause is fixed, reload the page."</p>
            <button type="button" on:click=|_| {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            }>"Reload"</button>
        </section>
    }
}

/// A link that switches the view without leaving the page.
#[component]
pub fn ViewLink(
    to: View,
    children: Children,
    #[prop(optional, into)] class: String,
) -> impl IntoView {
    let state = use_app();
    let href = to.to_hash();
    view! {
        <a href=href class=class on:click=move |ev| {
            ev.prevent_default();
            state.go(to.clone());
        }>{children()}</a>
    }
}
