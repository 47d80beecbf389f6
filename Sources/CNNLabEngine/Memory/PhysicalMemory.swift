import Foundation

/// The machine's memory, for the session's default memory limit.
public enum PhysicalMemory {
    /// Bytes of physical memory: `MemTotal` of /proc/meminfo on Linux, else the page count
    /// times the page size from `sysconf`; nil when neither says.
    public static var bytes: Int? {
        if let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8), let total = memTotal(text) {
            return total
        }
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return nil }
        return CheckedCount.product(pages, size)
    }

    /// `MemTotal:  16318480 kB` → its bytes.
    static func memTotal(_ meminfo: String) -> Int? {
        for line in meminfo.split(separator: "\n") where line.hasPrefix("MemTotal:") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2, let kilobytes = Int(fields[1]) else { return nil }
            return CheckedCount.product(kilobytes, 1024)
        }
        return nil
    }

    /// The memory a session may use unless told otherwise: half the machine's (the other half
    /// for the system, the kernels' scratch space and the results of one statement), or
    /// 4 GiB when the machine's memory is not known. Read once per run.
    public static let defaultLimit: Int = bytes.map { $0 / 2 } ?? 4 << 30
}
