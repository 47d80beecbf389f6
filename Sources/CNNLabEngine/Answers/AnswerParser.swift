/// Reads a typed quiz answer: a number, a shape or a small matrix, in English or pt-BR notation.
///
/// Numbers (`-0.5`, `3.75`, `27,000,100`):
/// - English writes `.` for the decimal mark and `,` between thousands; pt-BR the other way round
///   (`3,75`, `27.000.100`). Spaces also group thousands (`27 000 100`, `27 000 100,5`).
/// - A separator that appears twice or more (`27,000,100`, `27.000.100`) can only group
///   thousands, in either language: every group after the first has exactly 3 digits, the first
///   1–3 digits (not starting with 0).
/// - With both marks (`1,234.5`, `1.234,5`) the last one is the decimal mark.
/// - A single separator followed by anything but exactly 3 digits can only be a decimal mark
///   (`3.75` and `3,75` are 3.75 in both languages). Followed by exactly 3 digits after 1–3 digits
///   (`1,960`, `1.960`) it is ambiguous, and the language decides: its thousands separator groups,
///   its decimal mark is decimal (`1,960` is 1960 in English and 1.96 in pt-BR).
/// - No exponents, no letters; `−` (U+2212) counts as a minus sign.
///
/// Shapes (`4x4x10`, `4X4X10`, `4×4×10`, `4 * 4 * 10`, `4 4 10`, `(4, 4, 10)`, `[4, 4, 10]`,
/// `(1, 1, 1, 8)`, `4,4,10`): dimensions are positive integers. `x`, `×` and `*` always make a
/// shape; a comma followed by a blank always separates dimensions. `4,4,10` is a shape because it
/// cannot be a number; `400,120` and `400 120` can be either, see below.
///
/// Matrices (`[[9, 2], [6, 3]]`, `9 2; 6 3`, `3,75 1,25; 4 2` in pt-BR): rows in brackets or
/// separated by `;`, elements by blanks, and in English also by bare commas. In pt-BR a comma
/// between digits is a decimal comma, so write `[[9, 2], [6, 3]]` with blanks.
///
/// A single number in brackets (`(280)`) is a number.
///
/// Ambiguous text has several readings (`400 120`: 400120 or the shape 400×120). `readings`
/// returns them all, most likely first (numbers before shapes, but shapes first when the answer
/// was bracketed); `parse(_:language:expecting:)` takes the first of the kind the question
/// expects, so a student is never marked wrong for a notation the question made clear.
///
/// Never traps: over-long text, huge integers and stray characters are an `AnswerParseError`.
public enum AnswerParser {
    /// Longer answers are refused rather than read.
    public static let maxLength = 200

    /// The answer `text` means, preferring a reading of kind `expecting` when there are several.
    public static func parse(
        _ text: String, language: Language, expecting kind: ParsedAnswer.Kind? = nil
    ) -> Result<ParsedAnswer, AnswerParseError> {
        switch readings(text, language: language) {
        case .failure(let e):
            return .failure(e)
        case .success(let all):
            if let kind, let r = all.first(where: { $0.kind == kind }) { return .success(r) }
            guard let first = all.first else { return .failure(AnswerParseError(.empty, at: 0)) }
            return .success(first)
        }
    }

    /// `parse`'s answer, or nil when the text cannot be read.
    public static func answer(_ text: String, language: Language, expecting kind: ParsedAnswer.Kind? = nil) -> ParsedAnswer? {
        if case .success(let a) = parse(text, language: language, expecting: kind) { return a }
        return nil
    }

