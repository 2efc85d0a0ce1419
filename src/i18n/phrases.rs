//! Phrases several messages share, so each reads the same wherever it appears.

use super::Text;

/// The label of a value that is where the problem is, when there is nothing more to say.
pub fn here() -> Text {
    Text::new("here", "здесь")
}
