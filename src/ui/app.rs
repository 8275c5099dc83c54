use super::activity::NewActivity;
use super::assessment::AssessmentView;
use super::browser;
use super::data::DataView;
use super::home::Home;
use super::layout::{Header, LiveRegion, StorageProblem};
use super::map::MapView;
use super::members::MembersView;
use super::options::MountOptions;
use super::pause::Pause;
use super::profile::ProfileView;
use super::record::{EditRecord, RecordDetail};
use super::repertoire::{RecentRows, RepertoireList};
use super::route::View;
use super::state::{AppState, Loading};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Entry point of the bundle. The standalone page marks its body; on a
/// host page the widget script mounts each element instead (`embed.rs`).
pub fn start() {
    console_error_panic_hook::set_once();
    let standalone = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .is_some_and(|body| body.has_attribute("data-repertoire-page"));
    if !standalone {
        return;
    }
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    match MountOptions::standalone(&search, &browser::location_hash()) {
        Ok(options) => leptos::mount::mount_to_body(move || view! { <App options/> }),
        Err(message) => leptos::mount::mount_to_body(move || {
            view! { <main class="app"><p class="problem" role="alert">{message}</p></main> }
        }),
    }
}

#[component]
pub fn App(options: MountOptions) -> impl IntoView {
    let state = AppState::new(options.namespace.clone(), options.first_view.clone());
    state.display_name.set_value(options.name.clone());
    state.embedded.set_value(options.embedded);
    provide_context(state);
    spawn_local(state.open());
    if !options.embedded {
        follow_hash(state);
    }
    let classes = format!(
        "app {}{}{}",
        options.theme.class(),
        if options.compact { " compact" } else { "" },
        if options.embedded { " embedded" } else { "" },
    );
    let full_page = options.full_page.clone();
    let content = move || match state.loading.get() {
        // The view is read only while loading, so browsing never rebuilds this.
        Loading::Recent(records) if matches!(state.view.get(), View::Repertoire(ref query) if query.is_empty()) => {
            view! { <RecentRows records/> }.into_any()
        }
        Loading::Opening | Loading::Recent(_) => {
            view! { <p class="quiet">"Opening the repertoire…"</p> }.into_any()
        }
        Loading::Failed(error) => view! { <StorageProblem error/> }.into_any(),
        Loading::Ready => view! { <CurrentView/> }.into_any(),
    };
    // A widget is a region of its host page: the page's main and banner
    // landmarks stay the host's own.
    let body = if options.embedded {
        view! { <div id="main" class="main" tabindex="-1">{content}</div> }.into_any()
    } else {
        view! { <main id="main" class="main" tabindex="-1">{content}</main> }.into_any()
    };
    let region = options.embedded.then(|| {
        format!(
            "Repertoire of {}",
            options
                .name
                .clone()
                .unwrap_or_else(|| options.namespace.clone())
        )
    });
    let nav_label = region
        .as_ref()
        .map_or_else(|| "Main".to_owned(), |r| format!("{r}: sections"));
    let inner = view! {
        <a class="skip-link" href="#main" on:click=move |ev| {
            ev.prevent_default();
            browser::focus_element("main");
        }>"Skip to content"</a>
        <Header full_page nav_label/>
        <LiveRegion/>
        {body}
    };
    match region {
        // A named section is a region landmark, and keeps the header inside
        // it from being a second banner of the host page.
        Some(label) => {
            view! { <section class=classes aria-label=label>{inner}</section> }.into_any()
        }
        None => view! { <div class=classes>{inner}</div> }.into_any(),
    }
}

/// Hashes the app set whose events are still awaited; older ones are
/// dropped, should the browser never send them.
const ECHOES_KEPT: usize = 8;
/// How long typing pauses before the address shows the query.
const ADDRESS_PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

/// On the standalone page the hash follows the view, and the back button
/// moves the view. A widget never touches its host page's address.
fn follow_hash(state: AppState) {
    // Rewriting the address costs the browser more than a whole search, so
    // while a query is refined (typing, filters) the address follows once
    // the member pauses; moving to another view updates it at once.
    let pending = Pause::new();
    // The hashes the app itself set, in order. Their `hashchange` events
    // arrive later, maybe after the member already typed in the new view,
    // and must not take the view back; each is heard once, then forgotten.
    let written = StoredValue::new(Vec::<String>::new());
    Effect::new(move |previous: Option<View>| {
        let view = state.view.get();
        let refining = matches!(
            (&previous, &view),
            (Some(View::Repertoire(_)), View::Repertoire(_))
        );
        let hash = view.to_hash();
        if refining {
            pending.after(ADDRESS_PAUSE, move || {
                browser::set_location_hash(&hash, true);
            });
        } else {
            pending.cancel();
            if browser::set_location_hash(&hash, false) {
                // As the browser writes it (percent-encoded), as events say it.
                let set = browser::location_hash();
                written.update_value(|written| {
                    if written.len() == ECHOES_KEPT {
                        written.remove(0);
                    }
                    written.push(set);
                });
            }
        }
        view
    });
    let hash_listener = window_event_listener(leptos::ev::hashchange, move |event| {
        let url = event.new_url();
        let arrived = url.find('#').map_or("", |at| &url[at..]);
        let echo = written
            .try_update_value(|written| {
                // Events come in order: hashes set before this one whose
                // events never came are dropped with it.
                let at = written.iter().position(|hash| hash == arrived);
                if let Some(at) = at {
                    written.drain(..=at);
                }
                at.is_some()
            })
            .unwrap_or(false);
        if echo {
            return;
        }
        let view = View::from_hash(&browser::location_hash());
        if view != state.view.get_untracked() {
            state.view.set(view);
        }
    });
    on_cleanup(move || hash_listener.remove());
}

#[component]
fn CurrentView() -> impl IntoView {
    let state = super::state::use_app();
    // After a view change, focus its heading so keyboard and screen reader
    // users start at the top of what changed.
    Effect::new(move |previous: Option<View>| {
        let view = state.view.get();
        let same_section = matches!(
            (&previous, &view),
            (Some(View::Repertoire(_)), View::Repertoire(_))
        );
        if previous.is_some_and(|previous| previous != view) && !same_section {
            state.derived.follow_the_day();
            let embedded = state.embedded.get_value();
            request_animation_frame(move || {
                if !embedded {
                    browser::scroll_to_top();
                }
                browser::focus_element("view-title");
            });
        }
        view
    });
    // Refining a search keeps the same list on screen (and the focus in
    // the search box); only a change of view builds a new one.
    let page = Memo::new(move |_| match state.view.get() {
        View::Repertoire(_) => View::repertoire(),
        other => other,
    });
    move || match page.get() {
        View::Home => view! { <Home/> }.into_any(),
        View::Repertoire(_) => view! { <RepertoireList/> }.into_any(),
        View::New(kind) => view! { <NewActivity kind/> }.into_any(),
        View::Record(id) => view! { <RecordDetail id/> }.into_any(),
        View::Edit(id) => view! { <EditRecord id/> }.into_any(),
        View::Data => view! { <DataView/> }.into_any(),
        View::Profile => view! { <ProfileView/> }.into_any(),
        View::Members => view! { <MembersView/> }.into_any(),
        View::Map => view! { <MapView/> }.into_any(),
        View::Assessment => view! { <AssessmentView/> }.into_any(),
    }
}