    /// Every way `text` can be read in `language`, most likely first (never empty on success).
    public static func readings(_ text: String, language: Language) -> Result<[ParsedAnswer], AnswerParseError> {
        let original = Array(text)
        guard original.count <= maxLength else { return .failure(AnswerParseError(.tooLong, at: maxLength)) }
        let chars = original.map(normalized)
        let body = trimmed(chars[...])
        guard let first = body.first, let last = body.last else {
            return .failure(AnswerParseError(.empty, at: 0))
        }
        for i in body.indices where !isAllowed(chars[i]) {
            return .failure(AnswerParseError(.unexpectedCharacter(original[i]), at: i))
        }
        do {
            if let closer = closing(first) {
                guard last == closer, body.count >= 2 else {
                    return .failure(AnswerParseError(.unbalancedBrackets, at: body.endIndex - 1))
                }
                let inner = trimmed(body.dropFirst().dropLast())
                guard !inner.isEmpty else { return .failure(AnswerParseError(.empty, at: body.startIndex)) }
                if inner.contains(where: isBracket) {
                    return .success([.matrix(try bracketedRows(inner, language: language))])
                }
                if inner.contains(";") { return .success([.matrix(try semicolonRows(inner, language: language))]) }
                return .success(try flat(inner, bracketed: true, language: language))
            }
            if let i = body.firstIndex(where: isBracket) {
                return .failure(AnswerParseError(.unbalancedBrackets, at: i))
            }
            if body.contains(";") { return .success([.matrix(try semicolonRows(body, language: language))]) }
            return .success(try flat(body, bracketed: false, language: language))
        } catch {
            return .failure(error)
        }
    }

    /// Whether `given` is the answer `expected`: the same numbers in the same arrangement, where a
    /// number and a one-dimensional shape are the same thing (`1960` and `[1960]`) and a number is
    /// a 1×1 matrix. Values agree exactly when `tolerance` is 0, else within it (absolute).
    public static func matches(_ given: ParsedAnswer, expected: ParsedAnswer, tolerance: Double = 0) -> Bool {
        let a = given.grid, b = expected.grid
        guard a.count == b.count else { return false }
        for (ra, rb) in zip(a, b) {
            guard ra.count == rb.count else { return false }
            for (x, y) in zip(ra, rb) {
                if tolerance > 0 {
                    guard abs(x - y) <= tolerance else { return false }
                } else {
                    guard x == y else { return false }
                }
            }
        }
        return true
    }

    // MARK: Structure

    private typealias Span = ArraySlice<Character>

    /// Text without brackets or `;`: a shape with `x`, a list with `, `, blank-separated words, or one word.
    private static func flat(_ span: Span, bracketed: Bool, language: Language) throws(AnswerParseError) -> [ParsedAnswer] {
        if span.contains(where: { $0 == "x" || $0 == "*" }) {
            let parts = split(span) { $0 == "x" || $0 == "*" }
            guard parts.count >= 2 else { throw AnswerParseError(.notADimension(String(span)), at: span.startIndex) }
            return [.shape(try parts.map { (p: Span) throws(AnswerParseError) -> Int in try dimension(trimmed(p), at: p.startIndex) })]
        }
        let words = split(span) { $0.isWhitespace }.filter { !$0.isEmpty }
        if words.contains(where: { $0.first == "," || $0.last == "," }) {
            let items = words.flatMap { split($0) { $0 == "," } }.filter { !$0.isEmpty }
            // `(280,)` is numpy's one-element tuple; a bare `3,` or `,` is a slip, not a shape.
            guard items.count >= 2 || (bracketed && items.count == 1) else {
                throw AnswerParseError(.malformedNumber(String(span)), at: span.startIndex)
            }
            return [.shape(try items.map { (p: Span) throws(AnswerParseError) -> Int in try dimension(p, at: p.startIndex) })]
        }
        var readings: [ParsedAnswer] = []
        var shapes: [ParsedAnswer] = []
        var firstError: AnswerParseError?
        if words.count > 1 {
            if let n = spaceGrouped(words) { readings.append(.number(n)) }
            var dims: [Int] = []
            for w in words {
                do throws(AnswerParseError) {
                    dims.append(try dimension(w, at: w.startIndex))
                } catch {
                    if firstError == nil { firstError = AnswerParseError(.malformedNumber(String(w)), at: w.startIndex) }
                }
            }
            if dims.count == words.count { shapes.append(.shape(dims)) }
        } else if let word = words.first {
            switch number(word, language: language) {
            case .success(let x): readings.append(.number(x))
            case .failure(let e): firstError = e
            }
            if word.contains(","), word.allSatisfy({ $0 == "," || isDigit($0) }) {
                let parts = split(word) { $0 == "," }
                if parts.count >= 2, let dims = try? parts.map({ (p: Span) throws(AnswerParseError) -> Int in try dimension(p, at: p.startIndex) }) {
                    shapes.append(.shape(dims))
                }
            }
        }
        let all = bracketed ? shapes + readings : readings + shapes
        if all.isEmpty { throw firstError ?? AnswerParseError(.malformedNumber(String(span)), at: span.startIndex) }
        return all
    }

