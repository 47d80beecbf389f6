/// Reads the `.lesson` format (see `Lessons/README.md`) into a ``Lesson``.
///
/// Reading never fails outright: every problem is collected with its line, so
/// `lesson --check` can report them all, and a lesson with, say, a missing translation
/// still opens (the English text stands in).
public enum LessonParser {
    /// The lesson in `text`, read from `path` (its folder is where it may read files), and
    /// the problems found in it.
    public static func parse(_ text: String, path: String, directory: String) -> (lesson: Lesson, problems: [LessonProblem]) {
        var reader = Reader(path: path)
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            reader.read(String(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine), at: lineNumber)
        }
        reader.finish(at: lineNumber)
        let (number, name) = fileName(path)
        let lesson = Lesson(
            number: number, name: name, title: reader.title?.localized ?? LocalizedText(name, name),
            introduction: reader.introduction.map(\.localized), steps: reader.steps.map(\.step), path: path,
            directory: directory)
        return (lesson, reader.problems)
    }

    /// `01-one-layer.lesson` → (1, "one-layer"); `demo.lesson` → (nil, "demo").
    public static func fileName(_ path: String) -> (number: Int?, name: String) {
        var base = Substring(path.split(separator: "/").last ?? "")
        if base.hasSuffix(".lesson") { base = base.dropLast(".lesson".count) }
        let digits = base.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 4, base.dropFirst(digits.count).first == "-", let n = Int(digits) {
            return (n, String(base.dropFirst(digits.count + 1)))
        }
        return (nil, String(base))
    }
}

/// An English text being read, with its translation so far and where it was written.
private struct DraftText {
    var english: String
    var portuguese: String?
    var line: Int
    /// What it is, for "… has no translation".
    var what: String

    var localized: LocalizedText { LocalizedText(english, portuguese ?? english) }

    mutating func translate(_ text: String) {
        portuguese = portuguese.map { $0 + " " + text } ?? text
    }
}

/// The line-by-line state of ``LessonParser``.
private struct Reader {
    let path: String
    var title: DraftText?
    var introduction: [DraftText] = []
    var steps: [DraftStep] = []
    var problems: [LessonProblem] = []
    /// The element the next `pt:` line translates.
    var target: Target?
    /// Whether the last line continued a paragraph (so the next text line joins it).
    var inParagraph = false
    var sawContent = false

    enum Target { case title, introduction, heading, paragraph, question, choice, hint, explanation }

    init(path: String) { self.path = path }

    mutating func problem(_ line: Int, _ kind: LessonProblem.Kind) {
        problems.append(LessonProblem(path: path, line: line, kind))
    }

    mutating func read(_ raw: String, at line: Int) {
        let text = raw.drop { $0 == " " || $0 == "\t" }
        if text.hasPrefix("//") { return }
        if text.isEmpty {
            inParagraph = false
            if target == .paragraph || target == .introduction { target = nil }
            return
        }
        if !sawContent {
            sawContent = true
            if text.hasPrefix("# ") {
                title = DraftText(english: rest(text, 2), line: line, what: "the title")
                target = .title
                return
            }
            problem(line, .noTitle)
        }
        if let t = value(text, "pt:") { return translate(t, at: line) }
        inParagraph = inParagraph && !isKeyed(text)
        if let heading = value(text, "##") {
            steps.append(DraftStep(heading: DraftText(english: heading, line: line, what: "the heading"), line: line))
            target = .heading
        } else if let command = value(text, ">") {
            guard !steps.isEmpty else { return problem(line, .expectedWithoutCommand) }
            steps[steps.count - 1].commands.append(DraftCommand(source: command, line: line))
            target = nil
        } else if text.hasPrefix("pt=") || text.hasPrefix("=") {
            expected(text, at: line)
        } else if let question = value(text, "?") {
            guard !steps.isEmpty else { return problem(line, .keyWithoutQuestion("?")) }
            if steps[steps.count - 1].question != nil { return problem(line, .secondQuestion) }
            steps[steps.count - 1].question = DraftQuestion(text: DraftText(english: question, line: line, what: "the question"), line: line)
            target = .question
        } else if let key = Self.questionKeys.first(where: { text.hasPrefix($0 + ":") }) {
            questionKey(key, rest(text, key.count + 1), at: line)
        } else {
            narration(String(text), at: line)
        }
    }

