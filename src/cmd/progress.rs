//! The progress bar `render` and `export` show on a terminal: on stderr, only when it is a
//! terminal and there is more than one location, so piped and tested output stays stable.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::i18n::{Lang, Text};

/// A bar over `len` locations, its line starting with `prefix` ("rendering", "exporting").
pub fn bar(len: usize, prefix: &Text, lang: Lang) -> ProgressBar {
    if !std::io::stderr().is_terminal() || len < 2 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    let template = Text::new(
        "{prefix} [{bar:30}] {pos}/{len} locations",
        "{prefix} [{bar:30}] {pos}/{len} филиалов",
    );
    if let Ok(style) = ProgressStyle::with_template(template.get(lang)) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_prefix(prefix.get(lang).to_owned());
    bar
}
