import CNNLabEngine
import Testing

/// The `.lesson` format as `Lessons/README.md` documents it.
@Suite struct LessonParserTests {
    func parse(_ text: String) -> (lesson: Lesson, problems: [LessonProblem]) {
        LessonParser.parse(text, path: "t/01-t.lesson", directory: "t")
    }

    @Test func readsTitleStepsCommandsAndQuestions() {
        let (lesson, problems) = parse(sampleLesson)
        #expect(problems.isEmpty, "\(problems)")
        #expect(lesson.number == 1 && lesson.name == "t")
        #expect(lesson.title == LocalizedText("One layer", "Uma camada"))
        #expect(lesson.introduction == [LocalizedText("An introduction.", "Uma introdução.")])
        #expect(lesson.steps.count == 3)
        #expect(lesson.steps[0].commands.map(\.source) == ["input 6x6x3"])
        #expect(lesson.steps[0].commands[0].expected[.en]?.lines == ["layer 0  input  6×6×3  params 0"])
        let q = lesson.steps[1].question
        #expect(q?.answer == .number(280))
        #expect(q?.check == .params(1))
        #expect(q?.hint?.portuguese == "3·3·3 pesos e um viés por filtro.")
        #expect(lesson.steps[2].question?.answer == .choice(1))
        #expect(lesson.steps[2].question?.choices.count == 2)
    }

    @Test func joinsParagraphLinesAndTheirTranslation() {
        let (lesson, _) = parse("# T\npt: T\n## S\npt: S\nline one\nline two\npt: linha um\npt: linha dois\n\nsecond\npt: segundo\n")
        #expect(lesson.steps[0].paragraphs == [
            LocalizedText("line one line two", "linha um linha dois"), LocalizedText("second", "segundo"),
        ])
    }

    @Test func aMissingTranslationIsLocated() {
        let (_, problems) = parse("# T\npt: T\n## S\npt: S\nno translation here\n> input 4x4\n")
        #expect(problems == [LessonProblem(path: "t/01-t.lesson", line: 5, .missingTranslation("the paragraph"))])
    }

    @Test func aTranslationWithNothingToTranslateIsLocated() {
        let (_, problems) = parse("# T\npt: T\n## S\npt: S\n> input 4x4\npt: órfã\n")
        #expect(problems.map(\.line) == [6])
        #expect(problems.first?.kind == .orphanTranslation)
    }

    @Test func numberQuestionsNeedACheckAndAReadableAnswer() {
        let (_, problems) = parse("# T\npt: T\n## S\npt: S\n? Q\npt: P\nanswer: 28O\n\n## S2\npt: S2\n? Q\npt: P\nanswer: 3\n")
        #expect(problems.map(\.kind) == [.badAnswer("28O"), .missingCheck])
        #expect(problems.map(\.line) == [7, 13])
    }

    @Test func choiceAnswersMustBeAChoice() {
        let (_, problems) = parse("# T\npt: T\n## S\npt: S\n? Q\npt: P\nchoice: a\npt: a\nanswer: 3\n")
        #expect(problems.map(\.kind) == [.choiceOutOfRange(3, count: 1)])
    }

    @Test func aFileWithoutTitleOrStepsSaysSo() {
        let (_, problems) = parse("just text\n")
        #expect(problems.map(\.kind).contains(.noTitle))
        #expect(problems.map(\.kind).contains(.noSteps))
    }

    @Test func fileNamesGiveNumberAndName() {
        #expect(LessonParser.fileName("Lessons/04-lenet5.lesson") == (4, "lenet5"))
        #expect(LessonParser.fileName("demo.lesson") == (nil, "demo"))
    }

    @Test func checkQueriesReadAsDocumented() {
        #expect(LessonCheckQuery("params") == .params(nil))
        #expect(LessonCheckQuery("shape 3") == .shape(3))
        #expect(LessonCheckQuery("value Z[0, 1]") == .value("Z[0, 1]"))
        #expect(LessonCheckQuery("shape-of maxpool(A, f=2)") == .shapeOf("maxpool(A, f=2)"))
        #expect(LessonCheckQuery("most-params") == .mostParams)
        #expect(LessonCheckQuery("params x") == nil)
        #expect(LessonCheckQuery("volume 2") == nil)
    }
}
