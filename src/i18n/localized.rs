//! An error whose message is a [`Text`], so the `anyhow` errors a verb returns (a file that
//! cannot be written, an unknown city, a business that already exists) reach the user in
//! their language like every diagnostic does.
//!
//! A verb wraps what went wrong in a [`Localized`] (directly, or with [`TextContext`] around
//! an I/O error); `cmd` prints the chain with [`render`] in the chosen language. What is not
//! ours in the chain (the operating system's own reason) is shown as it is.

use std::error::Error;
use std::fmt;

use super::{Lang, Text};

/// An error message in both languages, with the error it explains, if any.
pub struct Localized {
    text: Text,
    source: Option<anyhow::Error>,
}

impl Localized {
    pub fn new(text: Text) -> Self {
        Self { text, source: None }
    }

    /// `text` explaining `source` ("cannot write `x`" over "No space left on device").
    pub fn with_source(text: Text, source: impl Into<anyhow::Error>) -> Self {
        Self {
            text,
            source: Some(source.into()),
        }
    }

    pub fn text(&self) -> &Text {
        &self.text
    }
}

// Display is the English text: what `{:#}` shows where no language was chosen (a test's
// assertion, a panic); `cmd` prints through [`render`] instead.
impl fmt::Display for Localized {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text.en())
    }
}

impl fmt::Debug for Localized {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Localized")
            .field("text", &self.text)
            .field("source", &self.source)
            .finish()
    }
}

impl Error for Localized {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.source.as_ref().map(|e| {
            let e: &(dyn Error + Send + Sync + 'static) = e.as_ref();
            e as &(dyn Error + 'static)
        })
    }
}

/// The whole chain of `e` as `{:#}` prints it ("outer: inner"), each [`Localized`] link in
/// `lang`.
pub fn render(e: &anyhow::Error, lang: Lang) -> String {
    e.chain()
        .map(|c| {
            c.downcast_ref::<Localized>()
                .map_or_else(|| c.to_string(), |l| l.text.get(lang).to_owned())
        })
        .collect::<Vec<_>>()
        .join(": ")
}

/// `anyhow::Context` with a [`Text`]: the error explained in both languages.
pub trait TextContext<T> {
    fn text_context(self, text: Text) -> anyhow::Result<T>;
    fn with_text(self, text: impl FnOnce() -> Text) -> anyhow::Result<T>;
}

impl<T, E: Into<anyhow::Error>> TextContext<T> for Result<T, E> {
    fn text_context(self, text: Text) -> anyhow::Result<T> {
        self.map_err(|e| Localized::with_source(text, e).into())
    }

    fn with_text(self, text: impl FnOnce() -> Text) -> anyhow::Result<T> {
        self.map_err(|e| Localized::with_source(text(), e).into())
    }
}

impl<T> TextContext<T> for Option<T> {
    fn text_context(self, text: Text) -> anyhow::Result<T> {
        self.ok_or_else(|| Localized::new(text).into())
    }

    fn with_text(self, text: impl FnOnce() -> Text) -> anyhow::Result<T> {
        self.ok_or_else(|| Localized::new(text()).into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_each_link_in_the_language_and_the_rest_as_it_is() {
        let io = std::io::Error::other("disk on fire");
        let e: anyhow::Result<()> =
            Err(io).text_context(Text::new("cannot write `a`", "не удаётся записать `a`"));
        let e = e
            .text_context(Text::new("export failed", "экспорт не удался"))
            .unwrap_err();
        assert_eq!(
            render(&e, Lang::Ru),
            "экспорт не удался: не удаётся записать `a`: disk on fire"
        );
        assert_eq!(render(&e, Lang::En), format!("{e:#}"));
        let plain = anyhow::anyhow!("plain");
        assert_eq!(render(&plain, Lang::Ru), "plain");
    }
}
