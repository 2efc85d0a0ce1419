//! Loading `business.toml`: bytes → TOML tree → [`Business`], collecting every load error.

use std::path::{Path, PathBuf};

use toml::de::DeTable;

use super::business::Business;
use super::read::{Cx, FromToml};
use crate::diag::{Diagnostic, FileId, Sources};

/// Larger than any real business; refusing early keeps a stray file from eating memory.
pub const MAX_CONFIG_BYTES: usize = 4 * 1024 * 1024;

/// A loaded business and where it came from.
#[derive(Debug)]
pub struct Loaded {
    pub business: Business,
    pub file: FileId,
    pub path: PathBuf,
}

impl Loaded {
    /// The folder relative paths in the config are resolved against.
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }
}

/// Reads and loads `path`, adding its text to `sources`. On failure, every load error.
pub fn load(path: &Path, sources: &mut Sources) -> Result<Loaded, Vec<Diagnostic>> {
    let shown = path.display();
    let bytes = match read_at_most(path, MAX_CONFIG_BYTES) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(vec![
                Diagnostic::error(format!("`{shown}` does not exist")).hint(
                    "create one with `regl init --name NAME --city CITY`, or point at it with `-c`",
                ),
            ]);
        }
        Err(e) => {
            return Err(vec![Diagnostic::error(format!(
                "cannot read `{shown}`: {e}"
            ))]);
        }
    };
    if bytes.len() > MAX_CONFIG_BYTES {
        return Err(vec![Diagnostic::error(format!(
            "`{shown}` is {} bytes: a business.toml is at most {} MiB",
            bytes.len(),
            MAX_CONFIG_BYTES / (1024 * 1024)
        ))]);
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
            let file = sources.add(path, prefix);
            return Err(vec![
                Diagnostic::error(format!("`{shown}` is not UTF-8 text"))
                    .at(file, valid..valid, "this byte is not UTF-8")
                    .hint("save the file as UTF-8 (most editors: «Save with encoding» → UTF-8)"),
            ]);
        }
    };
    let file = sources.add(path, text);
    let text = &sources.get(file).text;
    parse(text, file).map(|business| Loaded {
        business,
        file,
        path: path.to_path_buf(),
    })
}

/// Reads at most `max + 1` bytes: enough to tell a file is too large without reading a
/// multi-gigabyte file, or a device such as `/dev/zero`, until memory runs out.
pub fn read_at_most(path: &Path, max: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Parses the text of a `business.toml` registered as `file`.
pub fn parse(text: &str, file: FileId) -> Result<Business, Vec<Diagnostic>> {
    let (root, syntax) = DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        return Err(syntax
            .into_iter()
            .map(|e| {
                let span = e.span().unwrap_or(0..0);
                let msg = e.message().trim().to_owned();
                Diagnostic::error(format!("TOML syntax: {msg}")).at(file, span, "")
            })
            .collect());
    }
    let root = toml::Spanned::new(root.span(), toml::de::DeValue::Table(root.into_inner()));
    let mut cx = Cx::new(file);
    let business = Business::from_toml(&root, &mut cx);
    match business {
        Some(b) if cx.errors.is_empty() => Ok(b),
        _ => {
            let mut errors = cx.errors;
            errors.sort_by_key(|d| d.primary().map(|l| l.span.start));
            if errors.is_empty() {
                errors.push(Diagnostic::error("business.toml could not be read").at(
                    file,
                    0..0,
                    "",
                ));
            }
            Err(errors)
        }
    }
}
