extension Language {
    /// `n` with its thousands grouped as this language writes them: `62,958` in English,
    /// `62.958` in Portuguese.
    public func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        let separator: Character = self == .en ? "," : "."
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(separator) }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}
