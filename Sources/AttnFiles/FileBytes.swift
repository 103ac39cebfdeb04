// FileBytes: whole-file reads and writes through POSIX calls, so failures carry the system's own
// reason ("No such file or directory") instead of a Foundation error dump. Reads are bounded: a
// file over the caller's limit is refused before (or, for a pipe, while) it is read, and devices
// (/dev/zero, a tape) are refused outright, so no path can make a read run away.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public struct FileBytesError: Error {
    public let reason: String

    /// The reason is the caller's to give (it knows which limit and option apply); this one is
    /// the fallback.
    public let overLimit: Int?

    init(reason: String, overLimit: Int? = nil) {
        self.reason = reason
        self.overLimit = overLimit
    }

    static func tooLarge(_ limit: Int) -> FileBytesError {
        FileBytesError(reason: "file is over \(limit) bytes", overLimit: limit)
    }

    static func fromErrno(_ action: String) -> FileBytesError {
        FileBytesError(reason: "\(action) (\(String(cString: strerror(errno))))")
    }
}

public enum FileBytes {
    public static func read(path: String, maxBytes: Int = Int.max) throws(FileBytesError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .fromErrno("cannot open file") }
        defer { close(fd) }

        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .fromErrno("cannot stat file") }
        let type = info.st_mode & S_IFMT
        guard type != S_IFDIR else { throw FileBytesError(reason: "is a directory") }
        guard type != S_IFCHR && type != S_IFBLK else { throw FileBytesError(reason: "is a device, not a file") }
        guard Int(info.st_size) <= maxBytes else { throw .tooLarge(maxBytes) }

        var bytes = [UInt8]()
        bytes.reserveCapacity(Int(info.st_size))
        // Read until end of file rather than trusting st_size: pipes and growing files have none.
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw .fromErrno("cannot read file")
            }
            if got == 0 { return bytes }
            guard got <= maxBytes - bytes.count else { throw .tooLarge(maxBytes) }
            bytes.append(contentsOf: chunk[0..<got])
        }
    }

    public static func write(_ bytes: [UInt8], path: String) throws(FileBytesError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw .fromErrno("cannot create file") }
        var written = 0
        while written < bytes.count {
            let done = bytes.withUnsafeBytes { posixWrite(fd, $0.baseAddress! + written, $0.count - written) }
            if done < 0 {
                if errno == EINTR { continue }
                let failure = FileBytesError.fromErrno("cannot write file")
                close(fd)
                throw failure
            }
            written += done
        }
        // A full disk may only be reported when the data is flushed at close.
        guard close(fd) == 0 else { throw .fromErrno("cannot write file") }
    }
}

// The enum's own read/write would shadow the system calls inside it.
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
