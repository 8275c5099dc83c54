#[cfg(target_arch = "wasm32")]
fn main() {
    repertoire::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Repertoire runs in the browser: build it with `trunk build` (see README.md).");
}
