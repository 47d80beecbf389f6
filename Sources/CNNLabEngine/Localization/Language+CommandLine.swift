extension Language {
    /// The language a command line asks for, read from the raw arguments before any parser has
    /// run (the help texts are built while `--lang` is still being parsed): the value of the
    /// last `--lang X` or `--lang=X` anywhere before a `--` terminator (before or after a
    /// subcommand), else — no flag, or a value `init(flag:)` rejects — the environment
    /// (`detect(environment:)`).
    /// - Parameters:
    ///   - arguments: the arguments, without the program's name.
    ///   - environment: the process environment (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    public static func fromCommandLine(arguments: [String], environment: [String: String]) -> Language {
        langFlagValue(in: arguments).flatMap(Language.init(flag:)) ?? detect(environment: environment)
    }

    /// The value given to the last `--lang` before `--`, if any.
    private static func langFlagValue(in arguments: [String]) -> String? {
        var value: String?
        var rest = arguments[...]
        while let argument = rest.popFirst(), argument != "--" {
            if argument == "--lang" {
                value = rest.popFirst()
            } else if argument.hasPrefix("--lang=") {
                value = String(argument.dropFirst("--lang=".count))
            }
        }
        return value
    }
}
