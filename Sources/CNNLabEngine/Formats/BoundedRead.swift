import Foundation

/// Reading all of a file or a stream, but never more than a limit: `/dev/zero`, a pipe that
/// never ends or a file larger than cnnlab could use is refused as soon as it passes the
/// limit, before it fills memory.
public enum BoundedRead {
    /// Why the bytes were not read.
    public enum Failure: Error, Equatable, Sendable {
        /// There is more than `limit` bytes.
        case tooLarge(limit: Int)
        /// The system refused (the reason in its words).
        case unreadable(String)
    }

    /// Every byte of the open file descriptor `fd` up to its end, at most `limit`.
    public static func all(fileDescriptor fd: Int32, limit: Int) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(String(cString: strerror(errno)))
            }
            if n == 0 { return bytes }
            guard n <= limit - bytes.count else { throw .tooLarge(limit: limit) }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }

    /// Every byte of the file at `path`, at most `limit`.
    public static func all(path: String, limit: Int) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(String(cString: strerror(errno))) }
        defer { close(fd) }
        return try all(fileDescriptor: fd, limit: limit)
    }
}
