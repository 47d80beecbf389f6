import Foundation

/// swift-argument-parser's own words in Portuguese: the headings of its help ("USAGE:",
/// "OPTIONS:", …), "Show help information.", the "(values: …; default: …)" notes and its common
/// error reports. Its API has no hook for them, so the executable passes the finished help or
/// error text through `portuguese(_:)` when the command line's language is pt-BR.
///
/// Only the parser's fixed phrases change; names, values and cnnlab's own (already translated)
/// texts pass through untouched. An error the table does not know stays in English.
public enum ArgumentParserText {
    /// `text` (a help screen or an error report from the parser) with the parser's phrases in pt-BR.
    public static func portuguese(_ text: String) -> String {
        var result = text
        for (pattern, template) in replacements {
            result = pattern.stringByReplacingMatches(
                in: result, range: NSRange(result.startIndex..., in: result), withTemplate: template)
        }
        return result
    }

    /// (English, Portuguese) as regular expressions and their templates, applied in order.
    private static let table: [(String, String)] = [
        // Help headings, at the start of a line.
        ("(?m)^OVERVIEW:", "VISÃO GERAL:"),
        ("(?m)^USAGE:", "USO:"),
        ("(?m)^ARGUMENTS:", "ARGUMENTOS:"),
        ("(?m)^OPTIONS:", "OPÇÕES:"),
        ("(?m)^SUBCOMMANDS:", "SUBCOMANDOS:"),
        ("Show help information\\.", "Mostra esta ajuda."),
        ("Show the version\\.", "Mostra a versão."),
        ("See '([^']*) help <subcommand>' for detailed help\\.", "Veja '$1 help <subcomando>' para a ajuda detalhada."),
        ("<subcommand>", "<subcomando>"),
        ("\\(values: ", "(valores: "),
        ("(?m)(?<=\\(|; |^ {1,60})default: ", "padrão: "),
        // Error reports.
        ("(?m)^Error: ", "Erro: "),
        ("(?m)^Usage: ", "Uso: "),
        ("(?m)^Help: ", "Ajuda: "),
        ("See '([^']*)' for more information\\.", "Veja '$1' para mais informações."),
        ("Missing expected argument '", "Falta o argumento '"),
        ("Missing value for '", "Falta o valor de '"),
        ("Unknown option '", "Opção desconhecida '"),
        ("Unexpected arguments? '", "Argumento inesperado '"),
        ("The value '([^']*)' is invalid for '([^']*)'", "O valor '$1' não é válido para '$2'"),
        ("Please provide one of (.*) or ('[^']*')\\.", "Use um destes: $1 ou $2."),
    ]

    private static let replacements: [(NSRegularExpression, String)] = table.compactMap { pattern, template in
        (try? NSRegularExpression(pattern: pattern)).map { ($0, template) }
    }
}
