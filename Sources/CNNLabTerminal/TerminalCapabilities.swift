/// The user's `--color` choice: decide from the terminal, or force colour on or off.
public enum ColorChoice: String, Sendable, CaseIterable {
    case auto, always, never
}

/// What the terminal can show: which colour escapes and whether Unicode glyphs.
///
/// Decided once at start-up by ``detect(environment:isTTY:colorFlag:)``, a pure function of
/// its inputs so every rule is unit-tested; the renderers then take the result as options and
/// never look at the environment themselves.
public struct TerminalCapabilities: Sendable, Equatable {
    /// The richest colour escapes the terminal understands (`.none`: plain text only).
    public var colorDepth: HeatmapOptions.ColorDepth
    /// Whether the terminal's character set is UTF-8, so `░▒▓█`, `…` and box lines display.
    public var unicode: Bool

    /// Capabilities stated directly.
    public init(colorDepth: HeatmapOptions.ColorDepth, unicode: Bool) {
        self.colorDepth = colorDepth
        self.unicode = unicode
    }

    /// The capabilities implied by the environment variables, whether stdout is a terminal,
    /// and the `--color` flag.
    ///
    /// Colour: `never` → none. `always` → on even when piped or when `NO_COLOR` is set
    /// (truecolor if `COLORTERM` says so, else 256 colours). `auto` → none when `NO_COLOR` is
    /// non-empty (https://no-color.org), when not a TTY, or when `TERM` is unset, empty, `dumb`
    /// or a `vt…` terminal; otherwise truecolor when `COLORTERM` is `truecolor`/`24bit`, 256
    /// colours when `TERM` contains `256color`, and none for anything else (8-colour consoles
    /// would mangle 256-colour escapes).
    ///
    /// Unicode: the effective locale — the first non-empty of `LC_ALL`, `LC_CTYPE`, `LANG`, as
    /// POSIX orders them — names UTF-8 (`UTF-8` or `utf8`, any case).
    public static func detect(
        environment: [String: String], isTTY: Bool, colorFlag: ColorChoice
    ) -> TerminalCapabilities {
        TerminalCapabilities(
            colorDepth: colorDepth(environment: environment, isTTY: isTTY, colorFlag: colorFlag),
            unicode: localeIsUTF8(environment))
    }

    private static func colorDepth(
        environment: [String: String], isTTY: Bool, colorFlag: ColorChoice
    ) -> HeatmapOptions.ColorDepth {
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        let truecolor = colorTerm == "truecolor" || colorTerm == "24bit"
        switch colorFlag {
        case .never:
            return .none
        case .always:
            return truecolor ? .truecolor : .ansi256
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
            let term = (environment["TERM"] ?? "").lowercased()
            if !isTTY || term.isEmpty || term == "dumb" || term.hasPrefix("vt") { return .none }
            if truecolor { return .truecolor }
            return term.contains("256color") ? .ansi256 : .none
        }
    }

    private static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let lowered = locale.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }
}
