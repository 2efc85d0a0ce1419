
use builtin;
use str;

set edit:completion:arg-completer[regl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'regl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'regl'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create a business from a segment preset, or add a location (city) to an existing one'
            cand render 'Write the documents of every location: .docx, the SLA sheet (.xlsx) and the manifest'
            cand schema 'Print the JSON Schema of business.toml (for editors) or of the bot config'
            cand completions 'Print shell completions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'regl;init'= {
            cand --city 'The city of the new location, e.g. "Омск"'
            cand --name 'The business''s name (for a new business)'
            cand --segment 'The kind of business (for a new business)'
            cand --location 'The location''s id; transliterated from the city when left out'
            cand --timezone 'The location''s IANA time zone; looked up from the city when left out'
            cand --lang 'The language of documents and bot texts (for a new business)'
            cand --force 'Overwrite files that already exist'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'regl;render'= {
            cand -c 'The business file'
            cand --config 'The business file'
            cand -o 'The output folder; `out` next to business.toml when left out'
            cand --out 'The output folder; `out` next to business.toml when left out'
            cand --location 'Render only this location (repeat for more)'
            cand --format 'What to write: `docx` and `xlsx` pick the documents, `md` adds the Markdown each document was made from'
            cand --check 'Write nothing; exit 1 if any output would change'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'regl;schema'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'regl;completions'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'regl;help'= {
            cand init 'Create a business from a segment preset, or add a location (city) to an existing one'
            cand render 'Write the documents of every location: .docx, the SLA sheet (.xlsx) and the manifest'
            cand schema 'Print the JSON Schema of business.toml (for editors) or of the bot config'
            cand completions 'Print shell completions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'regl;help;init'= {
        }
        &'regl;help;render'= {
        }
        &'regl;help;schema'= {
        }
        &'regl;help;completions'= {
        }
        &'regl;help;help'= {
        }
    ]
    $completions[$command]
}