    /// `[9, 2], [6, 3]` (the inside of `[[9, 2], [6, 3]]`).
    private static func bracketedRows(_ span: Span, language: Language) throws(AnswerParseError) -> [[Double]] {
        var rows: [[Double]] = []
        var i = span.startIndex
        while i < span.endIndex {
            let c = span[i]
            if c.isWhitespace || c == "," || c == ";" {
                i += 1
                continue
            }
            guard let closer = closing(c) else { throw AnswerParseError(.unbalancedBrackets, at: i) }
            guard let end = span[(i + 1)...].firstIndex(where: isBracket), span[end] == closer else {
                throw AnswerParseError(.unbalancedBrackets, at: i)
            }
            rows.append(try row(span[(i + 1)..<end], language: language))
            i = end + 1
        }
        return try rectangular(rows, at: span.startIndex)
    }

    /// `9 2; 6 3`.
    private static func semicolonRows(_ span: Span, language: Language) throws(AnswerParseError) -> [[Double]] {
        var parts = split(span) { $0 == ";" }
        if let last = parts.last, trimmed(last).isEmpty, parts.count > 1 { parts.removeLast() }  // a trailing `;`
        var rows: [[Double]] = []
        for p in parts { rows.append(try row(p, language: language)) }
        return try rectangular(rows, at: span.startIndex)
    }

    /// One matrix row: numbers separated by blanks (and by bare commas in English).
    private static func row(_ span: Span, language: Language) throws(AnswerParseError) -> [Double] {
        var values: [Double] = []
        for word in split(span, where: { $0.isWhitespace }) where !word.isEmpty {
            var w = word
            while w.first == "," { w = w.dropFirst() }
            while w.last == "," { w = w.dropLast() }
            let items = language == .en ? split(w) { $0 == "," } : [w]
            for item in items where !item.isEmpty {
                switch number(item, language: language) {
                case .success(let x): values.append(x)
                case .failure(let e): throw e
                }
            }
        }
        guard !values.isEmpty else { throw AnswerParseError(.malformedNumber(String(span)), at: span.startIndex) }
        return values
    }

    private static func rectangular(_ rows: [[Double]], at offset: Int) throws(AnswerParseError) -> [[Double]] {
        guard let first = rows.first else { throw AnswerParseError(.empty, at: offset) }
        guard rows.allSatisfy({ $0.count == first.count }) else { throw AnswerParseError(.raggedMatrix, at: offset) }
        return rows
    }

    // MARK: Words

