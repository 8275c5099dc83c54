use super::activity::NewActivity;
use super::assessment::AssessmentView;
use super::browser;
use super::data::DataView;
use super::home::Home;
use super::layout::{Header, LiveRegion, StorageProblem};
use super::map::MapView;
use super::members::MembersView;
use super::profile::ProfileView;
use super::record::{EditRecord, RecordDetail};
use super::repertoire::RepertoireList;
use super::route::View;
use super::state::{AppState, Loading};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Entry point of the standalone page.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new(
        "default".to_owned(),
        View::from_hash(&browser::location_hash()),
    );
    provide_context(state);
    spawn_local(state.open());

    // The hash follows the view, and the back button moves the view.
    Effect::new(move |previous: Option<View>| {
        let view = state.view.get();
        let refining = matches!(
            (&previous, &view),
            (Some(View::Repertoire(_)), View::Repertoire(_))
        );
        browser::set_location_hash(&view.to_hash(), refining);
        view
    });
    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let view = View::from_hash(&browser::location_hash());
        if view != state.view.get_untracked() {
            state.view.set(view);
        }
    });
    on_cleanup(move || hash_listener.remove());

    view! {
        <div class="app">
            <a class="skip-link" href="#main" on:click=move |ev| {
                ev.prevent_default();
                browser::focus_element("main");
            }>"Skip to content"</a>
            <Header/>
            <LiveRegion/>
            <main id="main" tabindex="-1">
                {move || match state.loading.get() {
                    Loading::Opening => view! { <p class="quiet">"Opening the repertoire…"</p> }.into_any(),
                    Loading::Failed(error) => view! { <StorageProblem error/> }.into_any(),
                    Loading::Ready => view! { <CurrentView/> }.into_any(),
                }}
            </main>
        </div>
    }
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
            request_animation_frame(|| {
                browser::scroll_to_top();
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
