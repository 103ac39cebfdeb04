// InterruptHandler: Ctrl-C, SIGTERM and SIGHUP during a batch: the batch is cancelled, what was
// half written is removed, and the process exits with 128 + the signal, as a shell expects.
// The handlers run on their own queue, so they are heard while every core computes.
import AttnExport
import Dispatch
import Foundation

final class InterruptHandler {
    private var sources = [DispatchSourceSignal]()
    private static let signals = [SIGINT, SIGTERM, SIGHUP]

    init(_ cancellation: BatchCancellation, report: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "attnview.interrupts")
        for signal in Self.signals {
            // The default action would end the process before the handler runs.
            Foundation.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: queue)
            source.setEventHandler {
                cancellation.interrupt()
                report()
                exit(128 + signal)
            }
            source.resume()
            sources.append(source)
        }
    }

    func remove() {
        for source in sources { source.cancel() }
        for signal in Self.signals { Foundation.signal(signal, SIG_DFL) }
    }
}
