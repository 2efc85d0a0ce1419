
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'regl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'regl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'regl' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a business from a segment preset, or add a location (city) to an existing one')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Write the documents of every location: .docx, the SLA sheet (.xlsx) and the manifest')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the bot scripts of each location and the Bitrix24 field mapping')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Set the Bitrix24 portal up from business.toml: a plan first, `--apply` to make it real')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check business.toml, the bot configs and the rendered documents against each other; `--fix` mends the bot configs in place (never business.toml)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Run conversation scenarios through the bot config on a virtual clock')
            [CompletionResult]::new('chat', 'chat', [CompletionResultType]::ParameterValue, 'Talk to a location''s bot in the terminal, on a virtual clock')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of business.toml (for editors) or of the bot config')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Print a lint rule''s documentation: what it checks, why, an example, how to fix')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'regl;init' {
            [CompletionResult]::new('--city', '--city', [CompletionResultType]::ParameterName, 'The city of the new location, e.g. "Омск"')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The business''s name (for a new business)')
            [CompletionResult]::new('--segment', '--segment', [CompletionResultType]::ParameterName, 'The kind of business (for a new business)')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'The location''s id; transliterated from the city when left out')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'The location''s IANA time zone; looked up from the city when left out')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of documents and bot texts (for a new business)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite files that already exist')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'regl;render' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The business file, or the folder that holds it')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The business file, or the folder that holds it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'The output folder; `out` next to business.toml when left out')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'The output folder; `out` next to business.toml when left out')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Render only this location (repeat for more)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Exactly what to write: `docx` the Word documents, `xlsx` the workbooks, `md` the Markdown each Word document was made from')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Write nothing; exit 1 if any output would change')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'regl;export' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The business file, or the folder that holds it')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The business file, or the folder that holds it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'The output folder; `out` next to business.toml when left out')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'The output folder; `out` next to business.toml when left out')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Export only this location''s bot scripts (repeatable); the mapping is always written')
            [CompletionResult]::new('--dataset', '--dataset', [CompletionResultType]::ParameterName, 'Write only each location''s example dialogues for tuning this provider''s model (`yandexgpt`, `gigachat` or `openai`), made from the scenarios of `regl test`, to `OUT/<loc>/dataset-<provider>-<loc>.jsonl` (GigaChat: `.json`, a JSON array)')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Write nothing; exit 1 if any output would change')
            [CompletionResult]::new('--bot-configs', '--bot-configs', [CompletionResultType]::ParameterName, 'Also write each location''s `bot_config` (the runtime''s copy) from scratch')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'regl;push' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The business file, or the folder that holds it')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The business file, or the folder that holds it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where `bitrix24-portal.json` is written after an apply; `out` next to business.toml when left out')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Where `bitrix24-portal.json` is written after an apply; `out` next to business.toml when left out')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Only these parts')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Only this location''s Open Line (repeatable); fields, stages and sources serve every location and are planned whole')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print the plan or the result')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'Make the plan real on the portal')
            [CompletionResult]::new('--test-leads', '--test-leads', [CompletionResultType]::ParameterName, 'Make on the portal, at once, the records the pilot plan''s rows need beforehand, marked `ORIGINATOR_ID = "regl-pilot"`')
            [CompletionResult]::new('--remove-test-leads', '--remove-test-leads', [CompletionResultType]::ParameterName, 'Delete, at once, every record marked `ORIGINATOR_ID = "regl-pilot"` and nothing else')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Print nothing but problems; exit 1 if the portal is not in step')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'regl;lint' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The business file, or the folder that holds it')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The business file, or the folder that holds it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'The output folder of `regl render` [default: `out` next to business.toml]')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'The output folder of `regl render` [default: `out` next to business.toml]')
            [CompletionResult]::new('--bot', '--bot', [CompletionResultType]::ParameterName, 'A bot config to check instead of the locations'' `bot_config` files (repeatable)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print the findings')
            [CompletionResult]::new('--deny-warnings', '--deny-warnings', [CompletionResultType]::ParameterName, 'Fail (exit 1) on warnings too')
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'Mend the bot configs in place first, then report what is left; business.toml is never modified')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'regl;test' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The business file, or the folder that holds it')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The business file, or the folder that holds it')
            [CompletionResult]::new('--bot', '--bot', [CompletionResultType]::ParameterName, 'A bot config to run instead of the location''s `bot_config` (with one location)')
            [CompletionResult]::new('--scenarios', '--scenarios', [CompletionResultType]::ParameterName, 'A scenario file or folder [default: `scenarios/` next to business.toml]')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Only this location (repeatable)')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Only scenarios whose id or `covers` matches this glob (repeatable)')
            [CompletionResult]::new('--min-coverage', '--min-coverage', [CompletionResultType]::ParameterName, 'Fail (exit 1) when less than PCT % of the config was exercised')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print the results')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'Print the scenarios without running them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'regl;chat' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The business file, or the folder that holds it')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The business file, or the folder that holds it')
            [CompletionResult]::new('--bot', '--bot', [CompletionResultType]::ParameterName, 'A bot config to talk to instead of the location''s `bot_config`')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'The location [default: the first]')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'The channel the client writes in [default: the bot''s first]')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The virtual clock''s start, local time, e.g. 2027-03-01T10:00')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'regl;schema' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'regl;completions' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'regl;explain' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'regl;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a business from a segment preset, or add a location (city) to an existing one')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Write the documents of every location: .docx, the SLA sheet (.xlsx) and the manifest')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the bot scripts of each location and the Bitrix24 field mapping')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Set the Bitrix24 portal up from business.toml: a plan first, `--apply` to make it real')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check business.toml, the bot configs and the rendered documents against each other; `--fix` mends the bot configs in place (never business.toml)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Run conversation scenarios through the bot config on a virtual clock')
            [CompletionResult]::new('chat', 'chat', [CompletionResultType]::ParameterValue, 'Talk to a location''s bot in the terminal, on a virtual clock')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of business.toml (for editors) or of the bot config')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Print a lint rule''s documentation: what it checks, why, an example, how to fix')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'regl;help;init' {
            break
        }
        'regl;help;render' {
            break
        }
        'regl;help;export' {
            break
        }
        'regl;help;push' {
            break
        }
        'regl;help;lint' {
            break
        }
        'regl;help;test' {
            break
        }
        'regl;help;chat' {
            break
        }
        'regl;help;schema' {
            break
        }
        'regl;help;completions' {
            break
        }
        'regl;help;explain' {
            break
        }
        'regl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
