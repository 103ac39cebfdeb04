// FileSystem: the few POSIX file operations export needs (folders, renames, exclusive links,
// removal of a whole tree), with failures in the system's own words.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AttnFiles
import AttnImaging
import Synchronization

enum FileSystem {
    static func reason() -> String { String(cString: strerror(errno)) }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// A real directory, not a link to one (so recursive walks cannot loop).
    static func isDirectory(_ path: String, followingLinks: Bool = false) -> Bool {
        var info = stat()
        let ok = followingLinks ? stat(path, &info) : lstat(path, &info)
        return ok == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates `path` and any missing parents.
    static func makeDirectories(_ path: String) throws(ExportError) {
        if isDirectory(path, followingLinks: true) { return }
        let parent = parentPath(path)
        if !parent.isEmpty && parent != path { try makeDirectories(parent) }
        guard mkdir(path, 0o755) == 0 || (errno == EEXIST && isDirectory(path, followingLinks: true)) else {
            throw ExportError("cannot create folder \(path): \(reason())")
        }
    }

    static func parentPath(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// Names in a folder, "." and ".." left out, in byte order.
    static func entries(_ path: String) throws(ExportError) -> [String] {
        guard let dir = opendir(path) else { throw ExportError("cannot read folder \(path): \(reason())") }
        defer { closedir(dir) }
        var names = [String]()
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    static func rename(_ from: String, _ to: String) throws(ExportError) {
        guard Glibc.rename(from, to) == 0 else { throw ExportError("cannot move \(from) to \(to): \(reason())") }
    }

    /// Removes a file or a whole folder; what is already gone is not an error.
    static func remove(_ path: String) {
        if isDirectory(path) {
            for name in (try? entries(path)) ?? [] { remove(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// Writes `bytes` to `path` through a temporary file beside it and a rename, so that no reader
    /// ever sees half a file, and an interrupted write leaves none.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(ExportError) {
        let temporary = temporaryName(beside: path)
        do {
            try FileBytes.write(bytes, path: temporary)
        } catch {
            unlink(temporary)
            throw ExportError("cannot write \(path): \(error.reason)")
        }
        do {
            try rename(temporary, path)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Writes `bytes` under the first of `candidates` that does not exist yet, never replacing a
    /// file (a hard link claims the name atomically); returns the path written.
    static func writeNew(_ bytes: [UInt8], candidates: some Sequence<String>) throws(ExportError) -> String {
        var iterator = candidates.makeIterator()
        guard let first = iterator.next() else { throw ExportError("no file name to write") }
        let temporary = temporaryName(beside: first)
        do {
            try FileBytes.write(bytes, path: temporary)
        } catch {
            unlink(temporary)
            throw ExportError("cannot write \(first): \(error.reason)")
        }
        defer { unlink(temporary) }
        var candidate: String? = first
        while let path = candidate {
            if link(temporary, path) == 0 { return path }
            guard errno == EEXIST else { throw ExportError("cannot write \(path): \(reason())") }
            candidate = iterator.next()
        }
        throw ExportError("no free file name beside \(first)")
    }

    static func temporaryName(beside path: String) -> String {
        let parent = parentPath(path)
        let name = String(path.split(separator: "/").last ?? "")
        return (parent.isEmpty ? "" : parent + "/") + ".\(name).tmp-\(getpid())-\(nextSerial())"
    }

    /// Unique across threads, so that concurrent writers never share a temporary file.
    private static let serial = Atomic<Int>(0)
    static func nextSerial() -> Int { serial.add(1, ordering: .relaxed).newValue }
}
