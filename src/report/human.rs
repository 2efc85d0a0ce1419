//! rustc-style diagnostics: `error[C101]: …` with the source line, `file:line:col` and a hint.

use std::io::{IsTerminal, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::diag::{Diagnostic, Severity, Sources};

/// Colour only on a terminal, and never when `NO_COLOR` is set.
pub fn use_colour(terminal: bool) -> bool {
    terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Renders diagnostics as text, one after another.
pub fn render(sources: &Sources, diags: &[Diagnostic], colour: bool) -> String {
    let renderer = if colour {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diags {
        out.push_str(&renderer.render(&to_report(sources, d)));
        out.push_str("\n\n");
    }
    out
}

fn to_report<'a>(sources: &'a Sources, d: &'a Diagnostic) -> Vec<Group<'a>> {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let mut title = level.primary_title(d.message.as_str());
    if let Some(code) = d.code {
        title = title.id(code);
    }
    // One snippet per file, in the order the labels name them (primary first).
    let mut files: Vec<_> = d.labels.iter().map(|l| l.file).collect();
    files.dedup();
    let mut seen = Vec::new();
    let mut group = Group::with_title(title);
    for file in files {
        if seen.contains(&file) {
            continue;
        }
        seen.push(file);
        let src = sources.get(file);
        let text = if d.code == Some("S501") {
            std::borrow::Cow::Owned(redact(&src.text, d, file))
        } else {
            std::borrow::Cow::Borrowed(src.text.as_str())
        };
        let mut snippet = Snippet::source(text)
            .path(src.path.to_string_lossy())
            .line_start(1)
            .fold(true);
        for l in d.labels.iter().filter(|l| l.file == file) {
            let kind = if l.primary {
                AnnotationKind::Primary
            } else {
                AnnotationKind::Context
            };
            let span = l.span.start.min(src.text.len())..l.span.end.min(src.text.len());
            let ann = kind.span(span);
            snippet = snippet.annotation(if l.message.is_empty() {
                ann
            } else {
                ann.label(l.message.as_str())
            });
        }
        group = group.element(snippet);
    }
    let mut groups = vec![group];
    if let Some(hint) = &d.hint {
        groups.push(Group::with_title(
            Level::HELP.secondary_title(hint.as_str()),
        ));
    }
    groups
}

/// The file's text with the secrets a finding points at masked, keeping byte offsets: a
/// pre-commit hook's output ends up in terminals and CI logs, where a shown secret leaks.
/// Within the value, every run of ten or more characters that mixes letters and digits
/// keeps its first four and loses the rest, so the domain stays readable and the token
/// does not.
fn redact(text: &str, d: &Diagnostic, file: crate::diag::FileId) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for l in d.labels.iter().filter(|l| l.file == file && l.primary) {
        let end = l.span.end.min(bytes.len());
        let mut i = l.span.start.min(end);
        while i < end {
            let run = bytes[i..end]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_' || **b == b'-')
                .count();
            let word = &bytes[i..i + run];
            let mixed =
                word.iter().any(u8::is_ascii_digit) && word.iter().any(u8::is_ascii_alphabetic);
            if run >= 10 && mixed {
                bytes[i + 4..i + run].fill(b'*');
            }
            i += run.max(1);
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned())
}

/// Prints diagnostics to stderr, coloured on a terminal.
pub fn print_stderr(sources: &Sources, diags: &[Diagnostic]) {
    let err = std::io::stderr();
    let text = render(sources, diags, use_colour(err.is_terminal()));
    let mut lock = err.lock();
    let _ = lock.write_all(text.as_bytes());
    let _ = write_summary(&mut lock, diags);
}

/// "2 errors, 1 warning" with a newline, or nothing when there are no findings.
pub fn summary(diags: &[Diagnostic]) -> String {
    let mut out = Vec::new();
    let _ = write_summary(&mut out, diags);
    String::from_utf8(out).unwrap_or_default()
}

fn write_summary(w: &mut impl Write, diags: &[Diagnostic]) -> std::io::Result<()> {
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    match (errors, warnings) {
        (0, 0) => Ok(()),
        (e, 0) => writeln!(w, "{e} error{}", plural(e)),
        (0, wn) => writeln!(w, "{wn} warning{}", plural(wn)),
        (e, wn) => writeln!(w, "{e} error{}, {wn} warning{}", plural(e), plural(wn)),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
