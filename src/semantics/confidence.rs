//! The reference scores (docs/bot-runtime.md, "Confidence"). A model-based runtime uses its
//! model's score instead; these are what `regl test` and `regl chat` use, and what the
//! generated scenarios expect.

/// A button, a list option, its number, or a slot value: the client said exactly that.
pub const CHOICE: f64 = 1.0;
/// Every word of a phrase found by stem or stem prefix.
pub const PHRASE: f64 = 0.9;
/// A phrase found, but at least one of its words only one (or two) edits away.
pub const ONE_EDIT: f64 = 0.75;
/// Nothing matched.
pub const NOTHING: f64 = 0.0;

/// How one word of a phrase was found in the message, weakest last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum How {
    /// Equal Snowball stems: «жалобу» for «жалоба».
    Stem,
    /// The phrase word's stem, of 5+ letters, begins the message word: «записываю» for
    /// «запись…».
    Prefix,
    /// Within one edit (two from 9 letters): «жалабу» for «жалоба».
    Edit,
}

impl How {
    /// The score of a phrase whose weakest word matched this way.
    pub fn score(self) -> f64 {
        match self {
            How::Stem | How::Prefix => PHRASE,
            How::Edit => ONE_EDIT,
        }
    }
}
