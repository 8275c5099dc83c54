//! Small line icons for the activity kinds. Drawn as SVG so they look the
//! same on every system (emoji fonts are missing on many intranet desktops).

use crate::domain::ActivityKind;
use leptos::prelude::*;

fn path_of(kind: ActivityKind) -> &'static str {
    match kind {
        // A lifebuoy: help to get unstuck.
        ActivityKind::ProblemSolving => "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8zM5.6 5.6l3.6 3.6M14.8 14.8l3.6 3.6M18.4 5.6l-3.6 3.6M9.2 14.8l-3.6 3.6",
        // A magnifier: looking for something.
        ActivityKind::InformationRequest => "M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13zM15.5 15.5L20 20",
        // A speech bubble: someone's story.
        ActivityKind::SeekingExperience => "M4 5h16v11H10l-6 4zM8 9h8M8 12h5",
        // Two sheets: a copy to adapt.
        ActivityKind::ReusingAssets => "M9 9h11v11H9zM5 15H4V4h11v1",
        // Chain links: joining forces.
        ActivityKind::Coordination => "M9 15l6-6M10.5 6.5l1-1a4 4 0 0 1 6 6l-1 1M13.5 17.5l-1 1a4 4 0 0 1-6-6l1-1",
        // A spark: something new.
        ActivityKind::DiscussingDevelopments => "M12 3v5M12 16v5M3 12h5M16 12h5M6 6l3 3M15 15l3 3M18 6l-3 3M9 15l-3 3",
        // A page: written down.
        ActivityKind::DocumentationProject => "M6 3h9l4 4v14H6zM15 3v4h4M9 12h7M9 16h7",
        // A map pin: going somewhere.
        ActivityKind::Visit => "M12 21s-6-5.5-6-10a6 6 0 0 1 12 0c0 4.5-6 10-6 10zM12 9a2 2 0 1 0 0 4a2 2 0 1 0 0-4z",
        // Connected dots: who knows what.
        ActivityKind::Mapping => "M3 6a2 2 0 1 0 4 0a2 2 0 1 0-4 0M17 6a2 2 0 1 0 4 0a2 2 0 1 0-4 0M10 18a2 2 0 1 0 4 0a2 2 0 1 0-4 0M7 6h10M6 8l5 8M18 8l-5 8",
    }
}

/// The kind's icon; decorative, since a word always stands beside it.
#[component]
pub fn KindIcon(kind: ActivityKind) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=path_of(kind)/>
        </svg>
    }
}
