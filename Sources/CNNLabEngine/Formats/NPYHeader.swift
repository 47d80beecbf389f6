/// The Python-literal dictionary at the start of a `.npy` file:
/// `{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }`.
struct NPYHeader {
    var descr: String
    var fortranOrder: Bool
    var shape: [Int]

    /// Parses the three keys numpy writes; keys may come in any order.
    init(parsing text: String) throws(NPYFormat.DecodeError) {
        var scanner = Scanner(Array(text))
        var descr: String?
        var fortran: Bool?
        var shape: [Int]?
        try scanner.expect("{")
        while true {
            scanner.skipSpace()
            if scanner.consume("}") { break }
            let key = try scanner.quoted()
            try scanner.expect(":")
            scanner.skipSpace()
            switch key {
            case "descr": descr = try scanner.quoted()
            case "fortran_order":
                if scanner.consume("True") {
                    fortran = true
                } else if scanner.consume("False") {
                    fortran = false
                } else {
                    throw .malformed("fortran_order is neither True nor False")
                }
            case "shape": shape = try scanner.tuple()
            default: throw .malformed("unexpected header key '\(key)'")
            }
            scanner.skipSpace()
            if scanner.consume(",") { continue }
            try scanner.expect("}")
            break
        }
        guard let d = descr, let f = fortran, let s = shape else {
            throw .malformed("header lacks descr, fortran_order or shape")
        }
        self.descr = d
        self.fortranOrder = f
        self.shape = s
    }

    /// A cursor over the header's characters.
    private struct Scanner {
        let chars: [Character]
        var i = 0

        init(_ chars: [Character]) { self.chars = chars }

        mutating func skipSpace() {
            while i < chars.count, chars[i].isWhitespace { i += 1 }
        }

        mutating func consume(_ word: String) -> Bool {
            let w = Array(word)
            guard i + w.count <= chars.count, Array(chars[i..<(i + w.count)]) == w else { return false }
            i += w.count
            return true
        }

        mutating func expect(_ word: String) throws(NPYFormat.DecodeError) {
            skipSpace()
            guard consume(word) else { throw .malformed("expected '\(word)' in the header") }
        }

        mutating func quoted() throws(NPYFormat.DecodeError) -> String {
            skipSpace()
            guard i < chars.count, chars[i] == "'" || chars[i] == "\"" else { throw .malformed("expected a quoted string in the header") }
            let q = chars[i]
            i += 1
            var s = ""
            while i < chars.count, chars[i] != q {
                s.append(chars[i])
                i += 1
            }
            guard i < chars.count else { throw .malformed("unterminated string in the header") }
            i += 1
            return s
        }

        mutating func tuple() throws(NPYFormat.DecodeError) -> [Int] {
            try expect("(")
            var dims: [Int] = []
            while true {
                skipSpace()
                if consume(")") { return dims }
                var digits = ""
                while i < chars.count, chars[i].isASCII, chars[i].isNumber {
                    digits.append(chars[i])
                    i += 1
                }
                // numpy may write Python 2 longs as 3L.
                _ = consume("L")
                guard let n = Int(digits) else { throw .malformed("shape entry is not a non-negative integer") }
                dims.append(n)
                skipSpace()
                if consume(",") { continue }
                try expect(")")
                return dims
            }
        }
    }
}
