import Testing
import CNNLabTerminal

@Test(arguments: [
    (false, true, "xterm-256color", FrontEnd.batch),
    (false, false, nil, FrontEnd.batch),
    (true, true, "xterm-256color", FrontEnd.tui),
    (true, true, "vt100", FrontEnd.tui),
    (true, false, "xterm", FrontEnd.repl),
    (true, true, "dumb", FrontEnd.repl),
    (true, true, nil, FrontEnd.repl),
    (true, true, "", FrontEnd.repl),
] as [(Bool, Bool, String?, FrontEnd)])
func bareCnnlabChoosesItsFrontEnd(stdin: Bool, stdout: Bool, term: String?, expected: FrontEnd) {
    #expect(defaultFrontEnd(stdinIsTTY: stdin, stdoutIsTTY: stdout, term: term) == expected)
}
