
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
            cand export 'Write the bot scripts of each location and the Bitrix24 field mapping'
            cand push 'Set the Bitrix24 portal up from business.toml: a plan first, `--apply` to make it real'
            cand lint 'Check business.toml, the bot configs and the rendered documents against each other; `--fix` mends the bot configs in place (never business.toml)'
            cand test 'Run conversation scenarios through the bot config on a virtual clock'
            cand chat 'Talk to a location''s bot in the terminal, on a virtual clock'
            cand schema 'Print the JSON Schema of business.toml (for editors) or of the bot config'
            cand completions 'Print shell completions'
            cand explain 'Print a lint rule''s documentation: what it checks, why, an example, how to fix'
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
            cand -c 'The business file, or the folder that holds it'
            cand --config 'The business file, or the folder that holds it'
            cand -o 'The output folder; `out` next to business.toml when left out'
            cand --out 'The output folder; `out` next to business.toml when left out'
            cand --location 'Render only this location (repeat for more)'
            cand --format 'Exactly what to write: `docx` the Word documents, `xlsx` the workbooks, `md` the Markdown each Word document was made from'
            cand --check 'Write nothing; exit 1 if any output would change'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'regl;export'= {
            cand -c 'The business file, or the folder that holds it'
            cand --config 'The business file, or the folder that holds it'
            cand -o 'The output folder; `out` next to business.toml when left out'
            cand --out 'The output folder; `out` next to business.toml when left out'
            cand --location 'Export only this location''s bot scripts (repeatable); the mapping is always written'
            cand --dataset 'Write only each location''s example dialogues for tuning this provider''s model (`yandexgpt`, `gigachat` or `openai`), made from the scenarios of `regl test`, to `OUT/<loc>/dataset-<provider>-<loc>.jsonl` (GigaChat: `.json`, a JSON array)'
            cand --check 'Write nothing; exit 1 if any output would change'
            cand --bot-configs 'Also write each location''s `bot_config` (the runtime''s copy) from scratch'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'regl;push'= {
            cand -c 'The business file, or the folder that holds it'
            cand --config 'The business file, or the folder that holds it'
            cand -o 'Where `bitrix24-portal.json` is written after an apply; `out` next to business.toml when left out'
            cand --out 'Where `bitrix24-portal.json` is written after an apply; `out` next to business.toml when left out'
            cand --only 'Only these parts'
            cand --location 'Only this location''s Open Line (repeatable); fields, stages and sources serve every location and are planned whole'
            cand --format 'How to print the plan or the result'
            cand --apply 'Make the plan real on the portal'
            cand --test-leads 'Make on the portal, at once, the records the pilot plan''s rows need beforehand, marked `ORIGINATOR_ID = "regl-pilot"`'
            cand --remove-test-leads 'Delete, at once, every record marked `ORIGINATOR_ID = "regl-pilot"` and nothing else'
            cand --check 'Print nothing but problems; exit 1 if the portal is not in step'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'regl;lint'= {
            cand -c 'The business file, or the folder that holds it'
            cand --config 'The business file, or the folder that holds it'
            cand -o 'The output folder of `regl render` [default: `out` next to business.toml]'
            cand --out 'The output folder of `regl render` [default: `out` next to business.toml]'
            cand --bot 'A bot config to check instead of the locations'' `bot_config` files (repeatable)'
            cand --format 'How to print the findings'
            cand --deny-warnings 'Fail (exit 1) on warnings too'
            cand --fix 'Mend the bot configs in place first, then report what is left; business.toml is never modified'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'regl;test'= {
            cand -c 'The business file, or the folder that holds it'
            cand --config 'The business file, or the folder that holds it'
            cand --bot 'A bot config to run instead of the location''s `bot_config` (with one location)'
            cand --scenarios 'A scenario file or folder [default: `scenarios/` next to business.toml]'
            cand --location 'Only this location (repeatable)'
            cand --only 'Only scenarios whose id or `covers` matches this glob (repeatable)'
            cand --min-coverage 'Fail (exit 1) when less than PCT % of the config was exercised'
            cand --format 'How to print the results'
            cand --list 'Print the scenarios without running them'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'regl;chat'= {
            cand -c 'The business file, or the folder that holds it'
            cand --config 'The business file, or the folder that holds it'
            cand --bot 'A bot config to talk to instead of the location''s `bot_config`'
            cand --location 'The location [default: the first]'
            cand --channel 'The channel the client writes in [default: the bot''s first]'
            cand --now 'The virtual clock''s start, local time, e.g. 2027-03-01T10:00'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'regl;schema'= {
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'regl;completions'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'regl;explain'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'regl;help'= {
            cand init 'Create a business from a segment preset, or add a location (city) to an existing one'
            cand render 'Write the documents of every location: .docx, the SLA sheet (.xlsx) and the manifest'
            cand export 'Write the bot scripts of each location and the Bitrix24 field mapping'
            cand push 'Set the Bitrix24 portal up from business.toml: a plan first, `--apply` to make it real'
            cand lint 'Check business.toml, the bot configs and the rendered documents against each other; `--fix` mends the bot configs in place (never business.toml)'
            cand test 'Run conversation scenarios through the bot config on a virtual clock'
            cand chat 'Talk to a location''s bot in the terminal, on a virtual clock'
            cand schema 'Print the JSON Schema of business.toml (for editors) or of the bot config'
            cand completions 'Print shell completions'
            cand explain 'Print a lint rule''s documentation: what it checks, why, an example, how to fix'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'regl;help;init'= {
        }
        &'regl;help;render'= {
        }
        &'regl;help;export'= {
        }
        &'regl;help;push'= {
        }
        &'regl;help;lint'= {
        }
        &'regl;help;test'= {
        }
        &'regl;help;chat'= {
        }
        &'regl;help;schema'= {
        }
        &'regl;help;completions'= {
        }
        &'regl;help;explain'= {
        }
        &'regl;help;help'= {
        }
    ]
    $completions[$command]
}
