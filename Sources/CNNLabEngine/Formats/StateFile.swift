import Foundation

/// A small JSON file that keeps a value between runs (lesson progress, quiz scores).
///
/// Writes are atomic (a temporary file in the same folder, renamed over the old one), so a
/// crash or a full disk never leaves half a file. A file that cannot be decoded is renamed
/// aside to `NAME.corrupt-<unix time>` and reported, never a crash: the user starts afresh
/// and the old bytes are still there to look at.
public struct StateFile<Value: Codable>: Sendable {
    /// Where the value is kept.
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// What `load()` found.
    public struct Loaded {
        /// The stored value, or nil when there is none (or it was set aside).
        public var value: Value?
        /// Where a corrupt file was moved to, when it was.
        public var setAside: String?
    }

    /// Reads the value; a missing file is no value, a corrupt one is set aside.
    public func load() -> Loaded {
        guard let data = FileManager.default.contents(atPath: path) else { return Loaded(value: nil, setAside: nil) }
        if let value = try? JSONDecoder().decode(Value.self, from: data) { return Loaded(value: value, setAside: nil) }
        let aside = path + ".corrupt-\(Int(Date().timeIntervalSince1970))"
        try? FileManager.default.removeItem(atPath: aside)
        guard (try? FileManager.default.moveItem(atPath: path, toPath: aside)) != nil else {
            return Loaded(value: nil, setAside: nil)
        }
        return Loaded(value: nil, setAside: aside)
    }

    /// Writes `value` atomically, making the folder if needed.
    public func save(_ value: Value) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(value).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
