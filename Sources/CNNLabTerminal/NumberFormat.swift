import CNNLabEngine

/// Number formatting the way each language writes it.
public enum NumberFormat {
    /// `62,958` in English, `62.958` in Portuguese.
    public static func grouped(_ n: Int, _ language: Language) -> String {
        language.grouped(n)
    }

    /// A total that may be too large to count (nil: past `Int.max`): `62,958`, or
    /// ``tooLarge(_:)``.
    public static func grouped(_ n: Int?, _ language: Language) -> String {
        n.map { grouped($0, language) } ?? tooLarge(language)
    }

    /// A measured rate (examples/s) rounded and grouped: `12,187`; one that is not a finite
    /// number within `Int` (a run timed as zero seconds) as `—` instead of trapping in `Int()`.
    public static func rate(_ x: Double, _ language: Language) -> String {
        let r = x.rounded()
        guard r.isFinite, r.magnitude < 9e18 else { return "—" }
        return grouped(Int(r), language)
    }

    /// Bytes of a total that may be too large to count (nil: past `Int.max`).
    public static func bytes(_ n: Int?, _ language: Language) -> String {
        n.map { bytes($0, language) } ?? tooLarge(language)
    }

    /// What a count past `Int.max` (2⁶³ − 1) is shown as, instead of a wrapped number.
    public static func tooLarge(_ language: Language) -> String {
        language.pick("too large to count (over 2⁶³ − 1)", "grande demais para contar (mais de 2⁶³ − 1)")
    }

    /// Bytes in decimal units as torchinfo prints them: `12.29 kB`, `1.57 MB` (1 kB = 1000 B).
    public static func bytes(_ n: Int, _ language: Language) -> String {
        let units = ["B", "kB", "MB", "GB", "TB"]
        var value = Double(n)
        var unit = 0
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let text = unit == 0 ? String(n) : fixed(value, decimals: 2)
        return (language == .en ? text : text.replacingDot()) + " " + units[unit]
    }

    /// A percentage with one decimal: `76.4%` (`76,4%` in Portuguese).
    public static func percent(_ fraction: Double, _ language: Language) -> String {
        let text = fixed(fraction * 100, decimals: 1) + "%"
        return language == .en ? text : text.replacingDot()
    }

    /// `text`, a number written with a decimal point, with `language`'s decimal mark: a comma
    /// in pt-BR (`0,5`, `1,25e+07`). JSON never goes through here.
    public static func decimalMark(_ text: String, _ language: Language) -> String {
        language == .en ? text : text.replacingDot()
    }

    /// `value` rounded to `decimals` places, without Foundation's locale-dependent formatting.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return String(value) }
        let whole = Int(scaled) / Int(scale)
        let frac = Int(scaled) % Int(scale)
        var s = String(whole)
        if decimals > 0 {
            let f = String(frac)
            s += "." + String(repeating: "0", count: decimals - f.count) + f
        }
        return (value < 0 && scaled != 0 ? "-" : "") + s
    }
}

extension String {
    fileprivate func replacingDot() -> String {
        String(map { $0 == "." ? "," : $0 })
    }
}
