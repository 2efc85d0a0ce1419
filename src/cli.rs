//! The command line (SPEC §2), as clap derive types. Parsing only: `cmd` runs it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::enums::{Lang, Segment};

/// Regulations as code for small service businesses: one business.toml → documents, bot
/// config and Bitrix24 mapping, kept consistent at every commit.
#[derive(Debug, Parser)]
#[command(name = "regl", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a business from a segment preset, or add a location (city) to an existing one
    Init(InitArgs),
    /// Write the documents of every location: .docx, the SLA sheet (.xlsx) and the manifest
    Render(RenderArgs),
    /// Print the JSON Schema of business.toml (for editors) or of the bot config
    Schema(SchemaArgs),
    /// Print shell completions
    Completions(CompletionsArgs),
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder of the business (created if missing)
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The city of the new location, e.g. "Омск"
    #[arg(long)]
    pub city: String,
    /// The business's name (for a new business)
    #[arg(long)]
    pub name: Option<String>,
    /// The kind of business (for a new business)
    #[arg(long, value_enum, default_value_t = SegmentArg::Salon)]
    pub segment: SegmentArg,
    /// The location's id; transliterated from the city when left out
    #[arg(long)]
    pub location: Option<String>,
    /// The location's IANA time zone; looked up from the city when left out
    #[arg(long)]
    pub timezone: Option<String>,
    /// The language of documents and bot texts (for a new business)
    #[arg(long, value_enum, default_value_t = LangArg::Ru)]
    pub lang: LangArg,
    /// Overwrite files that already exist
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SegmentArg {
    Salon,
    Clinic,
    Fitness,
    Education,
    Other,
}

impl From<SegmentArg> for Segment {
    fn from(s: SegmentArg) -> Self {
        match s {
            SegmentArg::Salon => Segment::Salon,
            SegmentArg::Clinic => Segment::Clinic,
            SegmentArg::Fitness => Segment::Fitness,
            SegmentArg::Education => Segment::Education,
            SegmentArg::Other => Segment::Other,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Ru,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Ru => Lang::Ru,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The business file
    #[arg(
        short = 'c',
        long = "config",
        value_name = "FILE",
        default_value = "business.toml"
    )]
    pub config: PathBuf,
    /// The output folder; `out` next to business.toml when left out
    #[arg(short = 'o', long = "out", value_name = "OUT")]
    pub out: Option<PathBuf>,
    /// Render only this location (repeat for more)
    #[arg(long = "location", value_name = "ID")]
    pub locations: Vec<String>,
    /// What to write: `docx` and `xlsx` pick the documents, `md` adds the Markdown each
    /// document was made from
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = [OutputFormat::Docx, OutputFormat::Xlsx])]
    pub format: Vec<OutputFormat>,
    /// Write nothing; exit 1 if any output would change
    #[arg(long)]
    pub check: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Docx,
    Xlsx,
    Md,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which schema
    #[arg(value_enum, default_value_t = SchemaKind::Business)]
    pub kind: SchemaKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    Business,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