    /// One number word, `-27.000.100` or `3,75`, by the rules in the type's comment.
    private static func number(_ word: Span, language: Language) -> Result<Double, AnswerParseError> {
        let bad = AnswerParseError(.malformedNumber(String(word)), at: word.startIndex)
        var body = word
        var negative = false
        if let s = body.first, s == "-" || s == "+" {
            negative = s == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.allSatisfy({ isDigit($0) || $0 == "," || $0 == "." }) else { return .failure(bad) }
        let commas = body.filter { $0 == "," }.count
        let periods = body.filter { $0 == "." }.count
        var integer: [Character] = []
        var fraction: [Character] = []
        if commas > 0 && periods > 0 {
            guard let lastMark = body.lastIndex(where: { $0 == "," || $0 == "." }) else { return .failure(bad) }
            let decimal = body[lastMark]
            guard body.filter({ $0 == decimal }).count == 1 else { return .failure(bad) }
            let thousands: Character = decimal == "," ? "." : ","
            guard let g = grouped(body[..<lastMark], by: thousands) else { return .failure(bad) }
            integer = g
            fraction = Array(body[(lastMark + 1)...])
            guard !fraction.isEmpty, fraction.allSatisfy(isDigit) else { return .failure(bad) }
        } else if commas + periods >= 2 {
            guard let g = grouped(body, by: commas > 0 ? "," : ".") else { return .failure(bad) }
            integer = g
        } else if let mark = body.firstIndex(where: { $0 == "," || $0 == "." }) {
            let before = Array(body[..<mark]), after = Array(body[(mark + 1)...])
            guard !after.isEmpty else { return .failure(bad) }
            let couldGroup = after.count == 3 && (1...3).contains(before.count) && before.first != "0"
            if couldGroup && body[mark] == thousandsSeparator(language) {
                integer = before + after
            } else {
                integer = before
                fraction = after
            }
        } else {
            integer = Array(body)
        }
        guard integer.count + fraction.count <= 40 else { return .failure(bad) }
        let text = (negative ? "-" : "") + (integer.isEmpty ? "0" : String(integer)) + (fraction.isEmpty ? "" : "." + String(fraction))
        guard let x = Double(text), x.isFinite else { return .failure(bad) }
        return .success(x)
    }

    /// The digits of `1,234,567` without the separators, or nil if the groups are not 1–3 then 3s.
    private static func grouped(_ span: Span, by separator: Character) -> [Character]? {
        let groups = split(span) { $0 == separator }
        guard let first = groups.first, (1...3).contains(first.count), first.first != "0" else { return nil }
        guard groups.allSatisfy({ $0.allSatisfy(isDigit) }), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return groups.flatMap { Array($0) }
    }

    /// `27 000 100` (and `27 000 100,5`): the words form a number grouped by blanks, or nil.
    private static func spaceGrouped(_ words: [Span]) -> Double? {
        guard words.count >= 2, var head = words.first, let tail = words.last else { return nil }
        var negative = false
        if let s = head.first, s == "-" || s == "+" {
            negative = s == "-"
            head = head.dropFirst()
        }
        guard (1...3).contains(head.count), head.allSatisfy(isDigit), head.first != "0" else { return nil }
        var digits = Array(head)
        for w in words.dropFirst().dropLast() {
            guard w.count == 3, w.allSatisfy(isDigit) else { return nil }
            digits += w
        }
        var fraction: [Character] = []
        if let mark = tail.firstIndex(where: { $0 == "," || $0 == "." }) {
            fraction = Array(tail[(mark + 1)...])
            guard !fraction.isEmpty, fraction.allSatisfy(isDigit) else { return nil }
            let whole = tail[..<mark]
            guard whole.count == 3, whole.allSatisfy(isDigit) else { return nil }
            digits += whole
        } else {
            guard tail.count == 3, tail.allSatisfy(isDigit) else { return nil }
            digits += tail
        }
        guard digits.count + fraction.count <= 40 else { return nil }
        let text = (negative ? "-" : "") + String(digits) + (fraction.isEmpty ? "" : "." + String(fraction))
        return Double(text)
    }

    /// A shape's dimension: a positive integer that fits in `Int`.
    private static func dimension(_ word: Span, at offset: Int) throws(AnswerParseError) -> Int {
        guard !word.isEmpty, word.allSatisfy(isDigit), let n = Int(String(word)), n >= 1 else {
            throw AnswerParseError(.notADimension(String(word)), at: offset)
        }
        return n
    }

    // MARK: Characters

    private static func thousandsSeparator(_ language: Language) -> Character {
        language == .en ? "," : "."
    }

    /// Folds the characters that mean the same thing: `×`/`X` → `x`, `−` → `-`, no-break spaces → ` `.
    private static func normalized(_ c: Character) -> Character {
        switch c {
        case "×", "X": return "x"
        case "\u{2212}", "\u{2013}": return "-"
        case "\u{00A0}", "\u{202F}", "\u{2009}", "\t": return " "
        default: return c
        }
    }

    private static func isDigit(_ c: Character) -> Bool {
        c.isASCII && c.isNumber
    }

    private static func isBracket(_ c: Character) -> Bool {
        c == "(" || c == ")" || c == "[" || c == "]"
    }

    private static func closing(_ c: Character) -> Character? {
        c == "(" ? ")" : c == "[" ? "]" : nil
    }

    private static func isAllowed(_ c: Character) -> Bool {
        isDigit(c) || c.isWhitespace || ",.-+x*()[];".contains(c)
    }

    private static func trimmed(_ span: Span) -> Span {
        var s = span
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }

    /// Splits keeping empty pieces (so `3,,5` shows its empty group) and each piece's offsets.
    private static func split(_ span: Span, where isSeparator: (Character) -> Bool) -> [Span] {
        span.split(omittingEmptySubsequences: false, whereSeparator: isSeparator)
    }
}
