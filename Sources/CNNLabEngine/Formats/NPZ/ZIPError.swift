/// Why a ZIP archive (a `.npz` file) cannot be read or written. `entry` names the member
/// concerned (`W1.npy`); nil means the archive's directory itself.
///
/// The messages are in ``ModelFileProblem`` (English and pt-BR).
public enum ZIPError: Error, Sendable, Equatable {
    /// No end-of-central-directory record: not a ZIP file, or one cut short.
    case notAnArchive
    /// A record or an entry's data runs past the end of the file.
    case truncated(entry: String?)
    /// A record does not start with its signature, or disagrees with the directory.
    case corrupt(entry: String?)
    /// A ZIP64 directory or an archive split over several disks.
    case unsupportedArchive
    /// An encrypted entry.
    case encrypted(entry: String)
    /// A compression method other than STORED (0) and DEFLATE (8).
    case unsupportedMethod(entry: String, method: Int)
    /// The entry's data does not have the CRC-32 the directory gives.
    case checksumMismatch(entry: String)
    /// The data unpacks to another size than the directory gives.
    case sizeMismatch(entry: String, expected: Int, actual: Int)
    /// The DEFLATE stream is invalid.
    case badCompressedData(entry: String)
    /// The entry would unpack to more bytes than its reader allows.
    case entryTooLarge(entry: String, size: Int, limit: Int)
    /// Two entries with one name.
    case duplicateEntry(String)
    /// A file to write past the 4 GiB a ZIP without ZIP64 can hold.
    case archiveTooLarge(size: Int)
}
