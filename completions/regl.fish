# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_regl_global_optspecs
    string join \n h/help V/version
end

function __fish_regl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_regl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_regl_using_subcommand
    set -l cmd (__fish_regl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c regl -n "__fish_regl_needs_command" -s h -l help -d 'Print help'
complete -c regl -n "__fish_regl_needs_command" -s V -l version -d 'Print version'
complete -c regl -n "__fish_regl_needs_command" -f -a "init" -d 'Create a business from a segment preset, or add a location (city) to an existing one'
complete -c regl -n "__fish_regl_needs_command" -f -a "render" -d 'Write the documents of every location: .docx, the SLA sheet (.xlsx) and the manifest'
complete -c regl -n "__fish_regl_needs_command" -f -a "export" -d 'Write the bot scripts of each location and the Bitrix24 field mapping'
complete -c regl -n "__fish_regl_needs_command" -f -a "push" -d 'Set the Bitrix24 portal up from business.toml: a plan first, `--apply` to make it real'
complete -c regl -n "__fish_regl_needs_command" -f -a "lint" -d 'Check business.toml, the bot configs and the rendered documents against each other; `--fix` mends the bot configs in place (never business.toml)'
complete -c regl -n "__fish_regl_needs_command" -f -a "test" -d 'Run conversation scenarios through the bot config on a virtual clock'
complete -c regl -n "__fish_regl_needs_command" -f -a "chat" -d 'Talk to a location\'s bot in the terminal, on a virtual clock'
complete -c regl -n "__fish_regl_needs_command" -f -a "schema" -d 'Print the JSON Schema of business.toml (for editors) or of the bot config'
complete -c regl -n "__fish_regl_needs_command" -f -a "completions" -d 'Print shell completions'
complete -c regl -n "__fish_regl_needs_command" -f -a "explain" -d 'Print a lint rule\'s documentation: what it checks, why, an example, how to fix'
complete -c regl -n "__fish_regl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c regl -n "__fish_regl_using_subcommand init" -l city -d 'The city of the new location, e.g. "Омск"' -r
complete -c regl -n "__fish_regl_using_subcommand init" -l name -d 'The business\'s name (for a new business)' -r
complete -c regl -n "__fish_regl_using_subcommand init" -l segment -d 'The kind of business (for a new business)' -r -f -a "salon\t''
clinic\t''
fitness\t''
education\t''
other\t''"
complete -c regl -n "__fish_regl_using_subcommand init" -l location -d 'The location\'s id; transliterated from the city when left out' -r
complete -c regl -n "__fish_regl_using_subcommand init" -l timezone -d 'The location\'s IANA time zone; looked up from the city when left out' -r
complete -c regl -n "__fish_regl_using_subcommand init" -l lang -d 'The language of documents and bot texts (for a new business)' -r -f -a "ru\t''
en\t''"
complete -c regl -n "__fish_regl_using_subcommand init" -l force -d 'Overwrite files that already exist'
complete -c regl -n "__fish_regl_using_subcommand init" -s h -l help -d 'Print help'
complete -c regl -n "__fish_regl_using_subcommand render" -s c -l config -d 'The business file, or the folder that holds it' -r -F
complete -c regl -n "__fish_regl_using_subcommand render" -s o -l out -d 'The output folder; `out` next to business.toml when left out' -r -F
complete -c regl -n "__fish_regl_using_subcommand render" -l location -d 'Render only this location (repeat for more)' -r -f
complete -c regl -n "__fish_regl_using_subcommand render" -l format -d 'Exactly what to write: `docx` the Word documents, `xlsx` the workbooks, `md` the Markdown each Word document was made from' -r -f -a "docx\t''
xlsx\t''
md\t''"
complete -c regl -n "__fish_regl_using_subcommand render" -l check -d 'Write nothing; exit 1 if any output would change'
complete -c regl -n "__fish_regl_using_subcommand render" -s h -l help -d 'Print help'
complete -c regl -n "__fish_regl_using_subcommand export" -s c -l config -d 'The business file, or the folder that holds it' -r -F
complete -c regl -n "__fish_regl_using_subcommand export" -s o -l out -d 'The output folder; `out` next to business.toml when left out' -r -F
complete -c regl -n "__fish_regl_using_subcommand export" -l location -d 'Export only this location\'s bot scripts (repeatable); the mapping is always written' -r -f
complete -c regl -n "__fish_regl_using_subcommand export" -l dataset -d 'Write only each location\'s example dialogues for tuning this provider\'s model (`yandexgpt`, `gigachat` or `openai`), made from the scenarios of `regl test`, to `OUT/<loc>/dataset-<provider>-<loc>.jsonl` (GigaChat: `.json`, a JSON array)' -r
complete -c regl -n "__fish_regl_using_subcommand export" -l check -d 'Write nothing; exit 1 if any output would change'
complete -c regl -n "__fish_regl_using_subcommand export" -l bot-configs -d 'Also write each location\'s `bot_config` (the runtime\'s copy) from scratch'
complete -c regl -n "__fish_regl_using_subcommand export" -s h -l help -d 'Print help'
complete -c regl -n "__fish_regl_using_subcommand push" -s c -l config -d 'The business file, or the folder that holds it' -r -F
complete -c regl -n "__fish_regl_using_subcommand push" -s o -l out -d 'Where `bitrix24-portal.json` is written after an apply; `out` next to business.toml when left out' -r -F
complete -c regl -n "__fish_regl_using_subcommand push" -l only -d 'Only these parts' -r -f -a "fields\t''
stages\t''
sources\t''
openlines\t''"
complete -c regl -n "__fish_regl_using_subcommand push" -l location -d 'Only this location\'s Open Line (repeatable); fields, stages and sources serve every location and are planned whole' -r -f
complete -c regl -n "__fish_regl_using_subcommand push" -l format -d 'How to print the plan or the result' -r -f -a "human\t'Lines to read'
json\t'One JSON object'"
complete -c regl -n "__fish_regl_using_subcommand push" -l apply -d 'Make the plan real on the portal'
complete -c regl -n "__fish_regl_using_subcommand push" -l test-leads -d 'Make on the portal, at once, the records the pilot plan\'s rows need beforehand, marked `ORIGINATOR_ID = "regl-pilot"`'
complete -c regl -n "__fish_regl_using_subcommand push" -l remove-test-leads -d 'Delete, at once, every record marked `ORIGINATOR_ID = "regl-pilot"` and nothing else'
complete -c regl -n "__fish_regl_using_subcommand push" -l check -d 'Print nothing but problems; exit 1 if the portal is not in step'
complete -c regl -n "__fish_regl_using_subcommand push" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c regl -n "__fish_regl_using_subcommand lint" -s c -l config -d 'The business file, or the folder that holds it' -r -F
complete -c regl -n "__fish_regl_using_subcommand lint" -s o -l out -d 'The output folder of `regl render` [default: `out` next to business.toml]' -r -F
complete -c regl -n "__fish_regl_using_subcommand lint" -l bot -d 'A bot config to check instead of the locations\' `bot_config` files (repeatable)' -r -F
complete -c regl -n "__fish_regl_using_subcommand lint" -l format -d 'How to print the findings' -r -f -a "human\t'rustc-like, with the source lines (colour on a terminal)'
json\t'One JSON array of findings'
github\t'GitHub Actions workflow annotations'
sarif\t'SARIF 2.1.0, for code-scanning dashboards'"
complete -c regl -n "__fish_regl_using_subcommand lint" -l deny-warnings -d 'Fail (exit 1) on warnings too'
complete -c regl -n "__fish_regl_using_subcommand lint" -l fix -d 'Mend the bot configs in place first, then report what is left; business.toml is never modified'
complete -c regl -n "__fish_regl_using_subcommand lint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c regl -n "__fish_regl_using_subcommand test" -s c -l config -d 'The business file, or the folder that holds it' -r -F
complete -c regl -n "__fish_regl_using_subcommand test" -l bot -d 'A bot config to run instead of the location\'s `bot_config` (with one location)' -r -F
complete -c regl -n "__fish_regl_using_subcommand test" -l scenarios -d 'A scenario file or folder [default: `scenarios/` next to business.toml]' -r -F
complete -c regl -n "__fish_regl_using_subcommand test" -l location -d 'Only this location (repeatable)' -r -f
complete -c regl -n "__fish_regl_using_subcommand test" -l only -d 'Only scenarios whose id or `covers` matches this glob (repeatable)' -r
complete -c regl -n "__fish_regl_using_subcommand test" -l min-coverage -d 'Fail (exit 1) when less than PCT % of the config was exercised' -r
complete -c regl -n "__fish_regl_using_subcommand test" -l format -d 'How to print the results' -r -f -a "human\t'Failures with their transcripts, the coverage table, `N passed, N failed`'
json\t'One JSON object: every scenario, and which bot file was tested'
junit\t'`JUnit` XML for CI dashboards'
github\t'GitHub Actions workflow annotations'"
complete -c regl -n "__fish_regl_using_subcommand test" -l list -d 'Print the scenarios without running them'
complete -c regl -n "__fish_regl_using_subcommand test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c regl -n "__fish_regl_using_subcommand chat" -s c -l config -d 'The business file, or the folder that holds it' -r -F
complete -c regl -n "__fish_regl_using_subcommand chat" -l bot -d 'A bot config to talk to instead of the location\'s `bot_config`' -r -F
complete -c regl -n "__fish_regl_using_subcommand chat" -l location -d 'The location [default: the first]' -r -f
complete -c regl -n "__fish_regl_using_subcommand chat" -l channel -d 'The channel the client writes in [default: the bot\'s first]' -r
complete -c regl -n "__fish_regl_using_subcommand chat" -l now -d 'The virtual clock\'s start, local time, e.g. 2027-03-01T10:00' -r
complete -c regl -n "__fish_regl_using_subcommand chat" -s h -l help -d 'Print help'
complete -c regl -n "__fish_regl_using_subcommand schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c regl -n "__fish_regl_using_subcommand completions" -s h -l help -d 'Print help'
complete -c regl -n "__fish_regl_using_subcommand explain" -s h -l help -d 'Print help'
complete -c regl -n "__fish_regl_using_subcommand help; and not __fish_seen_subcommand_from init render export push lint test chat schema completions explain help" -f -a "init" -d 'Create a business from a segment preset, or add a location (city) to an existing one'
complete -c regl -n "__fish_regl_using_subcommand help; and not __fish_seen_subcommand_from init render export push lint test chat schema completions explain help" -f -a "render" -d 'Write the documents of every location: .docx, the SLA sheet (.xlsx) and the manifest'
complete -c regl -n "__fish_regl_using_subcommand help; and not __fish_seen_subcommand_from init render export push lint test chat schema completions explain help" -f -a "export" -d 'Write the bot scripts of each location and the Bitrix24 field mapping'
complete -c regl -n "__fish_regl_using_subcommand help; and not __fish_seen_subcommand_from init render export push lint test chat schema completions explain help" -f -a "push" -d 'Set the Bitrix24 portal up from business.toml: a plan first, `--apply` to make it real'
complete -c regl -n "__fish_regl_using_subcommand help; and not __fish_seen_subcommand_from init render export push lint test chat schema completions explain help" -f -a "lint" -d 'Check business.toml, the bot configs and the rendered documents against each other; `--fix` mends the bot configs in place (never business.toml)'
complete -c regl -n "__fish_regl_using_subcommand help; and not __fish_seen_subcommand_from init render export push lint test chat schema completions explain help" -f -a "test" -d 'Run conversation scenarios through the bot config on a virtual clock'
complete -c regl -n "__fish_regl_using_subcommand help; and not __fish_seen_subcommand_from init render export push lint test chat schema completions explain help" -f -a "chat" -d 'Talk to a location\'s bot in the terminal, on a virtual clock'
complete -c regl -n "__fish_regl_using_subcommand help; and not __fish_seen_subcommand_from init render export push lint test chat schema completions explain help" -f -a "schema" -d 'Print the JSON Schema of business.toml (for editors) or of the bot config'
complete -c regl -n "__fish_regl_using_subcommand help; and not __fish_seen_subcommand_from init render export push lint test chat schema completions explain help" -f -a "completions" -d 'Print shell completions'
complete -c regl -n "__fish_regl_using_subcommand help; and not __fish_seen_subcommand_from init render export push lint test chat schema completions explain help" -f -a "explain" -d 'Print a lint rule\'s documentation: what it checks, why, an example, how to fix'
complete -c regl -n "__fish_regl_using_subcommand help; and not __fish_seen_subcommand_from init render export push lint test chat schema completions explain help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
