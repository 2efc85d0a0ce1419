//! Phrases several messages share, so each reads the same wherever it appears.

use super::{Text, t};

/// The label of a value that is where the problem is, when there is nothing more to say.
pub fn here() -> Text {
    Text::new("here", "здесь")
}

/// "did you mean `x`?": `shown` is the suggestion as the message quotes it (in backticks or
/// double quotes, as the value is written where it goes).
pub fn did_you_mean(shown: &str) -> Text {
    t!("did you mean {shown}?", "возможно, имелось в виду {shown}?")
}

/// "(location `ufa`)": which location a finding is about, after the finding.
pub fn of_location(id: &str) -> Text {
    t!("(location `{id}`)", "(филиал `{id}`)")
}
