import Foundation

/// A folder of `.lesson` files: lists them and opens one by name or number.
public struct LessonLibrary: Sendable, Equatable {
    /// The folder, or nil when none was found.
    public var directory: String?

    public init(directory: String?) {
        self.directory = directory
    }

    /// One lesson file of the folder, before it is read.
    public struct Entry: Sendable, Equatable {
        public var number: Int?
        public var name: String
        public var path: String
    }

    /// The lesson files, by number (unnumbered ones last, by name).
    public func entries() -> [Entry] {
        guard let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.hasSuffix(".lesson") }
            .map { file in
                let (number, name) = LessonParser.fileName(file)
                return Entry(number: number, name: name, path: (directory as NSString).appendingPathComponent(file))
            }
            .sorted { ($0.number ?? Int.max, $0.name) < ($1.number ?? Int.max, $1.name) }
    }

    /// The entry called `key`: a name (`one-layer`), a number (`1`, `01`), or a file name.
    public func entry(_ key: String) throws(Diagnostic) -> Entry {
        let all = entries()
        guard !all.isEmpty else { throw Diagnostic(.activity(.noLessons)) }
        let bare: (number: Int?, name: String) = key.hasSuffix(".lesson") ? LessonParser.fileName(key) : (Int(key), key)
        if let found = all.first(where: { $0.name == bare.name || (bare.number != nil && $0.number == bare.number) }) {
            return found
        }
        throw Diagnostic(.activity(.lessonNotFound(key, suggestion: closestWord(to: key, in: all.map(\.name)))))
    }

    /// Reads the lesson called `key`, with the problems found in its file.
    public func lesson(_ key: String) throws(Diagnostic) -> (lesson: Lesson, problems: [LessonProblem]) {
        try Self.read(try entry(key))
    }

    /// Reads the lesson file of `entry`.
    public static func read(_ entry: Entry) throws(Diagnostic) -> (lesson: Lesson, problems: [LessonProblem]) {
        guard let data = FileManager.default.contents(atPath: entry.path) else {
            throw Diagnostic(.activity(.lessonUnreadable(entry.path)))
        }
        return LessonParser.parse(
            String(decoding: data, as: UTF8.self), path: entry.path, directory: (entry.path as NSString).deletingLastPathComponent)
    }

    /// The lessons' folder for a cnnlab started as `executable` in `currentDirectory`:
    /// `Lessons/` beside the binary, in `../share/cnnlab/` from it, in a folder above it (a
    /// build inside the source tree), or in the current directory, whichever has lessons.
    public static func locate(executable: String, currentDirectory: String) -> String? {
        ResourceLocator.locate("Lessons", executable: executable, currentDirectory: currentDirectory) {
            !LessonLibrary(directory: $0).entries().isEmpty
        }
    }
}
