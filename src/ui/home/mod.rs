//! Home: what the community is for, what waits for help, what changed.

use super::browser::format_time;
use super::data::BackupReminder;
use super::icon::KindIcon;
use super::layout::ViewLink;
use super::repertoire::{RecordRow, RecurringSuggestions};
use super::route::View;
use super::state::use_app;
use crate::domain::links::changes_since;
use crate::domain::topic::join_topics;
use crate::domain::words::plural;
use crate::domain::ActivityKind;
use leptos::prelude::*;

mod health;

const RECENT: usize = 5;
/// Changes listed on Home since the last visit.
const NEWS: usize = 8;

#[component]
pub fn Home() -> impl IntoView {
    let state = use_app();
    let empty = move || state.records.with(Vec::is_empty);
    view! {
        <section aria-labelledby="view-title">
            <h1 id="view-title" tabindex="-1">
                {move || {
                    let named = state.profile.with(Option::is_some) || state.display_name.with_value(Option::is_some);
                    if named { format!("Welcome to {}", state.name()) } else { "Welcome to the repertoire".to_owned() }
                }}
            </h1>
            <Lost/>
            <Domain/>
            <health::Health/>
            <Show when=empty fallback=move || view! { <Overview/> }>
                <FirstSteps/>
            </Show>
        </section>
    }
}

/// The browser cleared the data: say so plainly, and point to the export.
#[component]
fn Lost() -> impl IntoView {
    let state = use_app();
    move || {
        state.lost.get().map(|count| {
            let last = state.settings.with(|s| s.last_export).map(|ms| super::browser::format_time(crate::domain::Timestamp(ms)));
            view! {
                <div class="problem" role="alert">
                    <h2>"The repertoire here is empty"</h2>
                    <p>
                        {format!(
                            "This browser held {} for this community, and its storage now holds none. Browsers clear a site's data when the disk runs low or when someone clears browsing data.",
                            plural(count as usize, "record", "records")
                        )}
                    </p>
                    <p>
                        {match last {
                            Some(when) => format!("The last export from this browser was made {when}. Import it to bring the repertoire back. "),
                            None => "No export was made from this browser. If a colleague or another device has one, import it to bring the repertoire back. ".to_owned(),
                        }}
                        <ViewLink to=View::Data>"Import an export"</ViewLink>
                    </p>
                </div>
            }
        })
    }
}

/// The community's domain in a sentence, or an invitation to state it.
#[component]
fn Domain() -> impl IntoView {
    let state = use_app();
    move || {
        match state.profile.get().filter(|p| p.is_set_up()) {
        Some(profile) => view! {
            <p class="lead domain">{profile.domain}</p>
            <p class="quiet">
                {(!profile.core_topics.is_empty()).then(|| format!("Core topics: {}. ", join_topics(&profile.core_topics)))}
                <ViewLink to=View::Profile>"Community profile"</ViewLink>
            </p>
        }
        .into_any(),
        None => view! {
            <p class="lead">
                "A community's practice lives in what its members ask, answer, try and write down. "
                "Everything saved here stays in this browser, on this device."
            </p>
            <p class="hint-box">
                <span>"Say what your community is about, what it calls itself and which topics are at its core."</span>
                <ViewLink to=View::Profile class="button small">"Describe your community"</ViewLink>
            </p>
        }
        .into_any(),
    }
    }
}

/// The empty state teaches the nine activities and offers the first step.
#[component]
pub fn FirstSteps() -> impl IntoView {
    view! {
        <div class="empty">
            <h2>"Nothing here yet: start from a need"</h2>
            <p>
                "Each entry of the repertoire is one of nine activities. Pick the one that matches what you need "
                "today; the form then guides you through a request others can answer well."
            </p>
            <ul class="need-list">
                {ActivityKind::ALL
                    .into_iter()
                    .map(|kind| {
                        view! {
                            <li>
                                <KindIcon kind/>
                                <strong>{kind.label()}</strong>
                                ": "
                                {kind.need()}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p>
                <ViewLink to=View::New(None) class="button">"Start a new activity"</ViewLink>
            </p>
        </div>
    }
}

#[component]
fn Overview() -> impl IntoView {
    let state = use_app();
    let waiting = move || {
        state.records.with(|records| {
            records
                .iter()
                .filter(|r| {
                    r.status.is_waiting()
                        && matches!(
                            r.kind(),
                            ActivityKind::ProblemSolving
                                | ActivityKind::InformationRequest
                                | ActivityKind::SeekingExperience
                        )
                })
                .take(RECENT)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let recent = move || {
        state
            .records
            .with(|records| records.iter().take(RECENT).cloned().collect::<Vec<_>>())
    };
    view! {
        <BackupReminder/>
        <SinceLastVisit/>
        <RecurringSuggestions/>
        <health::Suggestions/>
        <div class="columns">
            <section aria-labelledby="waiting-title">
                <h2 id="waiting-title">"Waiting for help"</h2>
                <Show
                    when=move || !waiting().is_empty()
                    fallback=|| view! { <p class="quiet">"No problem or request is waiting. Well done."</p> }
                >
                    <ul class="rows">
                        {move || waiting().into_iter().map(|record| view! { <RecordRow record/> }).collect_view()}
                    </ul>
                </Show>
            </section>
            <section aria-labelledby="recent-title">
                <h2 id="recent-title">"Recent activity"</h2>
                <ul class="rows">
                    {move || recent().into_iter().map(|record| view! { <RecordRow record/> }).collect_view()}
                </ul>
                <p>
                    <ViewLink to=View::repertoire()>"See the whole repertoire"</ViewLink>
                </p>
            </section>
        </div>
    }
}

/// No server sends notifications, so Home tells what others added since
/// this member last looked.
#[component]
fn SinceLastVisit() -> impl IntoView {
    let state = use_app();
    let Some(since) = state.previous_visit.get_value() else {
        return ().into_any();
    };
    let changes = move || {
        state
            .records
            .with(|records| changes_since(records, since, &state.author()))
    };
    view! {
        <section aria-labelledby="news-title" class="news">
            <h2 id="news-title">"Since your last visit"</h2>
            {move || {
                let changes = changes();
                if changes.is_empty() {
                    return view! { <p class="quiet">{format!("Nothing new from others since {}.", format_time(since))}</p> }.into_any();
                }
                let more = changes.len().saturating_sub(NEWS);
                view! {
                    <p class="quiet">{format!("Changes by others since {}:", format_time(since))}</p>
                    <ul>
                        {changes
                            .into_iter()
                            .take(NEWS)
                            .map(|change| {
                                let what = match (change.is_new, change.contributions) {
                                    (true, 0) => "new".to_owned(),
                                    (true, n) => format!("new, {}", plural(n, "contribution", "contributions")),
                                    (false, n) => plural(n, "new contribution", "new contributions"),
                                };
                                view! {
                                    <li>
                                        <ViewLink to=View::Record(change.id)>{change.title}</ViewLink>
                                        <span class="quiet">{format!(" ({what})")}</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    {(more > 0).then(|| view! { <p class="quiet">{format!("And {more} more.")}</p> })}
                }
                .into_any()
            }}
        </section>
    }
    .into_any()
}
