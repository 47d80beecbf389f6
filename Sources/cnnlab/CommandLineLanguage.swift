import ArgumentParser
import CNNLabEngine
import Foundation

/// The language of the command-line help (`abstract:`, `discussion:`, `help:`). The parser
/// builds those texts before and while it parses `--lang`, so the language is read up front
/// from the raw arguments and the environment (`Language.fromCommandLine`), once, the first
/// time a help text needs it.
///
/// swift-argument-parser's own words (its headings, "Show help information.", the "(values: …;
/// default: …)" notes, its error reports) cannot be translated through its API: `CNNLabCommand`
/// translates its finished text instead (`ArgumentParserText`).
enum CommandLineLanguage {
    /// What `--lang` or else the environment asks for; computed on first use (a static `let`).
    static let current = Language.fromCommandLine(
        arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)

    /// `english` or `portuguese`, as `current` chooses.
    static func pick(_ english: String, _ portuguese: String) -> String {
        current.pick(english, portuguese)
    }

    /// `pick` as the help of an option, a flag or an argument.
    static func help(_ english: String, _ portuguese: String) -> ArgumentHelp {
        ArgumentHelp(pick(english, portuguese))
    }
}
