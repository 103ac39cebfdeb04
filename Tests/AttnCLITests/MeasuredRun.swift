// MeasuredRun: runs the built attnview and reports, with its exit status and output, the peak
// resident memory the kernel measured for it, so the memory budget is checked on the real process
// rather than estimated. The figure is the process's VmHWM (its high-water mark, which only
// grows), read every few milliseconds until it exits: wait4's ru_maxrss would not do, because a
// child spawned with vfork semantics inherits the parent's peak (the test runner's) at exec.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct MeasuredResult {
    let status: Int32
    let stdout: String
    let stderr: String
    /// Peak resident set size, in megabytes.
    let peakMegabytes: Double
}

enum MeasuredRun {
    static func run(_ arguments: [String], in folder: TemporaryFolder) throws -> MeasuredResult {
        let outPath = folder.path("measured-\(UUID().uuidString).out"), errPath = outPath + ".err"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([BuiltBinary.url.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, BuiltBinary.url.path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        var peakKilobytes = 0
        while true {
            if let hwm = highWaterMark(pid) { peakKilobytes = max(peakKilobytes, hwm) }
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid || (waited < 0 && errno != EINTR) { break }
            usleep(2000)
        }
        let exit = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return MeasuredResult(status: exit,
                              stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                              stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
                              peakMegabytes: Double(peakKilobytes) / 1024)
    }

    /// VmHWM from /proc/PID/status, in kilobytes; nil once the process has let go of its memory.
    static func highWaterMark(_ pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }
}
