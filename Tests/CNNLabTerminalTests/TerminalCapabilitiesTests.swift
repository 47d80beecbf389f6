import Testing
@testable import CNNLabTerminal

/// One row of the detection table: environment, TTY, flag → expected colour depth.
struct ColorCase: Sendable, CustomTestStringConvertible {
    let environment: [String: String]
    let isTTY: Bool
    let flag: ColorChoice
    let expected: HeatmapOptions.ColorDepth
    var testDescription: String { "\(flag) tty=\(isTTY) \(environment.sorted { $0.key < $1.key })" }
}

private let colorTable: [ColorCase] = [
    ColorCase(environment: ["TERM": "xterm-256color"], isTTY: true, flag: .auto, expected: .ansi256),
    ColorCase(environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor"], isTTY: true, flag: .auto, expected: .truecolor),
    ColorCase(environment: ["TERM": "xterm", "COLORTERM": "24bit"], isTTY: true, flag: .auto, expected: .truecolor),
    ColorCase(environment: ["TERM": "xterm"], isTTY: true, flag: .auto, expected: .none),
    ColorCase(environment: ["TERM": "xterm-256color"], isTTY: false, flag: .auto, expected: .none),
    ColorCase(environment: ["TERM": "dumb", "COLORTERM": "truecolor"], isTTY: true, flag: .auto, expected: .none),
    ColorCase(environment: ["TERM": "vt100"], isTTY: true, flag: .auto, expected: .none),
    ColorCase(environment: [:], isTTY: true, flag: .auto, expected: .none),
    ColorCase(environment: ["TERM": ""], isTTY: true, flag: .auto, expected: .none),
    ColorCase(environment: ["TERM": "xterm-256color", "NO_COLOR": "1"], isTTY: true, flag: .auto, expected: .none),
    ColorCase(environment: ["TERM": "xterm-256color", "NO_COLOR": ""], isTTY: true, flag: .auto, expected: .ansi256),
    ColorCase(environment: ["TERM": "xterm-256color", "NO_COLOR": "1"], isTTY: true, flag: .always, expected: .ansi256),
    ColorCase(environment: ["TERM": "dumb"], isTTY: false, flag: .always, expected: .ansi256),
    ColorCase(environment: ["COLORTERM": "truecolor"], isTTY: false, flag: .always, expected: .truecolor),
    ColorCase(environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor"], isTTY: true, flag: .never, expected: .none),
]

@Test(arguments: colorTable)
func colourDepthFollowsTheRules(row: ColorCase) {
    let detected = TerminalCapabilities.detect(environment: row.environment, isTTY: row.isTTY, colorFlag: row.flag)
    #expect(detected.colorDepth == row.expected)
}

@Test(arguments: [
    (["LANG": "en_US.UTF-8"], true),
    (["LANG": "pt_BR.utf8"], true),
    (["LC_CTYPE": "C.UTF-8"], true),
    (["LC_ALL": "en_US.utf-8", "LANG": "C"], true),
    (["LC_ALL": "C", "LANG": "en_US.UTF-8"], false),
    (["LC_ALL": "", "LANG": "en_US.UTF-8"], true),
    (["LANG": "C"], false),
    ([:], false),
])
func unicodeFollowsTheEffectiveLocale(environment: [String: String], expected: Bool) {
    #expect(TerminalCapabilities.detect(environment: environment, isTTY: true, colorFlag: .auto).unicode == expected)
}
