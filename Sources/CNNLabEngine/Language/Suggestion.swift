/// The word in `candidates` closest to `word` by edit distance, if it is close enough to be a
/// likely typo (at most 2 edits, and fewer than half the word's letters).
public func closestWord(to word: String, in candidates: [String]) -> String? {
    var best: (String, Int)?
    for c in candidates {
        let d = editDistance(word, c)
        if d <= 2, d * 2 < max(word.count, 2) + 1, best.map({ d < $0.1 }) ?? true {
            best = (c, d)
        }
    }
    return best?.0
}

/// Levenshtein distance between two strings, by characters.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
