import CNNLabEngine
import Foundation

/// A folder of lesson files written for one test, removed when the test is done.
final class LessonFolder {
    let path: String

    init(_ files: [String: String]) throws {
        path = NSTemporaryDirectory() + "cnnlab-lessons-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A session that finds these lessons and keeps progress in this folder.
    func session(language: Language = .en) -> Session {
        let s = Session(workingDirectory: path)
        s.language = language
        s.lessons = LessonLibrary(directory: path)
        s.lessonProgressFile = StateFile(path: path + "/data/lesson-progress.json")
        s.lessonOutputDirectory = path + "/data/lesson-output"
        return s
    }
}

/// A small lesson in the documented format: three steps, a number question and a choice.
let sampleLesson = """
    # One layer
    pt: Uma camada

    An introduction.
    pt: Uma introdução.

    ## The input
    pt: A entrada
    A 6×6×3 image.
    pt: Uma imagem 6×6×3.
    > input 6x6x3
    = layer 0  input  6×6×3  params 0

    ## Ten filters
    pt: Dez filtros
    Ten filters of 3×3×3.
    pt: Dez filtros 3×3×3.
    > conv 10 f=3
    ? How many parameters does layer 1 have?
    pt: Quantos parâmetros tem a camada 1?
    answer: 280
    check: params 1
    hint: 3·3·3 weights and a bias per filter.
    pt: 3·3·3 pesos e um viés por filtro.
    explain: (3·3·3 + 1)·10 = 280.
    pt: (3·3·3 + 1)·10 = 280.

    ## Its shape
    pt: Seu formato
    ? Which shape comes out?
    pt: Que formato sai?
    choice: 4×4×10
    pt: 4×4×10
    choice: 6×6×10
    pt: 6×6×10
    answer: 1
    """
