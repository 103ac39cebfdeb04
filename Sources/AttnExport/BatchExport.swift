// BatchExport: `attnview export` over many images: `jobs` images at a time, each run given its
// share of the cores; each image's files written into a temporary folder under --out and moved
// into place whole, so that an interrupted run leaves only complete folders and a re-run with
// skipExisting resumes where it stopped. A file that fails is reported and skipped; the rest
// complete. The thread count is process-wide (OpenBLAS has one), so one batch runs at a time.
import AttnEngine
import AttnImaging
import AttnTUI
import Foundation
import Synchronization

public struct BatchResult: Sendable {
    public enum Status: Sendable, Equatable {
        case exported(files: Int)
        case skipped
        case failed(String)
    }

    public let input: BatchInput
    public let status: Status
    public let seconds: Double
}

public struct BatchOutcome: Sendable, Equatable {
    public var exported = 0, failed = 0, skipped = 0

    /// "3 exported, 1 failed" (and ", 2 skipped" where some were).
    public var line: String {
        "\(exported) exported, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped" : "")
    }
}

public enum BatchExport {
    public struct Request: Sendable {
        public var inputs: [BatchInput]
        public var out: String
        public var jobs: Int
        public var skipExisting: Bool
        public var options: ExportOptions

        public init(inputs: [BatchInput], out: String, jobs: Int, skipExisting: Bool, options: ExportOptions) {
            self.inputs = inputs; self.out = out; self.jobs = jobs; self.skipExisting = skipExisting; self.options = options
        }
    }

    /// Computes an image's model (the network run on it) and what summary.json says of the run.
    public typealias Prepare = @Sendable (BatchInput) throws -> (model: TUIModel, provenance: ImageExport.Provenance)

    public static func run(_ request: Request, cancellation: BatchCancellation, prepare: Prepare,
                           progress: @escaping @Sendable (BatchResult) -> Void) throws(ExportError) -> BatchOutcome {
        let out = request.out.count > 1 && request.out.hasSuffix("/") ? String(request.out.dropLast()) : request.out
        try FileSystem.makeDirectories(out)
        removeStaleTemporaries(in: out)
        // The share of the cores follows --jobs, not how many images there are: OpenBLAS sums in
        // another order on another thread count, so this keeps an image's files the same
        // whatever else is in the batch or the shard.
        let before = EngineThreads.set(max(1, ProcessInfo.processInfo.activeProcessorCount / max(1, request.jobs)))
        defer { EngineThreads.set(before) }
        let jobs = max(1, min(request.jobs, request.inputs.count))
        let next = Atomic<Int>(0)
        let outcome = Mutex(BatchOutcome())
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            while !cancellation.isCancelled {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < request.inputs.count else { break }
                let input = request.inputs[index]
                let started = Date()
                let status = exportOne(input, out: out, request: request, cancellation: cancellation, prepare: prepare)
                if cancellation.isCancelled { break }
                outcome.withLock { o in
                    switch status {
                    case .exported: o.exported += 1
                    case .skipped: o.skipped += 1
                    case .failed: o.failed += 1
                    }
                }
                progress(BatchResult(input: input, status: status, seconds: Date().timeIntervalSince(started)))
            }
        }
        return outcome.withLock { $0 }
    }

    static let temporaryPrefix = ".attnview-partial-"
    static let replacedPrefix = ".attnview-replaced-"

    static func exportOne(_ input: BatchInput, out: String, request: Request, cancellation: BatchCancellation,
                          prepare: Prepare) -> BatchResult.Status {
        let final = out + "/" + input.outputName
        if request.skipExisting && FileSystem.exists(final + "/" + ImageExport.summaryFile) { return .skipped }
        let prepared: (model: TUIModel, provenance: ImageExport.Provenance)
        do {
            prepared = try prepare(input)
        } catch {
            return .failed("\(error)")
        }
        let serial = FileSystem.nextSerial()
        let temporary = "\(out)/\(temporaryPrefix)\(getpid())-\(serial)"
        guard cancellation.beginWriting(temporary) else { return .skipped }
        defer { cancellation.endWriting(temporary) }
        do {
            try FileSystem.makeDirectories(temporary)
            var files = 0
            try ImageExport.export(prepared.model, options: request.options, provenance: prepared.provenance) { name, bytes in
                guard !cancellation.isCancelled else { throw ExportError("interrupted") }
                try FileSystem.writeAtomically(bytes, to: temporary + "/" + name)
                files += 1
            }
            try moveIntoPlace(temporary, final, out: out, serial: serial)
            return .exported(files: files)
        } catch {
            FileSystem.remove(temporary)
            return .failed("\(error)")
        }
    }

    /// Puts a complete folder at `final`, replacing an older export there.
    static func moveIntoPlace(_ temporary: String, _ final: String, out: String, serial: Int) throws(ExportError) {
        try FileSystem.makeDirectories(FileSystem.parentPath(final))
        guard FileSystem.exists(final) else { return try FileSystem.rename(temporary, final) }
        let replaced = "\(out)/\(replacedPrefix)\(getpid())-\(serial)"
        try FileSystem.rename(final, replaced)
        do {
            try FileSystem.rename(temporary, final)
        } catch {
            try? FileSystem.rename(replaced, final)
            throw error
        }
        FileSystem.remove(replaced)
    }

    /// Temporary folders of runs that were killed outright (SIGKILL, power loss): those whose
    /// process is gone.
    static func removeStaleTemporaries(in out: String) {
        for name in (try? FileSystem.entries(out)) ?? [] {
            guard let prefix = [temporaryPrefix, replacedPrefix].first(where: name.hasPrefix) else { continue }
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { FileSystem.remove(out + "/" + name) }
        }
    }
}