    static let questionKeys = ["answer", "choice", "check", "tolerance", "hint", "explain"]

    func isKeyed(_ text: Substring) -> Bool {
        text.hasPrefix("##") || text.hasPrefix(">") || text.hasPrefix("=") || text.hasPrefix("pt=") || text.hasPrefix("?")
            || Self.questionKeys.contains { text.hasPrefix($0 + ":") }
    }

    /// The text after `prefix` (trimmed), or nil when the line does not start with it.
    func value(_ text: Substring, _ prefix: String) -> String? {
        guard text.hasPrefix(prefix) else { return nil }
        return rest(text, prefix.count)
    }

    func rest(_ text: Substring, _ count: Int) -> String {
        String(text.dropFirst(count)).trimmingSpaces
    }

    mutating func narration(_ text: String, at line: Int) {
        if steps.isEmpty {
            if inParagraph, !introduction.isEmpty, introduction[introduction.count - 1].portuguese == nil {
                introduction[introduction.count - 1].english += " " + text
            } else {
                introduction.append(DraftText(english: text, line: line, what: "the paragraph"))
            }
            target = .introduction
        } else {
            let i = steps.count - 1
            if inParagraph, let last = steps[i].paragraphs.last, last.portuguese == nil {
                steps[i].paragraphs[steps[i].paragraphs.count - 1].english += " " + text
            } else {
                steps[i].paragraphs.append(DraftText(english: text, line: line, what: "the paragraph"))
            }
            target = .paragraph
        }
        inParagraph = true
    }

    mutating func translate(_ text: String, at line: Int) {
        inParagraph = false
        let i = steps.count - 1
        switch target {
        case .title?: title?.translate(text)
        case .introduction?: introduction[introduction.count - 1].translate(text)
        case .heading?: steps[i].heading.translate(text)
        case .paragraph?: steps[i].paragraphs[steps[i].paragraphs.count - 1].translate(text)
        case .question?: steps[i].question?.text.translate(text)
        case .choice?: steps[i].question?.translateLastChoice(text)
        case .hint?: steps[i].question?.hint?.translate(text)
        case .explanation?: steps[i].question?.explanation?.translate(text)
        case nil: problem(line, .orphanTranslation)
        }
    }

    mutating func expected(_ text: Substring, at line: Int) {
        let language: Language = text.hasPrefix("pt=") ? .ptBR : .en
        var body = text.dropFirst(language == .ptBR ? 3 : 1)
        if body.first == " " { body = body.dropFirst() }
        guard let i = steps.indices.last, let c = steps[i].commands.indices.last else {
            return problem(line, .expectedWithoutCommand)
        }
        var output = steps[i].commands[c].expected[language] ?? Lesson.ExpectedOutput(lines: [], allowsMore: false, line: line)
        if String(body).trimmingSpaces == "..." {
            output.allowsMore = true
        } else {
            output.lines.append(String(body))
        }
        steps[i].commands[c].expected[language] = output
        target = nil
    }

    mutating func questionKey(_ key: String, _ value: String, at line: Int) {
        guard let i = steps.indices.last, steps[i].question != nil else { return problem(line, .keyWithoutQuestion(key)) }
        switch key {
        case "answer":
            steps[i].question?.answerText = value
            steps[i].question?.answerLine = line
            target = nil
        case "choice":
            steps[i].question?.choices.append(DraftText(english: value, line: line, what: "the choice"))
            target = .choice
        case "check":
            steps[i].question?.check = value
            steps[i].question?.checkLine = line
            target = nil
        case "tolerance":
            guard let t = Double(value), t >= 0, t.isFinite else { return problem(line, .badTolerance(value)) }
            steps[i].question?.tolerance = t
            target = nil
        case "hint":
            steps[i].question?.hint = DraftText(english: value, line: line, what: "the hint")
            target = .hint
        default:
            steps[i].question?.explanation = DraftText(english: value, line: line, what: "the explanation")
            target = .explanation
        }
    }

