import Foundation

/// A small JSON file that keeps a value between runs (lesson progress, quiz scores).
///
/// Writes are atomic (``AtomicFile``: a temporary file renamed over the old one, with the old
/// file's permissions), so a crash or a full disk never leaves half a file. A file that cannot be decoded is renamed
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
        /// The file exists but could not be read, or was corrupt and could not be moved aside.
        public var unusable = false
    }

    /// Reads the value; a missing file is no value, a corrupt one is set aside.
    public func load(now: Date = Date()) -> Loaded {
        guard FileManager.default.fileExists(atPath: path) else { return Loaded(value: nil, setAside: nil) }
        guard let data = FileManager.default.contents(atPath: path) else { return Loaded(value: nil, setAside: nil, unusable: true) }
        if let value = try? JSONDecoder().decode(Value.self, from: data) { return Loaded(value: value, setAside: nil) }
        let aside = path + ".corrupt-\(Int(now.timeIntervalSince1970))"
        guard rename(path, aside) == 0 else { return Loaded(value: nil, setAside: nil, unusable: true) }
        return Loaded(value: nil, setAside: aside)
    }

    /// Why saving failed.
    public struct SaveError: Error, Sendable, Equatable {
        public var path: String
        public var reason: String
    }

    /// Writes `value` atomically, making the folder if needed and keeping the old file's mode.
    public func save(_ value: Value) throws(SaveError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            data = try encoder.encode(value)
        } catch {
            throw SaveError(path: path, reason: (error as NSError).localizedDescription)
        }
        do {
            try AtomicFile.write(data, to: path)
        } catch {
            throw SaveError(path: path, reason: error.reason)
        }
    }
}
