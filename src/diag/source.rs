//! The files diagnostics point into, and the byte-offset → line:column arithmetic.

use std::ops::Range;
use std::path::{Path, PathBuf};

/// Index of a file in [`Sources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub usize);

/// A file's text, the way it was shown to the user (path as given).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    /// Where each line starts, found when a finding first needs a line: most files of a
    /// large lint (a thousand bot configs) are never pointed into.
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        Self {
            path: path.into(),
            text,
            line_starts: std::sync::OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// 1-based line and column (in characters, as editors count) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= offset) - 1;
        let start = starts[line];
        let col = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, col + 1)
    }

    /// The whole lines from the one holding `from` to the one after the line holding `to`,
    /// with the 1-based number of the first: what a snippet of a finding needs to show its
    /// labels, so showing one does not cost the whole file (a business of a thousand
    /// locations has tens of thousands of lines, and a finding per location). The line after
    /// keeps a span that ends on a newline pointing where it pointed in the whole file.
    pub fn excerpt(&self, from: usize, to: usize) -> (usize, Range<usize>) {
        let (first, _) = self.line_col(from.min(to));
        let (last, _) = self.line_col(from.max(to));
        let end = self
            .line_starts()
            .get(last + 1)
            .map_or(self.text.len(), |&next| next);
        (first, self.line_starts()[first - 1]..end)
    }

    /// The byte range of the whole line holding `offset`, without its newline.
    pub fn line_span(&self, offset: usize) -> Range<usize> {
        let (line, _) = self.line_col(offset);
        let start = self.line_starts()[line - 1];
        let end = self
            .line_starts()
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        start..end.max(start)
    }
}

/// Every file a run has read, so diagnostics can refer to them by [`FileId`].
#[derive(Debug, Default, Clone)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, path: impl AsRef<Path>, text: String) -> FileId {
        self.files.push(SourceFile::new(path.as_ref(), text));
        FileId(self.files.len() - 1)
    }

    /// The first file read: `business.toml`, for every verb that reads one.
    pub fn first(&self) -> Option<&SourceFile> {
        self.files.first()
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0]
    }

    /// A label can be shown: its span lies inside its file, on character boundaries (the
    /// reporters slice the text with it, and the user is sent to that line and column).
    pub fn fits(&self, file: FileId, span: &Range<usize>) -> bool {
        let text = &self.get(file).text;
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    }
}

#[cfg(test)]
mod tests {
    use super::SourceFile;

    #[test]
    fn counts_columns_in_characters() {
        let f = SourceFile::new("b.toml", "a = 1\ncity = \"Уфа\" x\n".to_owned());
        let x = f.text.find('x').unwrap();
        assert_eq!(f.line_col(x), (2, 14));
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(&f.text[f.line_span(x)], "city = \"Уфа\" x");
        let f = SourceFile::new("b.toml", "a\nb\nc\nd\n".to_owned());
        assert_eq!(f.excerpt(2, 3), (2, 2..6));
        assert_eq!(f.excerpt(6, 7), (4, 6..8));
        assert_eq!(f.excerpt(0, 0), (1, 0..4));
    }
}