    /// Checks what can only be checked once the file is read: translations, answers, checks.
    mutating func finish(at lastLine: Int) {
        if !sawContent { problem(1, .noTitle) }
        if steps.isEmpty { problem(max(1, lastLine), .noSteps) }
        var texts: [DraftText] = []
        if let title { texts.append(title) }
        texts += introduction
        for s in steps.indices {
            texts.append(steps[s].heading)
            texts += steps[s].paragraphs
            guard var q = steps[s].question else { continue }
            texts.append(q.text)
            texts += q.choices
            if let h = q.hint { texts.append(h) }
            if let e = q.explanation { texts.append(e) }
            q.resolve(into: &self)
            steps[s].question = q
        }
        for t in texts where t.portuguese == nil { problem(t.line, .missingTranslation(t.what)) }
        problems.sort { $0.line < $1.line }
    }
}

private struct DraftCommand {
    var source: String
    var line: Int
    var expected: [Language: Lesson.ExpectedOutput] = [:]
}

private struct DraftStep {
    var heading: DraftText
    var paragraphs: [DraftText] = []
    var commands: [DraftCommand] = []
    var question: DraftQuestion?
    var line: Int

    init(heading: DraftText, line: Int) {
        self.heading = heading
        self.line = line
    }

    var step: Lesson.Step {
        Lesson.Step(
            heading: heading.localized, paragraphs: paragraphs.map(\.localized),
            commands: commands.map { Lesson.Command(source: $0.source, line: $0.line, expected: $0.expected) },
            question: question?.question, line: line)
    }
}

private struct DraftQuestion {
    var text: DraftText
    var line: Int
    var choices: [DraftText] = []
    var answerText: String?
    var answerLine: Int?
    var answer: LessonAnswer?
    var check: String?
    var checkLine: Int?
    var query: LessonCheckQuery?
    var tolerance = 0.0
    var hint: DraftText?
    var explanation: DraftText?

    init(text: DraftText, line: Int) {
        self.text = text
        self.line = line
    }

    mutating func translateLastChoice(_ text: String) {
        guard !choices.isEmpty else { return }
        choices[choices.count - 1].translate(text)
    }

    /// Reads `answer:` and `check:`, reporting what is wrong with them.
    mutating func resolve(into reader: inout Reader) {
        guard let answerText else { return reader.problem(line, .missingAnswer) }
        let at = answerLine ?? line
        if !choices.isEmpty {
            guard let n = Int(answerText) else { return reader.problem(at, .badAnswer(answerText)) }
            guard (1...choices.count).contains(n) else { return reader.problem(at, .choiceOutOfRange(n, count: choices.count)) }
            answer = .choice(n)
        } else {
            switch AnswerParser.answer(answerText, language: .en) {
            case .number(let d)?: answer = .number(d)
            case .shape(let dims)?: answer = .shape(dims)
            default: return reader.problem(at, .badAnswer(answerText))
            }
        }
        if let check {
            query = LessonCheckQuery(check)
            if query == nil { reader.problem(checkLine ?? at, .badCheck(check)) }
        } else if choices.isEmpty {
            reader.problem(at, .missingCheck)
        }
    }

    var question: Lesson.Question? {
        guard let answer else { return nil }
        return Lesson.Question(
            text: text.localized, choices: choices.map(\.localized), answer: answer, tolerance: tolerance, check: query,
            hint: hint?.localized, explanation: explanation?.localized, line: line, answerLine: answerLine ?? line,
            checkLine: checkLine)
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
