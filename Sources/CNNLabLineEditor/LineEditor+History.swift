extension LineEditor {
    /// Adds to in-memory history and appends to the file (skips empty lines and immediate
    /// duplicates), so the up arrow recalls it now and after a restart.
    public func addHistory(_ line: String) {
        history.add(line)
    }

    /// The history, oldest first (for tests and a `history` view).
    public var historyEntries: [String] { history.entries }
}
