import ConvCore

/// Binding names to tensors: every `let`, `load`, `filter`, `image` and `clear vars` goes
/// through here, so the whole numbers bound with `let` stay exact beside their tensors.
extension Session {
    /// Binds `name` to `tensor`; `exact` is the whole number it stands for, when it was one
    /// (`let n = 16777217` keeps 16777217 although the scalar tensor holds 16777216).
    func bind(_ name: String, _ tensor: Tensor, exact: Int? = nil) {
        variables[name] = tensor
        exactIntegers[name] = exact
    }

    /// Forgets every variable.
    func unbindAllVariables() {
        variables = [:]
        exactIntegers = [:]
    }

    /// The exact whole number `name` was bound to, if it still holds the scalar made from it.
    func exactInteger(named name: String) -> Int? {
        guard let n = exactIntegers[name], let t = variables[name], t.rank == 0, t.storage.first == Float(n) else { return nil }
        return n
    }
}
