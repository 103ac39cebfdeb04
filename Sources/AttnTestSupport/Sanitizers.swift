// Sanitizers: whether the tests run under the address sanitizer (`swift test --sanitize=address`,
// scripts/sanitize.sh), told by its runtime being loaded. Under it memory costs about twice as
// much (redzones, quarantine) and it takes the crash signals itself, so the few tests that
// measure memory or a crash's exit status adjust what they expect, and say so.
#if canImport(Glibc)
import Glibc
#endif

public enum Sanitizers {
    public static let address: Bool = dlsym(nil, "__asan_init") != nil

    /// How much more memory a process takes under the sanitizers in use.
    public static var memoryFactor: Double { address ? 3 : 1 }
}
