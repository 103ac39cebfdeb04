// BatchInputs: the images of a batch: files given by name, and the PNG and JPEG files (.png, .jpg,
// .jpeg) of folders given
// (their subfolders too with `recursive`; hidden entries and links to folders are skipped), in
// sorted path order. Each gets the folder its files go to, relative to --out: the file's stem,
// under its subfolder when it was found in one; names that would clash get -1, -2, ... in path
// order. Names are decided over the whole list before sharding, so every shard agrees on them.
public struct BatchInput: Equatable, Sendable {
    /// The image's path, as given or as found under a folder given.
    public let path: String
    /// Where its files go, relative to the output folder ("cat", "birds/robin").
    public let outputName: String
}

public enum BatchInputs {
    /// The images named by `arguments`; a folder with no PNG in it adds none, a path that does
    /// not exist is kept so that it is reported as failed.
    public static func collect(_ arguments: [String], recursive: Bool) throws(ExportError) -> [BatchInput] {
        var found = [(path: String, relative: [String])]()
        for argument in arguments {
            if FileSystem.isDirectory(argument, followingLinks: true) {
                let root = argument.hasSuffix("/") && argument.count > 1 ? String(argument.dropLast()) : argument
                for relative in try pngFiles(under: root, recursive: recursive) {
                    found.append((root + "/" + relative.joined(separator: "/"), relative))
                }
            } else {
                found.append((argument, [String(argument.split(separator: "/").last ?? Substring(argument))]))
            }
        }
        found.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var seen = Set<String>(), used = [String: Int]()
        var inputs = [BatchInput]()
        for entry in found where seen.insert(entry.path).inserted {
            var parts = entry.relative.dropLast().map(ExportNames.safeComponent)
            parts.append(ExportNames.safeComponent(ExportNames.stem(entry.relative.last!)))
            let base = parts.joined(separator: "/")
            var name = base
            if let count = used[base] {
                var n = count
                repeat { n += 1; name = "\(base)-\(n)" } while used[name] != nil
                used[base] = n
            }
            used[name] = used[name] ?? 0
            inputs.append(BatchInput(path: entry.path, outputName: name))
        }
        return inputs
    }

    /// What a folder's images are called; a file given by name is read whatever its name (the
    /// reader goes by its first bytes).
    public static let imageExtensions = [".png", ".jpg", ".jpeg"]

    /// Paths relative to `root` (as components) of its images, in byte order.
    static func pngFiles(under root: String, recursive: Bool) throws(ExportError) -> [[String]] {
        var files = [[String]]()
        for name in try FileSystem.entries(root) where !name.hasPrefix(".") {
            let path = root + "/" + name
            if FileSystem.isDirectory(path) {
                if recursive { files += try pngFiles(under: path, recursive: true).map { [name] + $0 } }
            } else if imageExtensions.contains(where: name.lowercased().hasSuffix) && !FileSystem.isDirectory(path, followingLinks: true) {
                files.append([name])
            }
        }
        return files
    }

    /// Shard `index` of `count`: every count-th input from the index-th, so that the shards of
    /// one list are disjoint and together are all of it.
    public static func shard(_ inputs: [BatchInput], index: Int, count: Int) -> [BatchInput] {
        inputs.enumerated().filter { $0.offset % count == index }.map(\.element)
    }

    /// "i/n" with 0 <= i < n.
    public static func parseShard(_ text: String) -> (index: Int, count: Int)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 0, i < n else { return nil }
        return (i, n)
    }
}
